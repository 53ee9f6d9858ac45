import { cataloguePrerender, injectPage } from './catalogue-prerender';
import { isApiPath } from './web-app';

describe('isApiPath', () => {
  it.each([
    '/graphql',
    '/health/ready',
    '/credentials/abc',
    '/status-lists/1',
    '/issuers/o1',
    '/verify',
    '/sitemap.xml',
    '/ctdl/credentials',
    '/ctdl/credentials/abc',
  ])('keeps %s for the API', (path) => {
    expect(isApiPath(path)).toBe(true);
  });
  it.each(['/', '/log-in', '/inbox', '/public/credentials/abc', '/verifying', '/graphqlx'])(
    'leaves %s to the web app',
    (path) => {
      expect(isApiPath(path)).toBe(false);
    },
  );
});

describe('injectPage', () => {
  const html =
    '<!doctype html>\n<html lang="en">\n<head>\n<title>Lattice</title>\n</head>\n<body>\n<div id="root"></div>\n</body>\n</html>';
  it('puts the page’s language, title, head and body into index.html', () => {
    const filled = injectPage(html, {
      lang: 'fr',
      title: 'Soudage & <co>',
      head: '<meta name="description" content="x">',
      body: '<main><h1>Soudage</h1></main>',
    });
    expect(filled).toContain('<html lang="fr"');
    expect(filled).toContain(
      '<title>Soudage &amp; &lt;co&gt; · Lattice</title>\n<meta name="description" content="x">',
    );
    expect(filled).toContain('<div id="root"><main><h1>Soudage</h1></main></div>');
  });
  it('keeps $ sequences in the page as they are', () => {
    expect(injectPage(html, { lang: 'en', title: 't', head: '', body: '<p>$& $1 $$</p>' })).toContain(
      '<div id="root"><p>$& $1 $$</p></div>',
    );
  });
});

describe('cataloguePrerender', () => {
  it('answers only catalogue credential pages', async () => {
    const prerender = cataloguePrerender('http://127.0.0.1:9', 200);
    expect(await prerender('/public/catalogue', '', undefined)).toBeNull();
    expect(await prerender('/catalogue/abc', '', undefined)).toBeNull();
    // A credentials service that does not answer: the plain app.
    expect(
      await prerender('/public/catalogue/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5', '', undefined),
    ).toBeNull();
  });
});

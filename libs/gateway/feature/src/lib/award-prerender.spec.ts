import { injectPage } from './catalogue-prerender';
import { awardPage, awardPrerender } from './award-prerender';

const credential = {
  id: 'https://lattice.example.ca/credentials/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
  issuer: { name: 'Boreal & "Lakes" College' },
  credentialSubject: {
    achievement: {
      name: 'Safe <CNC> setup',
      description: 'Sets up a 3-axis job safely.',
      inLanguage: 'en',
      image: { id: 'https://lattice.example.ca/achievements/0b7e4c1a-7d52-4a7e-9c1e-2f3a4b5c6d7e/badge.svg' },
    },
  },
};
const path = '/public/credentials/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';

describe('awardPage', () => {
  it('gives the Open Graph tags of the credential, escaped', () => {
    const page = awardPage(credential, path)!;
    expect(page.title).toBe('Safe <CNC> setup');
    expect(page.head).toContain('<meta property="og:title" content="Safe &lt;CNC&gt; setup">');
    expect(page.head).toContain(
      '<meta property="og:description" content="Awarded by Boreal &amp; &quot;Lakes&quot; College. Sets up a 3-axis job safely.">',
    );
    expect(page.head).toContain(
      '<meta property="og:image" content="https://lattice.example.ca/achievements/0b7e4c1a-7d52-4a7e-9c1e-2f3a4b5c6d7e/badge.svg">',
    );
    expect(page.head).toContain(`<meta property="og:url" content="https://lattice.example.ca${path}">`);
    expect(page.head).toContain('<meta name="twitter:card" content="summary">');
    const html = injectPage(
      '<html lang="en"><head><title>Lattice</title></head><body><div id="root"></div></body></html>',
      page,
    );
    expect(html).toContain('<title>Safe &lt;CNC&gt; setup · Lattice</title>');
    expect(html).toContain('<div id="root"></div>');
  });

  it('says it in French for a French credential, and gives nothing for what has no name', () => {
    const french = awardPage(
      {
        ...credential,
        credentialSubject: {
          achievement: { ...credential.credentialSubject.achievement, inLanguage: 'fr-CA' },
        },
      },
      path,
    )!;
    expect(french.lang).toBe('fr');
    expect(french.head).toContain('Décerné par Boreal');
    expect(french.head).toContain('<meta name="twitter:card" content="summary">');
    expect(awardPage({ hello: 'world' }, path)).toBeNull();
  });
});

describe('awardPrerender', () => {
  it('fills in only award pages, and nothing when the service does not answer', async () => {
    const prerender = awardPrerender('http://127.0.0.1:9', 200);
    expect(await prerender('/public/catalogue', '', undefined)).toBeNull();
    expect(await prerender('/public/credentials/abc', '', undefined)).toBeNull();
    expect(await prerender(path, '', undefined)).toBeNull();
  });
});

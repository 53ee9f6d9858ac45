// Catalogue pages that mean something without JavaScript: for GET /public/catalogue/:id the
// gateway asks the credentials service for the page's head and body (title, canonical URL,
// Open Graph, schema.org JSON-LD; the credential, its pathways and recognitions) and puts them
// into the app's index.html. A crawler or a screen reader without scripts gets the content; the
// app, when it starts, renders the same page over it. Anything else (or a credentials service
// that does not answer in time) gets the plain index.html.
export interface PrerenderedPage {
  readonly lang: string;
  readonly title: string;
  readonly head: string;
  readonly body: string;
}

export type Prerender = (
  path: string,
  search: string,
  acceptLanguage: string | undefined,
) => Promise<PrerenderedPage | null>;

const CATALOGUE_PAGE = /^\/public\/catalogue\/([0-9a-fA-F-]{36})$/;

export function cataloguePrerender(credentialsUrl: string, timeoutMs = 2_000): Prerender {
  return async (path, search, acceptLanguage) => {
    const match = CATALOGUE_PAGE.exec(path);
    if (!match) return null;
    const lang = new URLSearchParams(search).get('lang');
    const target = new URL(`/catalogue-pages/${match[1]}`, credentialsUrl);
    if (lang === 'en' || lang === 'fr') target.searchParams.set('lang', lang);
    try {
      const response = await fetch(target, {
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return null;
      const page = (await response.json()) as Partial<PrerenderedPage>;
      if (typeof page.head !== 'string' || typeof page.body !== 'string' || typeof page.title !== 'string')
        return null;
      return { lang: page.lang === 'fr' ? 'fr' : 'en', title: page.title, head: page.head, body: page.body };
    } catch {
      return null;
    }
  };
}

const escapeText = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** index.html with the page's language, title, head tags and body put in (the app's root holds the body). */
export function injectPage(html: string, page: PrerenderedPage): string {
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${page.lang}"`)
    .replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeText(page.title)} · Lattice</title>\n${page.head}`,
    )
    .replace('<div id="root"></div>', () => `<div id="root">${page.body}</div>`);
}

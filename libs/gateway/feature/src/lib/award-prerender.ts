// A learner's public credential page shared on a social network or in a chat: for GET
// /public/credentials/:awardId the gateway reads the signed credential from the credentials service
// and puts its Open Graph tags (title, description, badge image, URL) into the app's index.html,
// so a link preview shows the credential without running the app. The app renders the page itself.
import type { Prerender, PrerenderedPage } from './catalogue-prerender';

const AWARD_PAGE = /^\/public\/credentials\/([0-9a-fA-F-]{36})$/;

type Json = Record<string, unknown>;
const object = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

const escapeAttribute = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The page's address on the credential's own origin (its id is the award's public URL). */
function pageUrlOf(id: string, path: string): string | null {
  try {
    return new URL(path, new URL(id).origin).toString();
  } catch {
    return null;
  }
}

/** The page's head tags from the signed credential (an OB 3.0 OpenBadgeCredential); null when it has no name. */
export function awardPage(credential: unknown, path: string): PrerenderedPage | null {
  const json = object(credential);
  const pageUrl = pageUrlOf(text(json['id']), path);
  const achievement = object(object(json['credentialSubject'])['achievement']);
  const title = text(achievement['name']) || text(json['name']);
  if (!title) return null;
  const issuer = text(object(json['issuer'])['name']);
  const lang = text(achievement['inLanguage']).toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const about = text(achievement['description']);
  const awardedBy = issuer ? (lang === 'fr' ? `Décerné par ${issuer}.` : `Awarded by ${issuer}.`) : '';
  const description = [awardedBy, about && about !== title ? about : ''].filter(Boolean).join(' ');
  const image = text(object(achievement['image'])['id']) || text(achievement['image']);
  const tags: Array<[string, string]> = [
    ['og:type', 'website'],
    ['og:site_name', 'Lattice'],
    ['og:title', title],
    ['og:description', description.length > 300 ? `${description.slice(0, 299)}…` : description],
    ...(pageUrl ? ([['og:url', pageUrl]] as Array<[string, string]>) : []),
    ['og:locale', lang === 'fr' ? 'fr_CA' : 'en_CA'],
    ...(image ? ([['og:image', image]] as Array<[string, string]>) : []),
    ...(image ? ([['og:image:alt', title]] as Array<[string, string]>) : []),
  ];
  const head = [
    ...tags.map(
      ([property, content]) => `<meta property="${property}" content="${escapeAttribute(content)}">`,
    ),
    `<meta name="description" content="${escapeAttribute(description)}">`,
    // The badge is square: the small card, with or without it (the large one wants a wide image).
    `<meta name="twitter:card" content="summary">`,
  ].join('\n');
  return { lang, title, head, body: '' };
}

export function awardPrerender(credentialsUrl: string, timeoutMs = 2_000): Prerender {
  return async (path) => {
    const match = AWARD_PAGE.exec(path);
    if (!match) return null;
    try {
      const response = await fetch(new URL(`/credentials/${match[1]!.toLowerCase()}`, credentialsUrl), {
        headers: { accept: 'application/ld+json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) return null;
      return awardPage(await response.json(), path);
    } catch {
      return null;
    }
  };
}

/** The first of the prerenders that fills the page in, or null. */
export function firstPrerender(...prerenders: Prerender[]): Prerender {
  return async (path, search, acceptLanguage) => {
    for (const prerender of prerenders) {
      const page = await prerender(path, search, acceptLanguage);
      if (page) return page;
    }
    return null;
  };
}

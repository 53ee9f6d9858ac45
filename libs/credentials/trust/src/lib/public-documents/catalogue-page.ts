// A catalogue entry's page as people and search engines get it without JavaScript: the gateway
// puts these fragments into the web app's index.html at /public/catalogue/:id (the app replaces
// them when it starts). Head: title, description, canonical URL with its language alternates,
// Open Graph tags and schema.org JSON-LD (a Course that awards an EducationalOccupationalCredential,
// recognized by the institutions that recognize it). Body: what the credential is, the pathways it
// counts toward, where it is recognized — all escaped, in English or French.
import type {
  CatalogueHit,
  PathwayMemberRow,
  PathwayRow,
  RecognitionRow,
} from '@lattice/credentials-data-access';
import { escapeHtml } from './award-page';

export type PageLanguage = 'en' | 'fr';

export interface CataloguePageInput {
  readonly entry: CatalogueHit;
  readonly pathways: readonly (PathwayRow & {
    readonly members: readonly PathwayMemberRow[];
    readonly ownerName: string | null;
  })[];
  readonly recognitions: readonly (RecognitionRow & { readonly institutionName: string | null })[];
  readonly lang: PageLanguage;
  /** The public origin (PUBLIC_BASE_URL), without a trailing slash. */
  readonly baseUrl: string;
}

export interface CataloguePage {
  readonly lang: PageLanguage;
  readonly title: string;
  readonly head: string;
  readonly body: string;
}

const WORDS = {
  en: {
    by: 'Offered by',
    hours: (n: number) => `${n} hour${n === 1 ? '' : 's'}`,
    modes: { ONLINE: 'Online', IN_PERSON: 'In person', HYBRID: 'Hybrid' } as Record<string, string>,
    languages: { en: 'English', fr: 'French' } as Record<string, string>,
    free: 'Free',
    credit: 'Credit-bearing',
    transcript: 'On a transcript',
    retired: 'This credential is retired: it is no longer awarded.',
    countsToward: 'Pathways it counts toward',
    noPathways: 'It does not count toward any pathway yet.',
    steps: (required: number, count: number, all: boolean) =>
      all ? `All of ${count} steps.` : `${required} of ${count} steps.`,
    leadsTo: 'Leads to',
    recognizedBy: 'Where it is recognized',
    noRecognitions: 'No other institution has declared that it recognizes it yet.',
    toward: (title: string) => `toward “${title}”`,
    anInstitution: 'An institution',
    open: 'Open it in the Lattice catalogue',
    category: 'micro-credential',
  },
  fr: {
    by: 'Offert par',
    hours: (n: number) => `${n} heure${n <= 1 ? '' : 's'}`,
    modes: { ONLINE: 'En ligne', IN_PERSON: 'En personne', HYBRID: 'Hybride' } as Record<string, string>,
    languages: { en: 'Anglais', fr: 'Français' } as Record<string, string>,
    free: 'Gratuit',
    credit: 'Donne des crédits',
    transcript: 'Inscrit au relevé de notes',
    retired: 'Ce titre est retiré : il n’est plus décerné.',
    countsToward: 'Parcours auxquels il compte',
    noPathways: 'Il ne compte encore pour aucun parcours.',
    steps: (required: number, count: number, all: boolean) =>
      all ? `Les ${count} étapes.` : `${required} étapes sur ${count}.`,
    leadsTo: 'Mène à',
    recognizedBy: 'Où il est reconnu',
    noRecognitions: 'Aucun autre établissement n’a encore déclaré le reconnaître.',
    toward: (title: string) => `pour le parcours « ${title} »`,
    anInstitution: 'Un établissement',
    open: 'L’ouvrir dans le catalogue Lattice',
    category: 'microtitre',
  },
};

/** JSON for a <script> element: nothing in it can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function cataloguePageUrl(baseUrl: string, credentialId: string, lang?: PageLanguage): string {
  return `${baseUrl}/public/catalogue/${credentialId}${lang ? `?lang=${lang}` : ''}`;
}

export function renderCataloguePage({
  entry,
  pathways,
  recognitions,
  lang,
  baseUrl,
}: CataloguePageInput): CataloguePage {
  const w = WORDS[lang];
  const canonical = cataloguePageUrl(baseUrl, entry.credentialId);
  const description = (entry.description ?? entry.title).slice(0, 300);
  const money = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
    maximumFractionDigits: 0,
  });
  const facts = [
    entry.issuerName ? `${w.by} ${entry.issuerName}` : null,
    entry.hours !== null ? w.hours(entry.hours) : null,
    entry.deliveryMode ? (w.modes[entry.deliveryMode] ?? entry.deliveryMode) : null,
    w.languages[entry.language] ?? entry.language,
    entry.price !== null ? (entry.price === 0 ? w.free : money.format(entry.price)) : null,
    entry.credit ? w.credit : null,
    entry.transcriptable ? w.transcript : null,
  ].filter((fact): fact is string => Boolean(fact));
  const countsToward = pathways.filter((p) => p.members.some((m) => m.credentialId === entry.credentialId));

  const credentialNode = {
    '@type': 'EducationalOccupationalCredential',
    '@id': `${canonical}#credential`,
    name: entry.title,
    description,
    url: canonical,
    credentialCategory: w.category,
    inLanguage: entry.language,
    ...(entry.issuerName
      ? {
          recognizedBy: [
            { '@type': 'CollegeOrUniversity', name: entry.issuerName },
            ...recognitions
              .filter((r) => r.institutionName)
              .map((r) => ({ '@type': 'CollegeOrUniversity', name: r.institutionName })),
          ],
        }
      : {}),
  };
  const courseNode = {
    '@type': 'Course',
    '@id': `${canonical}#course`,
    name: entry.title,
    description,
    url: canonical,
    inLanguage: entry.language,
    ...(entry.issuerName ? { provider: { '@type': 'CollegeOrUniversity', name: entry.issuerName } } : {}),
    ...(entry.hours !== null ? { timeRequired: `PT${entry.hours}H` } : {}),
    ...(entry.price !== null
      ? {
          offers: {
            '@type': 'Offer',
            price: entry.price,
            priceCurrency: 'CAD',
            category: entry.price === 0 ? 'Free' : 'Paid',
          },
        }
      : {}),
    educationalCredentialAwarded: { '@id': `${canonical}#credential` },
    ...(countsToward.length
      ? { isPartOf: countsToward.map((p) => ({ '@type': 'EducationalOccupationalProgram', name: p.title })) }
      : {}),
  };
  const jsonLd = { '@context': 'https://schema.org', '@graph': [courseNode, credentialNode] };
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<link rel="alternate" hreflang="en" href="${escapeHtml(cataloguePageUrl(baseUrl, entry.credentialId, 'en'))}">`,
    `<link rel="alternate" hreflang="fr" href="${escapeHtml(cataloguePageUrl(baseUrl, entry.credentialId, 'fr'))}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="Lattice">`,
    `<meta property="og:title" content="${escapeHtml(entry.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(canonical)}">`,
    `<meta property="og:locale" content="${lang === 'fr' ? 'fr_CA' : 'en_CA'}">`,
    `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
  ].join('\n');

  const list = (items: string[], empty: string) =>
    items.length
      ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(empty)}</p>`;
  const body = `<main id="main" class="page"><section aria-labelledby="page-title">
<h1 id="page-title">${escapeHtml(entry.title)}</h1>
<p>${escapeHtml(facts.join(' · '))}</p>
${entry.retired ? `<p>${escapeHtml(w.retired)}</p>` : ''}
${entry.description ? `<p>${escapeHtml(entry.description)}</p>` : ''}
<h2>${escapeHtml(w.countsToward)}</h2>
${list(
  countsToward.map((p) => {
    const steps = p.members
      .map(
        (m) =>
          `<li><a href="/public/catalogue/${escapeHtml(m.credentialId)}">${escapeHtml(m.title)}</a></li>`,
      )
      .join('');
    const owner = p.ownerName ? ` — ${escapeHtml(p.ownerName)}` : '';
    const target = p.targetCredentialId
      ? ` ${escapeHtml(w.leadsTo)} <a href="/public/catalogue/${escapeHtml(p.targetCredentialId)}">${escapeHtml(p.title)}</a>.`
      : '';
    return `<strong>${escapeHtml(p.title)}</strong>${owner}<br>${escapeHtml(w.steps(p.requiredCount, p.members.length, p.rule === 'ALL_OF'))}${target}<ol>${steps}</ol>`;
  }),
  w.noPathways,
)}
<h2>${escapeHtml(w.recognizedBy)}</h2>
${list(
  recognitions.map((r) =>
    [
      `<strong>${escapeHtml(r.institutionName ?? w.anInstitution)}</strong>`,
      r.creditAmount !== null ? ` — ${escapeHtml(`${r.creditAmount} ${r.creditUnit ?? ''}`.trim())}` : '',
      r.conditions ? `<br>${escapeHtml(r.conditions)}` : '',
    ].join(''),
  ),
  w.noRecognitions,
)}
<p><a href="/public/catalogue">${escapeHtml(w.open)}</a></p>
</section></main>`;
  return { lang, title: entry.title, head, body };
}

/** The sitemap of every catalogue page (the sitemap protocol allows 50,000 URLs per file). */
export function renderSitemap(
  baseUrl: string,
  entries: readonly { credentialId: string; refreshedAt: Date }[],
): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeHtml(cataloguePageUrl(baseUrl, e.credentialId))}</loc><lastmod>${e.refreshedAt.toISOString().slice(0, 10)}</lastmod></url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>${escapeHtml(`${baseUrl}/public/catalogue`)}</loc></url>\n${urls}\n</urlset>\n`;
}

import type { CatalogueHit } from '@lattice/credentials-data-access';
import { renderCataloguePage, renderSitemap } from './catalogue-page';
import { pageLanguage } from './catalogue-pages.controller';

const ID = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const entry: CatalogueHit = {
  credentialId: ID,
  designId: ID,
  designVersion: 1,
  frameworkId: ID,
  issuerId: ID,
  title: 'Soudage </script><script>alert(1)</script>',
  description: 'Souder "sous" l’eau & <en sécurité>.',
  language: 'fr',
  deliveryMode: 'HYBRID',
  hours: 24,
  price: 300,
  credit: true,
  transcriptable: false,
  careerStage: null,
  skillIds: [],
  assessmentMethods: [],
  endorsementCount: 0,
  endorserSectors: [],
  sponsorIds: [],
  issuerName: 'Collège <Nord>',
  issuerRegion: 'ON-Sudbury',
  issuerSize: 'SMALL',
  retired: false,
  publishedAt: new Date('2026-12-01T00:00:00Z'),
  rank: 0,
  sortKey: '',
};
const pathway = {
  id: 'p1',
  ownerId: 'o1',
  ownerName: 'Collège du Nord',
  title: 'Certificat',
  description: null,
  targetCredentialId: null,
  rule: 'ALL_OF' as const,
  requiredCount: 2,
  ordered: false,
  createdBy: 'u',
  createdAt: new Date(),
  members: [
    { pathwayId: 'p1', credentialId: ID, title: entry.title, issuerId: ID, position: 1, minScore: null },
    {
      pathwayId: 'p1',
      credentialId: 'other',
      title: 'Lecture de plans',
      issuerId: ID,
      position: 2,
      minScore: null,
    },
  ],
};
const recognition = {
  id: 'r1',
  institutionId: 'i2',
  institutionName: 'Lakeshore Polytechnic',
  credentialId: ID,
  pathwayId: null,
  creditAmount: 3,
  creditUnit: 'crédits',
  conditions: 'Dans les cinq ans.',
  createdBy: 'u',
  createdAt: new Date(),
};

describe('catalogue page', () => {
  const page = renderCataloguePage({
    entry,
    pathways: [pathway],
    recognitions: [recognition],
    lang: 'fr',
    baseUrl: 'https://lattice.example',
  });

  it('gives search engines a canonical URL, language alternates, Open Graph tags and schema.org JSON-LD', () => {
    expect(page.head).toContain(
      `<link rel="canonical" href="https://lattice.example/public/catalogue/${ID}">`,
    );
    expect(page.head).toContain(
      `hreflang="en" href="https://lattice.example/public/catalogue/${ID}?lang=en"`,
    );
    expect(page.head).toContain('<meta property="og:locale" content="fr_CA">');
    const json = /<script type="application\/ld\+json">(.*)<\/script>$/.exec(page.head)![1]!;
    // Nothing in the JSON can end its script element early.
    expect(json).not.toMatch(/<\/script/i);
    const ld = JSON.parse(json) as { '@graph': Record<string, unknown>[] };
    const [course, credential] = ld['@graph'];
    expect(course).toMatchObject({
      '@type': 'Course',
      name: entry.title,
      timeRequired: 'PT24H',
      offers: { price: 300, priceCurrency: 'CAD' },
      provider: { name: 'Collège <Nord>' },
    });
    expect(course!['isPartOf']).toEqual([{ '@type': 'EducationalOccupationalProgram', name: 'Certificat' }]);
    expect(credential).toMatchObject({
      '@type': 'EducationalOccupationalCredential',
      credentialCategory: 'microtitre',
    });
    expect(credential!['recognizedBy']).toEqual([
      { '@type': 'CollegeOrUniversity', name: 'Collège <Nord>' },
      { '@type': 'CollegeOrUniversity', name: 'Lakeshore Polytechnic' },
    ]);
  });

  it('renders the content escaped, in the reader’s language', () => {
    expect(page.body).toContain(
      '<h1 id="page-title">Soudage &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>',
    );
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('Offert par Collège &lt;Nord&gt; · 24 heures · Hybride · Français');
    expect(page.body).toContain('Parcours auxquels il compte');
    expect(page.body).toContain('Les 2 étapes.');
    expect(page.body).toContain('<strong>Lakeshore Polytechnic</strong> — 3 crédits');
    const english = renderCataloguePage({
      entry,
      pathways: [],
      recognitions: [],
      lang: 'en',
      baseUrl: 'https://lattice.example',
    });
    expect(english.body).toContain('It does not count toward any pathway yet.');
    expect(english.body).toContain('Offered by');
  });

  it('picks the language from ?lang, then Accept-Language, else English', () => {
    expect(pageLanguage('fr', 'en-CA')).toBe('fr');
    expect(pageLanguage(undefined, 'fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(pageLanguage(undefined, 'de-DE,en;q=0.5')).toBe('en');
    expect(pageLanguage('de', undefined)).toBe('en');
  });

  it('lists every page in the sitemap', () => {
    const xml = renderSitemap('https://lattice.example', [
      { credentialId: ID, refreshedAt: new Date('2026-12-02T10:00:00Z') },
    ]);
    expect(xml).toContain(
      `<url><loc>https://lattice.example/public/catalogue/${ID}</loc><lastmod>2026-12-02</lastmod></url>`,
    );
    expect(xml).toContain('<url><loc>https://lattice.example/public/catalogue</loc></url>');
  });
});

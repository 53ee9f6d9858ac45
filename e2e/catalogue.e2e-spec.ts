// The public catalogue through the gateway, as a signed-out visitor searches it: words in English
// and French (accents and endings forgiven), facets with counts, three orders with paging, and the
// entry kept current as credentials are endorsed, sponsored and retired. Bad input is refused with
// a typed error.
import { codeOf, createOrganization, gql, ok, signUp, type Session } from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(90_000);

const SEARCH = `query($q: String, $f: CatalogueFilter, $s: CatalogueSort, $first: Int, $after: String) {
  searchCredentials(query: $q, filter: $f, sort: $s, first: $first, after: $after) {
    totalCount sort
    edges { cursor node { credential { id title issuer { id } } language deliveryMode hours price credit transcriptable endorsementCount endorserSectors sponsorIds relevance } }
    pageInfo { hasNextPage endCursor }
    facets { name values { value count } } facetOrganizationNames { id name } } }`;
const ENDORSE =
  'mutation($c: ID!, $o: ID!, $i: EndorsementInput!) { endorseCredential(credentialId: $c, organizationId: $o, input: $i) { id } }';
const claims = { inDemand: true, assessmentReflectsJobPerformance: true };

interface Hit {
  credential: { id: string; title: string };
  endorsementCount: number;
  endorserSectors: string[];
  sponsorIds: string[];
  relevance: number;
}
interface Result {
  totalCount: number;
  sort: string;
  edges: { cursor: string; node: Hit }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: { name: string; values: { value: string; count: number }[] }[];
  facetOrganizationNames: { id: string; name: string }[];
}

describe('catalogue: public search over published credentials', () => {
  let college: Session;
  let employer: Session;
  let umbrella: Session;
  let collegeId: string;
  let employerId: string;
  let umbrellaId: string;
  let french: string;
  let cnc: string;
  let welding: string;

  /** A search as a signed-out visitor, scoped to this suite's college (other suites publish too). */
  async function search(
    variables: { q?: string; f?: Record<string, unknown>; s?: string; first?: number; after?: string } = {},
  ): Promise<Result> {
    const result = await ok<{ searchCredentials: Result }>(SEARCH, {
      ...variables,
      f: { issuerIds: [collegeId], ...variables.f },
    });
    return result.searchCredentials;
  }
  const ids = (result: Result) => result.edges.map((edge) => edge.node.credential.id);
  const facet = (result: Result, name: string) =>
    Object.fromEntries(result.facets.find((f) => f.name === name)!.values.map((v) => [v.value, v.count]));

  beforeAll(async () => {
    [college, employer, umbrella] = await Promise.all([
      signUp('cat-college'),
      signUp('cat-employer'),
      signUp('cat-umbrella'),
    ]);
    collegeId = await createOrganization(college, {
      name: 'Collège Boréal du Nord',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Sudbury',
    });
    employerId = await createOrganization(employer, {
      name: 'Analytique Sudbury',
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '5415',
    });
    umbrellaId = await createOrganization(umbrella, {
      name: 'Northern Colleges Network',
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    french = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Données et analyses pour les PME',
      content: {
        description: 'Préparer, nettoyer et analyser les données d’une petite entreprise.',
        language: 'fr',
        deliveryMode: 'ONLINE',
        hours: 20,
        price: 0,
      },
    });
    cnc = await publishCredential(college, collegeId, employer, employerId, { title: 'Safe CNC setup' });
    welding = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Welding inspection basics',
      content: {
        description: 'Inspecting welded joints against the code.',
        deliveryMode: 'IN_PERSON',
        hours: 90,
        price: 1800,
        credit: true,
      },
    });
  });

  it('finds French words without their accents and with other endings, anonymously', async () => {
    expect(ids(await search({ q: 'donnees' }))).toEqual([french]);
    expect(ids(await search({ q: 'analyse' }))).toEqual([french]);
    expect(ids(await search({ q: 'Données PME' }))).toEqual([french]);
    const english = await search({ q: 'welds' });
    expect(ids(english)).toEqual([welding]);
    expect(english.sort).toBe('RELEVANCE');
    expect(english.edges[0]!.node.relevance).toBeGreaterThan(0);
    expect(ids(await search({ q: 'cnc' }))).toEqual([cnc]);
    expect(ids(await search({ q: '"welding inspection" -cnc' }))).toEqual([welding]);
    expect((await search({ q: 'astrophysics' })).totalCount).toBe(0);
  });

  it('filters by facets and counts every facet value over what it found', async () => {
    const all = await search();
    expect(all.sort).toBe('NEWEST');
    expect(ids(all)).toEqual([welding, cnc, french]);
    expect(all.totalCount).toBe(3);
    expect(facet(all, 'DELIVERY_MODE')).toEqual({ ONLINE: 1, HYBRID: 1, IN_PERSON: 1 });
    expect(facet(all, 'LANGUAGE')).toEqual({ en: 2, fr: 1 });
    expect(facet(all, 'HOURS_BAND')).toEqual({ FROM_10_TO_29: 1, FROM_30_TO_59: 1, FROM_60_TO_120: 1 });
    expect(facet(all, 'PRICE_BAND')).toEqual({ FREE: 1, UNDER_500: 1, FROM_1500: 1 });
    expect(facet(all, 'CREDIT')).toEqual({ false: 2, true: 1 });
    expect(facet(all, 'ISSUER')).toEqual({ [collegeId]: 3 });

    expect(ids(await search({ f: { deliveryModes: ['IN_PERSON', 'ONLINE'] } }))).toEqual([welding, french]);
    expect(ids(await search({ f: { hoursBands: ['FROM_30_TO_59'] } }))).toEqual([cnc]);
    expect(ids(await search({ f: { priceBands: ['FREE'] } }))).toEqual([french]);
    expect(ids(await search({ f: { languages: ['fr'] } }))).toEqual([french]);
    expect(ids(await search({ f: { credit: true } }))).toEqual([welding]);
    // The issuer's region (Sudbury, within Northeastern Ontario, within Ontario) and size.
    expect(facet(all, 'REGION')).toEqual({ ON: 3, 'ON-Northeast': 3, 'ON-Sudbury': 3 });
    expect(facet(all, 'ISSUER_SIZE')).toEqual({ SMALL: 3 });
    expect(ids(await search({ f: { regions: ['ON'], hoursBands: ['FROM_10_TO_29'] } }))).toEqual([french]);
    expect((await search({ f: { regions: ['ON-Toronto'] } })).totalCount).toBe(0);
    expect((await search({ f: { issuerSizes: ['LARGE'] } })).totalCount).toBe(0);
    expect(ids(await search({ f: { issuerSizes: ['SMALL'], credit: true } }))).toEqual([welding]);
    const inPersonFacets = await search({ f: { hoursBands: ['FROM_60_TO_120', 'FROM_30_TO_59'] } });
    expect(facet(inPersonFacets, 'DELIVERY_MODE')).toEqual({ HYBRID: 1, IN_PERSON: 1 });
  });

  it('pages in every order without losing or repeating a credential', async () => {
    for (const sort of ['NEWEST', 'MOST_ENDORSED']) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 5; page += 1) {
        const result = await search({ s: sort, first: 1, after });
        seen.push(...ids(result));
        if (!result.pageInfo.hasNextPage) break;
        after = result.pageInfo.endCursor!;
      }
      expect(seen.sort()).toEqual([french, cnc, welding].sort());
    }
    const first = await search({ q: 'inspection OR cnc OR donnees', first: 2 });
    const second = await search({
      q: 'inspection OR cnc OR donnees',
      first: 2,
      after: first.pageInfo.endCursor!,
    });
    expect([...ids(first), ...ids(second)].sort()).toEqual([french, cnc, welding].sort());
  });

  it('keeps entries current: endorsed, withdrawn, sponsored, retired', async () => {
    const endorsement = (await ok(ENDORSE, { c: cnc, o: employerId, i: claims }, employer.token))
      .endorseCredential.id as string;
    const bySector = await search({ f: { endorserSectors: ['54'] } });
    expect(ids(bySector)).toEqual([cnc]);
    expect(bySector.edges[0]!.node.endorsementCount).toBe(1);
    expect(ids(await search({ s: 'MOST_ENDORSED' }))[0]).toBe(cnc);

    await ok(
      'mutation($id: ID!) { withdrawEndorsement(id: $id) { id } }',
      { id: endorsement },
      employer.token,
    );
    expect((await search({ f: { endorserSectors: ['54'] } })).totalCount).toBe(0);

    await ok(
      'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id } }',
      { c: welding, u: umbrellaId },
      umbrella.token,
    );
    const sponsored = await search({ f: { sponsorIds: [umbrellaId] } });
    expect(ids(sponsored)).toEqual([welding]);
    expect(facet(await search(), 'SPONSOR')).toEqual({ [umbrellaId]: 1 });
    // Organizations are named in their facets: the umbrella as it was when it sponsored, the issuer as when it published.
    expect((await search()).facetOrganizationNames.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: collegeId, name: 'Collège Boréal du Nord' },
      { id: umbrellaId, name: 'Northern Colleges Network' },
    ]);

    const designId = (
      await ok('query($id: ID!) { credential(id: $id) { designId } }', { id: welding }, college.token)
    ).credential.designId as string;
    await ok(
      'mutation($id: ID!) { retireCredentialDesign(id: $id) { stage } }',
      { id: designId },
      college.token,
    );
    expect(ids(await search())).toEqual([cnc, french]);
    expect((await search({ q: 'welding' })).totalCount).toBe(0);
  });

  it('refuses bad input with a typed error', async () => {
    const refused = async (variables: Record<string, unknown>) => {
      const result = await gql(SEARCH, variables);
      expect(result.data?.['searchCredentials'] ?? null).toBeNull();
      return codeOf(result);
    };
    expect(await refused({ q: 'x'.repeat(201) })).toBe('BAD_USER_INPUT');
    expect(await refused({ q: 'data\u0000' })).toBe('BAD_USER_INPUT');
    expect(await refused({ q: 'data\u0007analysis' })).toBe('BAD_USER_INPUT');
    expect(await refused({ s: 'RELEVANCE' })).toBe('BAD_USER_INPUT');
    expect(await refused({ first: 1000 })).toBe('BAD_USER_INPUT');
    expect(await refused({ f: { endorserSectors: ['99x'] } })).toBe('BAD_USER_INPUT');
    expect(await refused({ f: { regions: ['Atlantis'] } })).toBe('BAD_USER_INPUT');
    expect(await refused({ f: { issuerSizes: ['HUGE'] } })).toBeDefined();
    expect(await refused({ f: { skillIds: ['not-a-uuid'] } })).toBe('BAD_USER_INPUT');
    expect(await refused({ f: { deliveryModes: ['BY_PIGEON'] } })).toBeDefined();
    expect(await refused({ f: { issuerIds: Array.from({ length: 51 }, () => collegeId) } })).toBe(
      'BAD_USER_INPUT',
    );

    // A cursor is only good for the order it came from, and a forged one is refused, not a 500.
    const newest = await search({ first: 1 });
    expect(
      await refused({ f: { issuerIds: [collegeId] }, s: 'MOST_ENDORSED', after: newest.pageInfo.endCursor }),
    ).toBe('BAD_USER_INPUT');
    const forge = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url');
    expect(await refused({ s: 'NEWEST', after: forge('NEWEST:2026-02-30 10:00:00+00', collegeId) })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refused({ s: 'NEWEST', after: forge('NEWEST:2026-01-01 10:00:00+00', 'nope') })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refused({ s: 'MOST_ENDORSED', after: forge('MOST_ENDORSED:NaN', collegeId) })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await refused({ after: 'not a cursor' })).toBe('BAD_USER_INPUT');
  });
});

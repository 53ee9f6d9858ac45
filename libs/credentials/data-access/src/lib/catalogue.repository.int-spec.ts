// The catalogue's one search statement on credentials' real tables and migrations: entries carry
// their issuer's regions and size, so an issuer whose recorded profile changes is found by its new
// region and size at once (written through to every entry it issued), the rebuild derives the
// same, and the page, total and facet counts of one statement agree with each other across pages.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { credentialsDataSource } from './data-source';
import { CatalogueRepository, type CatalogueQuery, type FacetCount } from './catalogue.repository';

describe('catalogue search: issuer facts carried on entries', () => {
  let dataSource: DataSource;
  let catalogue: CatalogueRepository;
  const issuerId = randomUUID();
  const strangerId = randomUUID();
  const credentialIds: string[] = [];
  let unprofiled: string;

  /** Publishes a credential the way the workflow leaves it (design, version, credential), then refreshes its entry. */
  async function publish(issuer: string, title: string, hours: number): Promise<string> {
    const [{ id: frameworkId }] = (await dataSource.query(
      `SELECT id FROM "credentials"."frameworks" ORDER BY key LIMIT 1`,
    )) as [{ id: string }];
    const designId = randomUUID();
    const credentialId = randomUUID();
    const snapshot = {
      description: `${title}, in practice.`,
      language: 'en',
      hours,
      deliveryMode: 'ONLINE',
      price: 100,
    };
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "credentials"."designs" (id, issuer_id, title, framework_id, content, stage, version, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', 1, $6, now(), now())`,
        [designId, issuer, title, frameworkId, snapshot, randomUUID()],
      );
      await manager.query(
        `INSERT INTO "credentials"."design_versions" (design_id, version, snapshot, author_id, summary, created_at) VALUES ($1, 1, $2, $3, 'Test', now())`,
        [designId, snapshot, randomUUID()],
      );
      await manager.query(
        `INSERT INTO "credentials"."credentials" (id, design_id, title, issuer_id, design_version, framework_id, published_by, published_at)
         VALUES ($1, $2, $3, $4, 1, $5, $6, now())`,
        [credentialId, designId, title, issuer, frameworkId, randomUUID()],
      );
      await catalogue.refresh(manager, [credentialId]);
    });
    return credentialId;
  }

  const find = (query: Omit<CatalogueQuery, 'text'> & { text?: string | null }, first = 20) =>
    catalogue.searchWithFacets(
      { text: null, issuerIds: [issuerId, strangerId], ...query },
      query.text ? 'RELEVANCE' : 'NEWEST',
      first,
      null,
    );
  const ids = (result: { hits: { credentialId: string }[] }) =>
    result.hits.map((hit) => hit.credentialId).sort();
  const facet = (counts: FacetCount[], name: string) =>
    Object.fromEntries(counts.filter((c) => c.facet === name).map((c) => [c.value, c.count]));
  const record = (region: string | null, size: string | null) =>
    dataSource.transaction((manager) =>
      catalogue.recordOrganization(manager, { id: issuerId, name: 'Collège du Nord', region, size }),
    );

  beforeAll(async () => {
    dataSource = await openDataSource(credentialsDataSource(testDatabaseUrl('int'), 4));
    catalogue = new CatalogueRepository(dataSource);
    await record('ON-Sudbury', 'SMALL');
    credentialIds.push(
      await publish(issuerId, 'Underwater welding', 24),
      await publish(issuerId, 'Welding inspection', 80),
    );
    // An issuer never recorded: no region, no size.
    unprofiled = await publish(strangerId, 'Welding for strangers', 24);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('finds and counts by the region and size the issuer had when its entries were derived', async () => {
    expect(ids(await find({ regions: ['ON-Sudbury'] }))).toEqual([...credentialIds].sort());
    expect(
      ids(await find({ regions: ['ON'], issuerSizes: ['SMALL'], hoursBands: ['FROM_10_TO_29'] })),
    ).toEqual([credentialIds[0]]);
    const all = await find({});
    expect(all.total).toBe(3);
    expect(facet(all.counts, 'REGION')).toEqual({ ON: 2, 'ON-Northeast': 2, 'ON-Sudbury': 2 });
    expect(facet(all.counts, 'ISSUER_SIZE')).toEqual({ SMALL: 2 });
    expect(all.counts.find((c) => c.facet === 'ISSUER' && c.value === issuerId)).toEqual({
      facet: 'ISSUER',
      value: issuerId,
      count: 2,
      label: 'Collège du Nord',
    });
    expect(all.counts.find((c) => c.facet === 'ISSUER' && c.value === strangerId)).toEqual({
      facet: 'ISSUER',
      value: strangerId,
      count: 1,
    });
    expect(ids(await find({ regions: ['ON-Toronto'] }))).toEqual([]);
  });

  it('an issuer that moves and grows is found by its new region and size, and no longer by the old ones', async () => {
    await record('ON-Toronto', 'LARGE');
    expect(ids(await find({ regions: ['ON-Sudbury'] }))).toEqual([]);
    expect(ids(await find({ regions: ['ON-Northeast'] }))).toEqual([]);
    expect(ids(await find({ regions: ['ON-Toronto'] }))).toEqual([...credentialIds].sort());
    expect(ids(await find({ issuerSizes: ['SMALL'] }))).toEqual([]);
    expect(ids(await find({ issuerSizes: ['LARGE'], text: 'welding' }))).toEqual([...credentialIds].sort());
    const all = await find({});
    expect(facet(all.counts, 'REGION')).toEqual({ ON: 2, 'ON-Toronto': 2 });
    expect(facet(all.counts, 'ISSUER_SIZE')).toEqual({ LARGE: 2 });
    expect(all.hits.find((hit) => hit.credentialId === credentialIds[0])).toMatchObject({
      issuerRegion: 'ON-Toronto',
      issuerSize: 'LARGE',
    });

    // The rebuild derives the same from the recorded profile.
    const before = await dataSource.query(
      `SELECT credential_id, issuer_regions, issuer_size FROM "credentials"."catalogue_entries" WHERE issuer_id = ANY($1::uuid[]) ORDER BY credential_id`,
      [[issuerId, strangerId]],
    );
    await catalogue.rebuild();
    expect(
      await dataSource.query(
        `SELECT credential_id, issuer_regions, issuer_size FROM "credentials"."catalogue_entries" WHERE issuer_id = ANY($1::uuid[]) ORDER BY credential_id`,
        [[issuerId, strangerId]],
      ),
    ).toEqual(before);
    expect(ids(await find({ regions: ['ON-Toronto'] }))).toEqual([...credentialIds].sort());

    // A region withdrawn: no longer found by any region.
    await record(null, null);
    expect(ids(await find({ regions: ['ON'] }))).toEqual([]);
    expect(facet((await find({})).counts, 'REGION')).toEqual({});
    expect(ids(await find({}))).toEqual([...credentialIds, unprofiled].sort());
  });

  it('pages keep the total and the facet counts of everything found', async () => {
    const first = await catalogue.searchWithFacets(
      { text: 'welding', issuerIds: [issuerId, strangerId] },
      'RELEVANCE',
      1,
      null,
    );
    expect(first.hits).toHaveLength(2); // first + 1: more follow
    expect(first.total).toBe(3);
    const last = first.hits[0]!;
    const second = await catalogue.searchWithFacets(
      { text: 'welding', issuerIds: [issuerId, strangerId] },
      'RELEVANCE',
      5,
      [last.sortKey, last.credentialId],
    );
    expect(second.total).toBe(3);
    expect(second.counts).toEqual(first.counts);
    expect(second.hits.map((hit) => hit.credentialId)).not.toContain(last.credentialId);
    expect([last.credentialId, ...second.hits.map((hit) => hit.credentialId)].sort()).toEqual(
      [...credentialIds, unprofiled].sort(),
    );
    // Ordered by relevance, best first.
    const ranks = second.hits.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(last.rank).toBeGreaterThanOrEqual(ranks[0]!);
  });
});

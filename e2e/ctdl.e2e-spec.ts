// Publishing to the registries through the gateway, as a harvester without an account: each
// published credential as CTDL JSON-LD at its stable URL and in pages, every document valid
// against the bundled CTDL schema; retired, unknown and malformed requests refused with a typed
// error. And a skill filter that also finds credentials teaching the skill's narrower ESCO skills.
import { createCtdlCredentialValidator } from '@lattice/credentials-trust';
import { skillIdForUri } from '@lattice/shared-esco';
import { createOrganization, ok, origin, signUp, type Session, type Untyped } from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(90_000);

// A real parent/child pair of the bundled ESCO subset: "computer programming" is broader than "Haskell".
const COMPUTER_PROGRAMMING = 'http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97';
const HASKELL = 'http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02';
const UNKNOWN = '0f0e0d0c-0b0a-4908-8706-050403020100';

const validate = createCtdlCredentialValidator();

async function get(
  path: string,
): Promise<{ status: number; type: string; link: string | null; body: Untyped }> {
  const response = await fetch(`${origin()}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    link: response.headers.get('link'),
    body: await response.json(),
  };
}

describe('CTDL export and skill search over the ESCO tree', () => {
  let college: Session;
  let employer: Session;
  let collegeId: string;
  let haskell: string;
  let programming: string;
  let retired: string;

  beforeAll(async () => {
    [college, employer] = await Promise.all([signUp('ctdl-college'), signUp('ctdl-employer')]);
    collegeId = await createOrganization(college, {
      name: 'Cégep de l’Outaouais',
      kind: 'INSTITUTION',
      size: 'MEDIUM',
      region: 'QC',
    });
    const employerId = await createOrganization(employer, {
      name: 'Logiciels Gatineau',
      kind: 'EMPLOYER',
      size: 'SMALL',
      sector: '5415',
    });
    haskell = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Programmation fonctionnelle en Haskell',
      skillIds: [skillIdForUri(HASKELL)],
      content: {
        description: 'Écrire des programmes sûrs et élégants.',
        language: 'fr',
        hours: 12.5,
        price: 0,
      },
    });
    programming = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Programming fundamentals',
      skillIds: [skillIdForUri(COMPUTER_PROGRAMMING)],
      content: { description: null, hours: null, price: null },
    });
    retired = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Legacy COBOL maintenance',
    });
    const designId = (
      await ok('query($id: ID!) { credential(id: $id) { designId } }', { id: retired }, college.token)
    ).credential.designId as string;
    await ok(
      'mutation($id: ID!) { retireCredentialDesign(id: $id) { stage } }',
      { id: designId },
      college.token,
    );
  });

  it('a skill finds credentials teaching its narrower skills, not the other way round', async () => {
    const search = async (skill: string) =>
      (
        await ok(
          'query($f: CatalogueFilter) { searchCredentials(filter: $f) { totalCount edges { node { credential { id } } } } }',
          { f: { issuerIds: [collegeId], skillIds: [skill] } },
        )
      ).searchCredentials.edges.map(
        (edge: { node: { credential: { id: string } } }) => edge.node.credential.id,
      ) as string[];
    expect((await search(skillIdForUri(COMPUTER_PROGRAMMING))).sort()).toEqual([haskell, programming].sort());
    expect(await search(skillIdForUri(HASKELL))).toEqual([haskell]);
  });

  it('serves one credential as valid CTDL JSON-LD at its stable URL, anonymously', async () => {
    const { status, type, body } = await get(`/ctdl/credentials/${haskell}`);
    expect(status).toBe(200);
    expect(type).toContain('application/ld+json');
    expect(validate(body)).toEqual({ valid: true, errors: [] });
    expect(body).toMatchObject({
      '@id': `${origin()}/ctdl/credentials/${haskell}`,
      '@type': 'ceterms:MicroCredential',
      'ceterms:ctid': `ce-${haskell}`,
      'ceterms:name': { fr: 'Programmation fonctionnelle en Haskell' },
      'ceterms:description': { fr: 'Écrire des programmes sûrs et élégants.' },
      'ceterms:inLanguage': ['fr'],
      'ceterms:ownedBy': [{ '@id': `${origin()}/issuers/${collegeId}` }],
      'ceterms:estimatedDuration': [{ 'ceterms:exactDuration': 'PT12.5H' }],
      'ceterms:estimatedCost': [{ 'ceterms:price': 0, 'ceterms:currency': 'CAD' }],
      'ceterms:requires': [
        {
          'ceterms:targetCompetency': [
            { 'ceterms:targetNode': HASKELL, 'ceterms:targetNodeName': { en: 'Haskell' } },
          ],
        },
      ],
    });
    const bare = await get(`/ctdl/credentials/${programming}`);
    expect(validate(bare.body)).toEqual({ valid: true, errors: [] });
    expect(bare.body).not.toHaveProperty('ceterms:estimatedDuration');
    expect(bare.body['ceterms:description']).toEqual({ en: 'Programming fundamentals' });
  });

  it('pages through every standing credential in bulk, each document valid, none twice, none retired', async () => {
    const seen: string[] = [];
    let path: string | null = '/ctdl/credentials?limit=1';
    let pages = 0;
    while (path) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.body['@graph'].length).toBe(1);
      for (const document of page.body['@graph']) {
        expect(validate(document)).toEqual({ valid: true, errors: [] });
        seen.push(String(document['ceterms:ctid']).slice(3));
      }
      pages += 1;
      const next = page.link ? /^<([^>]+)>; rel="next"$/.exec(page.link)?.[1] : undefined;
      path = next ? new URL(next).pathname + new URL(next).search : null;
      expect(pages).toBeLessThan(1000);
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(seen).toEqual(expect.arrayContaining([haskell, programming]));
    expect(seen).not.toContain(retired);
  });

  it('refuses unknown, retired and malformed requests with a typed error', async () => {
    const refused = async (path: string, status: number, code: string, field?: string) => {
      const answer = await get(path);
      expect({ path, status: answer.status, code: answer.body.error?.code }).toEqual({ path, status, code });
      if (field) expect(answer.body.error.details.field).toBe(field);
    };
    await refused(`/ctdl/credentials/${UNKNOWN}`, 404, 'CREDENTIALS.CREDENTIAL_NOT_FOUND');
    await refused('/ctdl/credentials/not-a-credential', 404, 'CREDENTIALS.CREDENTIAL_NOT_FOUND');
    await refused(`/ctdl/credentials/${retired}`, 410, 'CREDENTIALS.CREDENTIAL_RETIRED');
    for (const limit of ['0', '501', 'ten', '-1', '1.5', '99999999999']) {
      await refused(`/ctdl/credentials?limit=${limit}`, 400, 'CREDENTIALS.INVALID_CATALOGUE_QUERY', 'limit');
    }
    await refused('/ctdl/credentials?limit=1&limit=2', 400, 'CREDENTIALS.INVALID_CATALOGUE_QUERY', 'limit');
    await refused('/ctdl/credentials?after=yesterday', 400, 'CREDENTIALS.INVALID_CATALOGUE_QUERY', 'after');
  });
});

// Alignments through the gateway: a credential whose competency is a real ESCO skill is awarded
// with that skill's alignment (targetUrl = the ESCO URI, targetFramework ESCO), looked up by
// credentials from the marketplace; the credential still validates and verifies.
import { join } from 'node:path';
import { createOb3SchemaValidator, loadOb3Schema } from '@lattice/credentials-openbadges';
import { createOrganization, eventually, ok, origin, signUp, type Untyped } from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(60_000);

const validateSchema = createOb3SchemaValidator(
  loadOb3Schema(join(__dirname, '../data/ob3/ob_v3p0_achievementcredential_schema.json')),
);

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id status } }';
const BATCH = 'mutation($i: AwardBatchInput!) { awardCredentialBatch(input: $i) { id total } }';
const PROGRESS =
  'query($id: ID!) { awardBatch(id: $id) { id status succeeded failed items { position status awardId } } }';

describe('trust: ESCO alignments of awarded credentials', () => {
  it('aligns the achievement with the design competency and still verifies', async () => {
    const skill = (
      await ok('{ skills(search: "database", framework: "ESCO", first: 1) { edges { node { id uri } } } }')
    ).skills.edges[0].node as { id: string; uri: string };
    expect(skill.uri).toMatch(/^https?:\/\//);

    const [college, employer] = await Promise.all([signUp('align-college'), signUp('align-employer')]);
    const collegeId = await createOrganization(college, {
      name: 'Aligned College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    const employerId = await createOrganization(employer, {
      name: 'Aligned Data Co',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '518',
    });
    const credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Database basics',
      skillIds: [skill.id],
    });

    const award = (
      await ok(
        AWARD,
        {
          i: {
            credentialId,
            issuerId: collegeId,
            recipient: { email: 'aligned@example.org', name: 'Aligned Learner' },
            result: { score: 95, attempt: 1 },
          },
        },
        college.token,
      )
    ).awardCredential;
    expect(award.status).toBe('ACTIVE');

    const fetched = await fetch(`${origin()}/credentials/${award.id}`);
    expect(fetched.status).toBe(200);
    const credential = (await fetched.json()) as Record<string, Untyped>;
    expect(credential.credentialSubject.achievement.alignment).toEqual([
      expect.objectContaining({ type: ['Alignment'], targetUrl: skill.uri, targetFramework: 'ESCO' }),
    ]);
    expect(validateSchema(credential)).toEqual({ valid: true, errors: [] });

    const response = await fetch(`${origin()}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credential),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { verified: boolean }).verified).toBe(true);
  });

  it('aligns every batch-awarded achievement with the design competency (resolved when the batch is created) and still verifies', async () => {
    const skill = (
      await ok('{ skills(search: "database", framework: "ESCO", first: 1) { edges { node { id uri } } } }')
    ).skills.edges[0].node as { id: string; uri: string };
    const [college, employer] = await Promise.all([
      signUp('align-batch-college'),
      signUp('align-batch-employer'),
    ]);
    const collegeId = await createOrganization(college, {
      name: 'Aligned Batch College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    const employerId = await createOrganization(employer, {
      name: 'Aligned Batch Data Co',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '518',
    });
    const credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Database basics, batch',
      skillIds: [skill.id],
    });

    const learners = [1, 2].map((i) => ({
      recipient: { email: `aligned.batch.${i}@example.org`, name: `Aligned Batch Learner ${i}` },
      result: { score: 95, attempt: 1 },
    }));
    const queued = (await ok(BATCH, { i: { credentialId, issuerId: collegeId, learners } }, college.token))
      .awardCredentialBatch;
    expect(queued.total).toBe(2);
    const done = await eventually(
      async () => (await ok(PROGRESS, { id: queued.id }, college.token)).awardBatch,
      (batch) => batch.status === 'DONE',
      45_000,
    );
    expect(done).toMatchObject({ succeeded: 2, failed: 0 });

    for (const item of done.items as { awardId: string }[]) {
      const fetched = await fetch(`${origin()}/credentials/${item.awardId}`);
      expect(fetched.status).toBe(200);
      const credential = (await fetched.json()) as Record<string, Untyped>;
      expect(credential.credentialSubject.achievement.alignment).toEqual([
        expect.objectContaining({ type: ['Alignment'], targetUrl: skill.uri, targetFramework: 'ESCO' }),
      ]);
      expect(validateSchema(credential)).toEqual({ valid: true, errors: [] });
      const response = await fetch(`${origin()}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credential),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { verified: boolean }).verified).toBe(true);
    }
  });

  it('refuses the internal skills lookup without a caller token', async () => {
    // The marketplace's internal endpoint is not behind the gateway: asked on the marketplace's own port.
    const port = (JSON.parse(process.env['LATTICE_E2E_PORTS']!) as Record<string, number>)['marketplace'];
    const response = await fetch(
      `http://127.0.0.1:${port}/internal/skills?ids=00000000-0000-0000-0000-000000000000`,
    );
    expect(response.status).toBe(401);
  });
});

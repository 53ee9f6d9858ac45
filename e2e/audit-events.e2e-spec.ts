// ADR 0015: actions of other services reach the organization's audit log as events — an award
// revoked and an issuer key rotated (credentials), webhooks created and deleted (notifications) —
// attributed to whoever acted, a person or an API key; the webhook's URL only by its origin.
import { createOrganization, eventually, ok, signUp, type Session } from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(90_000);

const AUDIT =
  'query($o: ID!) { auditLog(organizationId: $o, first: 50) { edges { node { action actorKind actorId targetType targetId details source requestId } } } }';
type Entry = {
  action: string;
  actorKind: string;
  actorId: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  source: string;
  requestId: string | null;
};

describe('audit entries from credentials and notifications', () => {
  let college: Session;
  let employer: Session;
  let collegeId: string;
  let employerId: string;
  let credentialId: string;
  const entries = async () =>
    ((await ok(AUDIT, { o: collegeId }, college.token)).auditLog.edges as Array<{ node: Entry }>).map(
      (e) => e.node,
    );

  beforeAll(async () => {
    [college, employer] = await Promise.all([signUp('audit-college'), signUp('audit-employer')]);
    collegeId = await createOrganization(college, {
      name: 'Audited College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    employerId = await createOrganization(employer, {
      name: 'Audited Works',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Audited welding',
    });
  });

  it('records award revocations, issuer key rotations and webhook changes, once each', async () => {
    const award = (
      await ok(
        'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
        {
          i: {
            credentialId,
            issuerId: collegeId,
            recipient: { email: 'learner@example.org', name: 'Lee' },
            result: { score: 95, attempt: 1 },
          },
        },
        college.token,
      )
    ).awardCredential;
    await ok(
      'mutation($id: ID!) { revokeAward(id: $id, reason: "Assessment voided.") { status } }',
      { id: award.id },
      college.token,
    );
    const rotated = (
      await ok(
        'mutation($o: ID!) { rotateIssuerKey(organizationId: $o) { id previousKeyId } }',
        { o: collegeId },
        college.token,
      )
    ).rotateIssuerKey;
    const hook = (
      await ok(
        'mutation($o: ID!) { createWebhookSubscription(organizationId: $o, url: "https://hooks.example.org/secret-path?token=abc", events: ["*"]) { id } }',
        { o: collegeId },
        college.token,
      )
    ).createWebhookSubscription;
    await ok('mutation($id: ID!) { deleteWebhookSubscription(id: $id) }', { id: hook.id }, college.token);

    const wanted = [
      'credentials.award.revoked',
      'credentials.issuer_key.rotated',
      'webhook.created',
      'webhook.deleted',
    ];
    const found = await eventually(
      entries,
      (list) => wanted.every((a) => list.some((e) => e.action === a)),
      20_000,
    );
    const by = (action: string) => found.filter((e) => e.action === action);
    for (const action of wanted) expect(by(action)).toHaveLength(1);
    expect(by('credentials.award.revoked')[0]).toMatchObject({
      actorKind: 'USER',
      actorId: college.userId,
      targetType: 'award',
      targetId: award.id,
      source: 'credentials',
      details: { credentialId, reason: 'Assessment voided.' },
    });
    expect(by('credentials.award.revoked')[0]!.requestId).toEqual(expect.any(String));
    expect(by('credentials.issuer_key.rotated')[0]).toMatchObject({
      targetId: rotated.id,
      details: { previousKeyId: rotated.previousKeyId },
      source: 'credentials',
    });
    expect(by('webhook.created')[0]).toMatchObject({
      targetId: hook.id,
      source: 'notifications',
      details: { urlOrigin: 'https://hooks.example.org', events: ['*'] },
    });
    expect(JSON.stringify(found)).not.toContain('secret-path');
    expect(JSON.stringify(found)).not.toContain('token=abc');
  });
});

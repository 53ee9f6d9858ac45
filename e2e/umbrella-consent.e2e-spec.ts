// Issue 12, defect 9: an organization could join any umbrella without the umbrella's consent and
// so adopt the umbrella's sponsored credentials. Joining is now a request the umbrella's admins
// accept or decline (they are notified); an umbrella admin can remove a member.
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  inviteAndAccept,
  ok,
  signUp,
  type Session,
} from './support/client';
import { publishCredential } from './support/credentials';

jest.setTimeout(90_000);

const JOIN =
  'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role status joinRequest { id state } organization { id } memberOrganization { id } } }';
const BARE_JOIN = 'mutation($u: ID!, $o: ID!) { joinUmbrella(umbrellaId: $u, organizationId: $o) { role } }';
const RESPOND =
  'mutation($id: ID!, $a: Boolean!) { respondToUmbrellaJoinRequest(id: $id, accept: $a) { id state organization { id } umbrella { id } decidedAt } }';
const REMOVE = 'mutation($u: ID!, $o: ID!) { removeUmbrellaMember(umbrellaId: $u, organizationId: $o) }';
const REQUESTS =
  'query($id: ID!) { organization(id: $id) { umbrellaJoinRequests { id state organization { id } } memberOrganizations { id } } }';
const SPONSOR = 'mutation($c: ID!, $u: ID!) { sponsorCredential(credentialId: $c, umbrellaId: $u) { id } }';
const ADOPT =
  'mutation($c: ID!, $i: ID!) { adoptSharedCredential(credentialId: $c, institutionId: $i) { id umbrella { id } } }';
const INBOX = '{ notifications(first: 50) { edges { node { type title } } } }';
const inboxOf = async (session: Session, type: string) =>
  (
    (await ok(INBOX, {}, session.token)).notifications.edges as Array<{
      node: { type: string; title: string };
    }>
  )
    .map((e) => e.node)
    .filter((n) => n.type === type);
const membersOf = async (umbrellaId: string, session: Session) =>
  (await ok(REQUESTS, { id: umbrellaId }, session.token)).organization.memberOrganizations as Array<{
    id: string;
  }>;

describe('umbrella membership needs the umbrella’s consent (defect 9)', () => {
  let council: Session;
  let councilMember: Session;
  let college: Session;
  let employer: Session;
  let intruder: Session;
  let issuer: Session;
  let umbrellaId: string;
  let collegeId: string;
  let employerId: string;
  let intruderId: string;
  let credentialId: string;

  beforeAll(async () => {
    [council, councilMember, college, employer, intruder] = await Promise.all([
      signUp('consent-council'),
      signUp('consent-council-member'),
      signUp('consent-college'),
      signUp('consent-employer'),
      signUp('consent-intruder'),
    ]);
    issuer = await signUp('consent-issuer');
    const issuerId = await createOrganization(issuer, {
      name: 'Consent Issuing College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    umbrellaId = await createOrganization(council, {
      name: 'Consent Council',
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    collegeId = await createOrganization(college, {
      name: 'Consent College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    employerId = await createOrganization(employer, {
      name: 'Consent Works',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    intruderId = await createOrganization(intruder, {
      name: 'Intruder College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Toronto',
    });
    await inviteAndAccept(council, umbrellaId, councilMember, 'MEMBER');
    credentialId = await publishCredential(issuer, issuerId, employer, employerId, {
      title: 'Consent welding',
    });
    await ok(SPONSOR, { c: credentialId, u: umbrellaId }, council.token);
  });

  it('does not let an organization adopt a sponsored credential by asking to join (fails before the fix)', async () => {
    await ok(BARE_JOIN, { u: umbrellaId, o: intruderId }, intruder.token);
    expect(codeOf(await gql(ADOPT, { c: credentialId, i: intruderId }, intruder.token))).toBe('FORBIDDEN');
    expect(await membersOf(umbrellaId, council)).toEqual([]);
  });

  it('makes joining a pending request the umbrella’s admins are told of, and only they decide', async () => {
    const joined = (await ok(JOIN, { u: umbrellaId, o: collegeId }, college.token)).joinUmbrella;
    expect(joined).toMatchObject({
      role: 'MEMBER',
      status: 'PENDING',
      joinRequest: { state: 'PENDING' },
      organization: { id: umbrellaId },
      memberOrganization: { id: collegeId },
    });
    // Asking twice while pending is a conflict, not a second request.
    expect(codeOf(await gql(BARE_JOIN, { u: umbrellaId, o: collegeId }, college.token))).toBe('CONFLICT');

    const inbox = await eventually(
      () => inboxOf(council, 'identity.umbrella.join_requested'),
      (list) => list.length >= 2,
    );
    expect(inbox.map((n) => n.title)).toContain('Consent College asks to join Consent Council');

    const requests = (await ok(REQUESTS, { id: umbrellaId }, council.token)).organization
      .umbrellaJoinRequests as Array<{ id: string; organization: { id: string } }>;
    expect(requests.map((r) => r.organization.id).sort()).toEqual([collegeId, intruderId].sort());
    // The umbrella's requests are not shown to a plain member of it, nor to the requester.
    expect(
      (await ok(REQUESTS, { id: umbrellaId }, councilMember.token)).organization.umbrellaJoinRequests,
    ).toEqual([]);
    expect((await ok(REQUESTS, { id: umbrellaId }, college.token)).organization.umbrellaJoinRequests).toEqual(
      [],
    );

    const requestId = joined.joinRequest.id as string;
    expect(codeOf(await gql(RESPOND, { id: requestId, a: true }, college.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(RESPOND, { id: requestId, a: true }, councilMember.token))).toBe('FORBIDDEN');
    expect(
      codeOf(await gql(RESPOND, { id: '00000000-0000-4000-8000-000000000000', a: true }, council.token)),
    ).toBe('NOT_FOUND');
    expect(codeOf(await gql(RESPOND, { id: 'nope', a: true }, council.token))).toBe('BAD_USER_INPUT');
    expect(await membersOf(umbrellaId, council)).toEqual([]);

    const accepted = (await ok(RESPOND, { id: requestId, a: true }, council.token))
      .respondToUmbrellaJoinRequest;
    expect(accepted).toMatchObject({
      id: requestId,
      state: 'ACCEPTED',
      organization: { id: collegeId },
      umbrella: { id: umbrellaId },
    });
    expect(accepted.decidedAt).toEqual(expect.any(String));
    expect(codeOf(await gql(RESPOND, { id: requestId, a: false }, council.token))).toBe(
      'FAILED_PRECONDITION',
    );
    expect(await membersOf(umbrellaId, council)).toEqual([{ id: collegeId }]);
    expect(codeOf(await gql(BARE_JOIN, { u: umbrellaId, o: collegeId }, college.token))).toBe('CONFLICT');
  });

  it('keeps a declined organization out, tells it, and lets it adopt only once accepted', async () => {
    const pending = (await ok(REQUESTS, { id: umbrellaId }, council.token)).organization
      .umbrellaJoinRequests as Array<{ id: string; organization: { id: string } }>;
    const intruderRequest = pending.find((r) => r.organization.id === intruderId)!;
    expect(
      (await ok(RESPOND, { id: intruderRequest.id, a: false }, council.token)).respondToUmbrellaJoinRequest
        .state,
    ).toBe('DECLINED');
    expect(codeOf(await gql(ADOPT, { c: credentialId, i: intruderId }, intruder.token))).toBe('FORBIDDEN');
    const told = await eventually(
      () => inboxOf(intruder, 'identity.umbrella.join_declined'),
      (list) => list.length > 0,
    );
    expect(told).toHaveLength(1);

    // The college, accepted above, may adopt.
    expect(
      (await ok(ADOPT, { c: credentialId, i: collegeId }, college.token)).adoptSharedCredential.umbrella,
    ).toEqual({ id: umbrellaId });
  });

  it('lets an umbrella admin remove a member, and only an umbrella admin', async () => {
    expect(codeOf(await gql(REMOVE, { u: umbrellaId, o: collegeId }, councilMember.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(REMOVE, { u: umbrellaId, o: collegeId }, intruder.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(REMOVE, { u: umbrellaId, o: intruderId }, council.token))).toBe('NOT_FOUND');
    expect(codeOf(await gql(REMOVE, { u: umbrellaId, o: 'x' }, council.token))).toBe('BAD_USER_INPUT');
    expect(await membersOf(umbrellaId, council)).toEqual([{ id: collegeId }]);

    expect((await ok(REMOVE, { u: umbrellaId, o: collegeId }, council.token)).removeUmbrellaMember).toBe(
      true,
    );
    expect(await membersOf(umbrellaId, council)).toEqual([]);
    const college2 = (
      await ok(
        'query($id: ID!) { organization(id: $id) { umbrellas { id } } }',
        { id: collegeId },
        college.token,
      )
    ).organization;
    expect(college2.umbrellas).toEqual([]);
    const told = await eventually(
      () => inboxOf(college, 'identity.umbrella.member_removed'),
      (list) => list.length > 0,
    );
    expect(told).toHaveLength(1);
    // It may ask again: a new request, pending.
    expect((await ok(JOIN, { u: umbrellaId, o: collegeId }, college.token)).joinUmbrella.status).toBe(
      'PENDING',
    );
  });
});

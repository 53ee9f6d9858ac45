// The three journeys of the notifications issue's "Done when": a partnership proposal, a review
// request and an award each reach the right people in the inbox, by e-mail (read from a real SMTP
// server this suite starts) and by signed webhook — and nobody else.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomUUID } from 'node:crypto';
import { createOrganization, eventually, inviteAndAccept, ok, signUp, type Session } from './support/client';
import { decodedSubject, textPart } from './support/mail';
import { openMailbox, verificationTokenIn, type Mailbox, type ReceivedMail } from './support/mailbox';
import { draftCompleteDesign, publishCredential } from './support/credentials';
import { OPERATOR } from './support/global-setup';

interface Hook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Item {
  type: string;
  title: string;
  body: string;
  link: string | null;
}

const WAIT = 20_000;
const mails: ReceivedMail[] = [];
const hooks: Hook[] = [];
let mailbox: Mailbox;
let receiver: Server;
let receiverUrl: string;
let outsider: Session;
let outsiderOrgId: string;

beforeAll(async () => {
  mailbox = await openMailbox(mails);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      hooks.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  // An unrelated organization that hears every event type it is concerned by: none of these journeys.
  outsider = await signUp('journey-outsider');
  outsiderOrgId = await createOrganization(outsider, {
    name: `Unrelated Employer ${randomUUID().slice(0, 6)}`,
    kind: 'EMPLOYER',
    size: 'SMALL',
    region: 'ON',
  });
  await subscribe(outsider, outsiderOrgId, '/outsider', ['*']);
});

afterAll(async () => {
  await mailbox.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const INBOX = '{ notifications(first: 50) { edges { node { id type title body link } } } }';
const inboxOf = async (session: Session, type: string): Promise<Item[]> =>
  ((await ok(INBOX, {}, session.token)).notifications.edges as Array<{ node: Item }>)
    .map((e) => e.node)
    .filter((n) => n.type === type);
/** Every address that received a mail whose subject contains `subjectPart`. */
const mailRecipients = (subjectPart: string) =>
  [...new Set(mails.filter((m) => decodedSubject(m.raw).includes(subjectPart)).flatMap((m) => m.to))].sort();
const mailsTo = (session: Session, subjectPart: string) =>
  mails.filter(
    (m) => m.to.includes(session.email.toLowerCase()) && decodedSubject(m.raw).includes(subjectPart),
  );
const hooksOf = (path: string, type: string) =>
  hooks.filter(
    (h) => h.path === path && (JSON.parse(h.body) as { event: { type: string } }).event.type === type,
  );
const emailsOf = (...sessions: Session[]) => sessions.map((s) => s.email.toLowerCase()).sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

async function subscribe(
  owner: Session,
  organizationId: string,
  path: string,
  events: string[],
): Promise<string> {
  const created = await ok(
    'mutation($o: ID!, $u: String!, $e: [String!]!) { createWebhookSubscription(organizationId: $o, url: $u, events: $e) { id secret } }',
    { o: organizationId, u: `${receiverUrl}${path}`, e: events },
    owner.token,
  );
  return created.createWebhookSubscription.secret as string;
}

/**
 * Waits until the notifications worker has seen these people join (their membership events reached
 * the subscription at `path`): recipients are resolved from its directory, updated by the same job.
 */
async function directoryKnows(path: string, people: Session[]): Promise<void> {
  const joined = await eventually(
    async () =>
      hooksOf(path, 'identity.membership.created').map(
        (h) => (JSON.parse(h.body) as { event: { payload: { userId: string } } }).event.payload.userId,
      ),
    (ids) => people.every((p) => ids.includes(p.userId)),
    WAIT,
  );
  expect(joined).toEqual(expect.arrayContaining(people.map((p) => p.userId)));
}

/** The single signed POST of `type` at `path`, its signature checked with the subscription's secret; returns the event. */
async function signedHook(
  path: string,
  type: string,
  secret: string,
): Promise<{ type: string; payload: Record<string, unknown> }> {
  const arrived = await eventually(
    async () => hooksOf(path, type),
    (list) => list.length > 0,
    WAIT,
  );
  expect(arrived).toHaveLength(1);
  const hook = arrived[0]!;
  const signature = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hook.headers['lattice-signature']));
  expect(signature).not.toBeNull();
  const [, t, v1] = signature!;
  expect(createHmac('sha256', secret).update(`${t}.${hook.body}`).digest('hex')).toBe(v1);
  expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(120);
  const body = JSON.parse(hook.body) as {
    id: string;
    event: { type: string; payload: Record<string, unknown> };
  };
  expect(hook.headers['lattice-delivery']).toBe(body.id);
  return body.event;
}

/** Each person has exactly one inbox item of `type` whose title is `title`. */
async function expectInbox(people: Session[], type: string, title: string, link?: string): Promise<void> {
  for (const person of people) {
    const items = await eventually(
      () => inboxOf(person, type),
      (list) => list.some((n) => n.title === title),
      WAIT,
    );
    expect(items.filter((n) => n.title === title)).toHaveLength(1);
    if (link !== undefined) expect(items.find((n) => n.title === title)!.link).toBe(link);
  }
}

/** Each person received exactly one mail whose subject contains `subject`. */
async function expectMail(people: Session[], subject: string): Promise<void> {
  for (const person of people) {
    await eventually(
      async () => mailsTo(person, subject),
      (list) => list.length > 0,
      WAIT,
    );
    expect(mailsTo(person, subject)).toHaveLength(1);
  }
}

async function expectNothingFor(people: Session[], type: string, title: string): Promise<void> {
  for (const person of people)
    expect((await inboxOf(person, type)).filter((n) => n.title === title)).toEqual([]);
}

describe('notifications journeys', () => {
  it('tells the employer’s owners and admins of a partnership proposal on every channel — not its members, the institution or anyone else', async () => {
    const [employerOwner, employerAdmin, employerMember, collegeOwner, collegeAdmin] = await Promise.all(
      ['pp-emp-owner', 'pp-emp-admin', 'pp-emp-member', 'pp-col-owner', 'pp-col-admin'].map((label) =>
        signUp(label),
      ),
    );
    const tag = randomUUID().slice(0, 6);
    const collegeName = `Proposing College ${tag}`;
    const collegeOrg = await createOrganization(collegeOwner, {
      name: collegeName,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    const employerOrg = await createOrganization(employerOwner, {
      name: `Needing Mill ${tag}`,
      kind: 'EMPLOYER',
      size: 'LARGE',
      region: 'ON-Sudbury',
      sector: '212',
    });
    const employerSecret = await subscribe(employerOwner, employerOrg, '/pp/employer', [
      'identity.membership.created',
      'marketplace.partnership.proposed',
    ]);
    const collegeSecret = await subscribe(collegeOwner, collegeOrg, '/pp/college', [
      'identity.membership.created',
      'marketplace.partnership.proposed',
    ]);
    await inviteAndAccept(employerOwner, employerOrg, employerAdmin, 'ADMIN');
    await inviteAndAccept(employerOwner, employerOrg, employerMember, 'MEMBER');
    await inviteAndAccept(collegeOwner, collegeOrg, collegeAdmin, 'ADMIN');
    await directoryKnows('/pp/employer', [employerAdmin, employerMember]);
    await directoryKnows('/pp/college', [collegeAdmin]);

    const skills = await ok(
      'query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }',
      { s: 'work in teams' },
    );
    const teams = (skills.skills.edges as Array<{ node: { id: string; label: string } }>).find(
      (e) => e.node.label === 'work in teams',
    )!.node.id;
    const needTitle = `Crew leads ${tag}`;
    const need = await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerOrg,
          title: needTitle,
          description: 'Shift leads who run safe, collaborative crews.',
          skills: [{ skillId: teams, level: 3 }],
          region: 'ON-Sudbury',
          deliveryModes: ['HYBRID'],
          learnerCount: 12,
          careerStage: 'MID_CAREER',
          neededBy: '2099-09-01',
        },
      },
      employerOwner.token,
    );
    const proposed = await ok(
      'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
      {
        i: {
          needId: need.postSkillNeed.id,
          institutionId: collegeOrg,
          message: 'Let us build this together.',
        },
      },
      collegeOwner.token,
    );
    const partnershipId = proposed.proposePartnership.id as string;
    const type = 'marketplace.partnership.proposed';
    const title = `${collegeName} proposes a partnership`;

    // The employer's owner and admin: inbox, e-mail, and the employer's systems by signed webhook.
    await expectInbox([employerOwner, employerAdmin], type, title, `/partnerships/${partnershipId}`);
    expect((await inboxOf(employerAdmin, type)).find((n) => n.title === title)!.body).toContain(
      `“${needTitle}”`,
    );
    await expectMail([employerOwner, employerAdmin], title);
    const event = await signedHook('/pp/employer', type, employerSecret);
    expect(event.payload).toMatchObject({
      partnershipId,
      employerId: employerOrg,
      institutionId: collegeOrg,
      proposedByOrganizationId: collegeOrg,
    });
    // Both parties' systems hear of it (the rule's organizations), each signed with its own secret.
    await signedHook('/pp/college', type, collegeSecret);

    // Nobody else: not the employer's plain member, not the proposing institution's people, not an unrelated organization.
    await settle();
    await expectNothingFor([employerMember, collegeOwner, collegeAdmin, outsider], type, title);
    expect(mailRecipients(title)).toEqual(emailsOf(employerOwner, employerAdmin));
    expect(hooksOf('/pp/employer', type)).toHaveLength(1);
    expect(hooksOf('/outsider', type)).toEqual([]);
  });

  it('asks each partner organization’s admins for a review on every channel, tells the issuer’s other admins in their own words — not the submitter, partner members or anyone else', async () => {
    const [collegeOwner, collegeAdmin, aOwner, aAdmin, aMember, bOwner, bAdmin] = await Promise.all(
      [
        'rr-col-owner',
        'rr-col-admin',
        'rr-a-owner',
        'rr-a-admin',
        'rr-a-member',
        'rr-b-owner',
        'rr-b-admin',
      ].map((label) => signUp(label)),
    );
    const tag = randomUUID().slice(0, 6);
    const collegeOrg = await createOrganization(collegeOwner, {
      name: `Reviewing College ${tag}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    const aOrg = await createOrganization(aOwner, {
      name: `Partner A ${tag}`,
      kind: 'EMPLOYER',
      size: 'LARGE',
      sector: '212',
    });
    const bOrg = await createOrganization(bOwner, {
      name: `Partner B ${tag}`,
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '622',
    });
    const type = 'credentials.design.review_requested';
    const aSecret = await subscribe(aOwner, aOrg, '/rr/a', ['identity.membership.created', type]);
    const bSecret = await subscribe(bOwner, bOrg, '/rr/b', ['identity.membership.created', type]);
    await inviteAndAccept(aOwner, aOrg, aAdmin, 'ADMIN');
    await inviteAndAccept(aOwner, aOrg, aMember, 'MEMBER');
    await inviteAndAccept(bOwner, bOrg, bAdmin, 'ADMIN');
    await subscribe(collegeOwner, collegeOrg, '/rr/college', ['identity.membership.created']);
    await inviteAndAccept(collegeOwner, collegeOrg, collegeAdmin, 'ADMIN');
    await directoryKnows('/rr/a', [aAdmin, aMember]);
    await directoryKnows('/rr/b', [bAdmin]);
    await directoryKnows('/rr/college', [collegeAdmin]);

    const designTitle = `Review me ${tag}`;
    const designId = await draftCompleteDesign(collegeOwner, collegeOrg, [aOrg, bOrg], designTitle);
    await ok(
      'mutation($id: ID!) { submitDesignForReview(id: $id) { stage } }',
      { id: designId },
      collegeOwner.token,
    );
    const title = `Review requested: ${designTitle}`;

    await expectInbox([aOwner, aAdmin, bOwner, bAdmin], type, title, `/designs/${designId}`);
    await expectMail([aOwner, aAdmin, bOwner, bAdmin], title);
    // The issuing college approves too: its other admins are told, not asked by their own college.
    const issuerTitle = `In review with your partners: ${designTitle}`;
    await expectInbox([collegeAdmin], type, issuerTitle, `/designs/${designId}`);
    await expectMail([collegeAdmin], issuerTitle);
    for (const [path, secret] of [
      ['/rr/a', aSecret],
      ['/rr/b', bSecret],
    ] as const) {
      const event = await signedHook(path, type, secret);
      expect(event.payload).toMatchObject({ designId, issuerId: collegeOrg, title: designTitle });
      expect(event.payload['awaiting']).toEqual(expect.arrayContaining([aOrg, bOrg]));
    }

    await settle();
    // The submitter caused the event and is not told; a plain member of a partner is not an admin.
    await expectNothingFor([collegeOwner, collegeAdmin, aMember, outsider], type, title);
    await expectNothingFor(
      [collegeOwner, aOwner, aAdmin, bOwner, bAdmin, aMember, outsider],
      type,
      issuerTitle,
    );
    expect(mailRecipients(title)).toEqual(emailsOf(aOwner, aAdmin, bOwner, bAdmin));
    expect(mailRecipients(issuerTitle)).toEqual(emailsOf(collegeAdmin));
    expect(hooksOf('/outsider', type)).toEqual([]);
  });

  it('reminds the employer’s people of a need whose date is near, once, by inbox and e-mail — not the institutions', async () => {
    const [employerOwner, employerMember, collegeOwner] = await Promise.all(
      ['ne-emp-owner', 'ne-emp-member', 'ne-col-owner'].map((label) => signUp(label)),
    );
    const tag = randomUUID().slice(0, 6);
    const employerOrg = await createOrganization(employerOwner, {
      name: `Expiring Mill ${tag}`,
      kind: 'EMPLOYER',
      size: 'LARGE',
      region: 'ON-Sudbury',
      sector: '212',
    });
    await createOrganization(collegeOwner, {
      name: `Watching College ${tag}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    await subscribe(employerOwner, employerOrg, '/ne/employer', ['identity.membership.created']);
    await inviteAndAccept(employerOwner, employerOrg, employerMember, 'MEMBER');
    await directoryKnows('/ne/employer', [employerMember]);
    const skills = await ok(
      'query($s: String) { skills(search: $s, first: 20) { edges { node { id label } } } }',
      { s: 'work in teams' },
    );
    const teams = (skills.skills.edges as Array<{ node: { id: string; label: string } }>).find(
      (e) => e.node.label === 'work in teams',
    )!.node.id;
    const neededBy = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const needTitle = `Blasters ${tag}`;
    const need = await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerOrg,
          title: needTitle,
          skills: [{ skillId: teams, level: 2 }],
          region: 'ON-Sudbury',
          deliveryModes: ['HYBRID'],
          learnerCount: 5,
          careerStage: 'ENTRY',
          neededBy,
        },
      },
      employerOwner.token,
    );
    const needId = need.postSkillNeed.id as string;
    const operator = (
      await ok('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
        e: OPERATOR.email,
        p: OPERATOR.password,
      })
    ).logIn.token as string;
    expect((await ok('mutation { detectExpiringNeeds }', {}, operator)).detectExpiringNeeds).toContain(
      needId,
    );
    expect((await ok('mutation { detectExpiringNeeds }', {}, operator)).detectExpiringNeeds).not.toContain(
      needId,
    );

    const type = 'marketplace.need.expiring';
    const title = `Needed by ${neededBy}: ${needTitle}`;
    await expectInbox([employerOwner, employerMember], type, title, `/needs/${needId}`);
    await expectMail([employerOwner, employerMember], title);
    await settle();
    await expectNothingFor([collegeOwner, outsider], type, title);
    expect(mailRecipients(title)).toEqual(emailsOf(employerOwner, employerMember));
  });

  it('e-mails the accept link to an invitee who has no account yet, and the link lets them join once they sign up', async () => {
    const owner = await signUp('inv-owner');
    const tag = randomUUID().slice(0, 6);
    const organizationName = `Inviting Council ${tag}`;
    const organizationId = await createOrganization(owner, {
      name: organizationName,
      kind: 'UMBRELLA',
      size: 'SMALL',
    });
    const address = `newcomer-${tag}@e2e.lattice.test`;
    const invited = await ok(
      'mutation($o: ID!, $e: String!) { inviteMember(organizationId: $o, email: $e, role: MEMBER) { acceptUrl } }',
      { o: organizationId, e: address },
      owner.token,
    );
    const subject = `Invitation to join ${organizationName}`;
    const arrived = await eventually(
      async () => mails.filter((m) => m.to.includes(address) && decodedSubject(m.raw).includes(subject)),
      (list) => list.length > 0,
      WAIT,
    );
    expect(arrived).toHaveLength(1);
    const text = textPart(arrived[0]!.raw);
    expect(text).toContain(invited.inviteMember.acceptUrl);
    const token = new URL(/https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(text)![0]).searchParams.get(
      'token',
    )!;

    const ses = await ok<{ signUp: { token: string } }>(
      'mutation($i: SignUpInput!) { signUp(input: $i) { token } }',
      { i: { email: address, password: 'correct horse battery', name: 'Newcomer', locale: 'en' } },
    );
    const accepted = await ok(
      'mutation($t: String!) { acceptInvitation(token: $t) { role } }',
      { t: token },
      ses.signUp.token,
    );
    expect(accepted.acceptInvitation.role).toBe('MEMBER');
    await settle();
    expect(mails.filter((m) => decodedSubject(m.raw).includes(subject)).map((m) => m.to)).toEqual([
      [address],
    ]);
  });

  it('tells a learner with a verified account of their award in the inbox and by e-mail, and the issuer’s systems by webhook — nobody else', async () => {
    const [collegeOwner, employerOwner, learner, unverified] = await Promise.all([
      signUp('aw-col-owner'),
      signUp('aw-emp-owner'),
      signUp('aw-learner'),
      signUp('aw-unverified'),
    ]);
    // The learner opens the link mailed at sign-up; the other account never proves its address.
    const [confirmation] = await eventually(
      async () => mailsTo(learner, 'Confirm your e-mail address'),
      (list) => list.length > 0,
      WAIT,
    );
    const verifyToken = verificationTokenIn(confirmation!);
    await ok('mutation($t: String!) { verifyEmail(token: $t) { id } }', { t: verifyToken });
    const tag = randomUUID().slice(0, 6);
    const collegeOrg = await createOrganization(collegeOwner, {
      name: `Awarding College ${tag}`,
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    const employerOrg = await createOrganization(employerOwner, {
      name: `Partner Employer ${tag}`,
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '332',
    });
    const type = 'credentials.award.issued';
    const collegeSecret = await subscribe(collegeOwner, collegeOrg, '/aw/college', [type]);
    await subscribe(employerOwner, employerOrg, '/aw/employer', ['*']);
    const credentialTitle = `Safe setup ${tag}`;
    const credentialId = await publishCredential(collegeOwner, collegeOrg, employerOwner, employerOrg, {
      title: credentialTitle,
    });

    const award = await ok(
      'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl } }',
      {
        i: {
          credentialId,
          issuerId: collegeOrg,
          // The address as the issuer typed it: the learner's account is found regardless of case.
          recipient: { email: learner.email.toUpperCase(), name: 'Learner With Account' },
          result: { score: 91, attempt: 1 },
          evidence: [
            { url: 'https://portfolio.example.org/learner/setup', narrative: 'Set up a 3-axis job.' },
          ],
        },
      },
      collegeOwner.token,
    );
    const title = `You earned “${credentialTitle}”`;

    await expectInbox([learner], type, title, `/public/credentials/${award.awardCredential.id}`);
    await expectMail([learner], title);
    const event = await signedHook('/aw/college', type, collegeSecret);
    expect(event.payload).toMatchObject({ credentialId, issuerId: collegeOrg });

    // Awarded to an address whose account never proved it: that account hears nothing.
    await ok(
      'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }',
      {
        i: {
          credentialId,
          issuerId: collegeOrg,
          recipient: { email: unverified.email, name: 'Claimed Address' },
          result: { score: 91, attempt: 1 },
        },
      },
      collegeOwner.token,
    );

    await settle();
    await expectNothingFor([collegeOwner, employerOwner, outsider, unverified], type, title);
    expect(mailRecipients(title)).toEqual(emailsOf(learner));
    expect(hooksOf('/aw/employer', type)).toEqual([]);
    expect(hooksOf('/outsider', type)).toEqual([]);
  });
});

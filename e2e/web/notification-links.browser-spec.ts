// Every link a notification carries (inbox, e-mail, digest: the same `link`) opens a screen of the
// app that exists and offers what the notification asks for. The event types come from the
// server's routing rules: a type added there without a case here fails the first test.
import { randomUUID } from 'node:crypto';
import { ROUTING_RULES, messageOf, renderDigestMail, renderMessageMail } from '@lattice/notifications-domain';
import type { DomainEvent, DomainEventType } from '@lattice/shared-contracts';
import { createOrganization, ok, signUp, type Session } from '../support/client';
import { publishCredential } from '../support/credentials';
import { openMailbox, withVerifiedEmail, type Mailbox } from '../support/mailbox';
import { appOrigin, newContext, useBrowser } from './support/browser';

const browser = useBrowser();
const suffix = randomUUID().slice(0, 6);

interface Case {
  /** Who opens the link (the person the rule tells). */
  readonly as: 'employer' | 'college' | 'learner' | 'anyone';
  /** What the screen must show: the action's button, or the heading of the object to act on. */
  readonly shows: RegExp;
}
/** Per event type: null when its notifications carry no link (webhook-only types, facts to read). */
const CASES: Record<string, Case | null> = {
  'identity.email_verification.requested': { as: 'anyone', shows: /confirm|e-mail/i },
  // Accounts' screen (branch `accounts`): choose a new password from the mailed link.
  'identity.password_reset.requested': { as: 'anyone', shows: /password/i },
  'identity.password.changed': null,
  'identity.invitation.created': { as: 'anyone', shows: /invitation/i },
  'identity.organization.verified': null,
  'identity.umbrella.joined': null,
  // Accounts' join requests, role changes and removals: facts to read, no link.
  'identity.umbrella.join_requested': null,
  'identity.umbrella.join_declined': null,
  'identity.umbrella.member_removed': null,
  'identity.membership.role_changed': null,
  'identity.membership.removed': null,
  'identity.membership.created': null,
  'marketplace.need.posted': null,
  'marketplace.need.closed': null,
  'marketplace.need.expiring': { as: 'employer', shows: /^close need$/i },
  // Its accessible name says whose proposal: “Accept the proposal from … for …”.
  'marketplace.partnership.proposed': { as: 'college', shows: /^accept\b/i },
  'marketplace.partnership.accepted': { as: 'employer', shows: /^crew leads/i },
  'marketplace.partnership.declined': { as: 'employer', shows: /^crew leads/i },
  'marketplace.partnership.withdrawn': { as: 'college', shows: /^crew leads/i },
  'credentials.design.review_requested': { as: 'employer', shows: /^links credential/i },
  'credentials.design.review_overdue': { as: 'employer', shows: /^links credential/i },
  'credentials.design.changes_requested': { as: 'college', shows: /^links credential/i },
  'credentials.design.approved': { as: 'college', shows: /^links credential/i },
  'credentials.design.published': { as: 'employer', shows: /^endorse/i },
  'credentials.award.issued': { as: 'learner', shows: /^verify$/i },
  'credentials.award.revoked': null,
  // Evidence's screens (branch `evidence`): the learner answers the survey of their award; the
  // issuer's admins answer the framework survey of their credential.
  'evidence.feedback.requested': { as: 'learner', shows: /^(send|submit|save)\b/i },
  'evidence.framework_survey.requested': { as: 'college', shows: /^(send|submit|save)\b/i },
  'evidence.outcome.reported': null,
  'credentials.endorsement.added': { as: 'college', shows: /^links credential/i },
  'credentials.design.comment_added': { as: 'college', shows: /^links credential/i },
};

let employer: Session;
let college: Session;
/** The award's recipient, with a proven address (the learner's notifications go to proven addresses only). */
let learner: Session;
let mailbox: Mailbox;
let ids: Record<string, string>;

afterAll(async () => {
  await mailbox?.close();
});

beforeAll(async () => {
  mailbox = await openMailbox();
  [employer, college, learner] = await Promise.all([
    signUp('web-links-employer'),
    signUp('web-links-college'),
    signUp('web-links-learner'),
  ]);
  learner = await withVerifiedEmail(mailbox, learner);
  const employerId = await createOrganization(employer, {
    name: `Links Mining ${suffix}`,
    kind: 'EMPLOYER',
    size: 'MEDIUM',
    region: 'ON-Sudbury',
    sector: '212',
  });
  const collegeId = await createOrganization(college, {
    name: `Links College ${suffix}`,
    kind: 'INSTITUTION',
    size: 'SMALL',
    region: 'ON-Northeast',
  });
  const skill = (await ok('{ skills(search: "work in teams", first: 1) { edges { node { id } } } }')).skills
    .edges[0].node.id as string;
  const needId = (
    await ok(
      'mutation($i: PostSkillNeedInput!) { postSkillNeed(input: $i) { id } }',
      {
        i: {
          organizationId: employerId,
          title: `Crew leads ${suffix}`,
          skills: [{ skillId: skill, level: 2 }],
          region: 'ON-Sudbury',
          deliveryModes: ['HYBRID'],
          learnerCount: 10,
          careerStage: 'ENTRY',
          neededBy: '2099-01-01',
        },
      },
      employer.token,
    )
  ).postSkillNeed.id as string;
  const partnershipId = (
    await ok(
      'mutation($i: ProposePartnershipInput!) { proposePartnership(input: $i) { id } }',
      { i: { needId, institutionId: collegeId } },
      employer.token,
    )
  ).proposePartnership.id as string;
  const credentialId = await publishCredential(college, collegeId, employer, employerId, {
    title: `Links credential ${suffix}`,
  });
  const designId = (
    await ok('query($id: ID!) { credential(id: $id) { designId } }', { id: credentialId }, college.token)
  ).credential.designId as string;
  const award = (
    await ok(
      'mutation($i: AwardInput!) { awardCredential(input: $i) { id publicUrl } }',
      {
        i: {
          credentialId,
          issuerId: collegeId,
          recipient: { email: learner.email, name: 'Links Learner' },
          result: { score: 95, attempt: 1 },
        },
      },
      college.token,
    )
  ).awardCredential;
  ids = {
    employerId,
    collegeId,
    needId,
    partnershipId,
    credentialId,
    designId,
    awardId: award.id,
    publicUrl: award.publicUrl,
  };
});

/** An event of this type about the scenario's objects, with every field any wording reads. */
function sample(type: string): DomainEvent {
  const payload = {
    email: 'someone@example.org',
    expiresAt: '2099-01-01T00:00:00.000Z',
    organizationId: ids.employerId,
    organizationName: 'Links Mining',
    role: 'MEMBER',
    umbrellaId: ids.employerId,
    needId: ids.needId,
    title: `Links credential ${suffix}`,
    neededBy: '2099-01-01',
    partnershipId: ids.partnershipId,
    needTitle: `Crew leads ${suffix}`,
    employerId: ids.employerId,
    institutionId: ids.collegeId,
    message: null,
    proposedByOrganizationId: ids.employerId,
    actingOrganizationId: ids.employerId,
    designId: ids.designId,
    version: 1,
    reviewDueAt: '2099-01-01T00:00:00.000Z',
    comment: 'More hours',
    credentialId: ids.credentialId,
    credentialTitle: `Links credential ${suffix}`,
    publicUrl: ids.publicUrl,
    awardId: ids.awardId,
    issuerId: ids.collegeId,
    field: null,
  };
  return {
    id: randomUUID(),
    type: type as DomainEventType,
    source: 'test',
    occurredAt: new Date().toISOString(),
    actorId: null,
    payload,
  } as unknown as DomainEvent;
}
const NAMES = {
  verifyUrl: `${appOrigin()}/verify-email?token=sample`,
  acceptUrl: `${appOrigin()}/invitations/accept?token=sample`,
  resetUrl: `${appOrigin()}/reset-password?token=sample`,
  organization: 'Links Mining',
  umbrella: 'Council',
  proposer: 'Links Mining',
  acting: 'Links Mining',
  issuer: 'Links College',
  reviewer: 'Links Mining',
  endorser: 'Links Mining',
};

describe('notification links', () => {
  it('know every event type the routing rules tell people of', () => {
    expect(Object.keys(ROUTING_RULES).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES).filter(([, c]) => c !== null) as Array<[string, Case]>)(
    '%s: its link opens a screen with the action',
    async (type, expected) => {
      for (const locale of ['en', 'fr']) {
        const link = messageOf(sample(type), locale, NAMES).link;
        expect(link).toBeTruthy();
        const url = new URL(link!, appOrigin());
        expect(url.origin).toBe(appOrigin());
        if (locale === 'fr') continue; // one wording per language, the same link: opened once
        const token = {
          employer: employer.token,
          college: college.token,
          learner: learner.token,
          anyone: undefined,
        }[expected.as];
        const page = await (await newContext(browser(), { token })).newPage();
        await page.goto(url.pathname + url.search);
        await page.waitForLoadState('networkidle');
        await expect(page.getByRole('heading', { name: /page not found/i }).count()).resolves.toBe(0);
        const action = page
          .getByRole('button', { name: expected.shows })
          .or(page.getByRole('heading', { name: expected.shows }));
        await action.first().waitFor({ timeout: 15_000 });
        await page.context().close();
      }
    },
  );

  it('e-mails and digests link only to screens that exist: the message’s link and the preferences', async () => {
    const messages = Object.entries(CASES)
      .filter(([, c]) => c !== null)
      .map(([type]) => messageOf(sample(type), 'en', NAMES));
    const mails = [
      renderMessageMail(messages[0]!, 'en', 'Links Learner', appOrigin()),
      renderDigestMail(messages, 'en', 'Links Learner', appOrigin()),
    ];
    const links = new Set(mails.flatMap((mail) => mail.text.match(/https?:\/\/\S+/g) ?? []));
    const messageLinks = new Set(messages.map((m) => new URL(m.link!, appOrigin()).toString()));
    const others = [...links].filter((link) => !messageLinks.has(link));
    // The message links are opened one by one above; what else a mail carries is the preferences link.
    expect(others.map((link) => new URL(link).pathname)).toEqual(['/inbox/preferences']);
    const page = await (await newContext(browser(), { token: employer.token })).newPage();
    await page.goto(others[0]!);
    await page.getByRole('heading', { name: /notification preferences/i }).waitFor();
    await page.context().close();
  });
});

// The evidence loop through the gateway: an award asks its learner for feedback (inbox and
// e-mail), ten learners answer, one shares the award with the employer who hired them, the employer
// reports the cohort's outcomes, and the operator's insights show them — with a credential answered
// by fewer than k learners suppressed, and every refusal typed. Then the learner takes and deletes their data.
import {
  codeOf,
  createOrganization,
  eventually,
  gql,
  ok,
  signUp,
  type Session,
  type Untyped,
} from './support/client';
import { publishCredential, SKILL_DATA } from './support/credentials';
import { OPERATOR } from './support/global-setup';
import { openMailbox, withVerifiedEmail, type Mailbox } from './support/mailbox';

jest.setTimeout(240_000);

const AWARD = 'mutation($i: AwardInput!) { awardCredential(input: $i) { id } }';
const REQUESTS = '{ myFeedbackRequests { awardId credentialId answered remindersOff } }';
const FEEDBACK =
  'query($a: ID!) { awardFeedback(awardId: $a) { awardId credentialTitle survey { version questions { key type label { en fr } min max options { value } } } response { revision answers { key value choices text } } } }';
const SUBMIT =
  'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { response { revision answers { key value } } } }';
const INSIGHTS = `query($s: InsightsScopeInput, $f: InsightsFilterInput, $g: InsightsGroupBy!) { insights(scope: $s, filter: $f, groupBy: $g) { k
  feedback { columns rows { key label values suppressed } total { values suppressed } csv }
  outcomes { columns rows { key values suppressed } }
  awards { rows { key values suppressed } } } }`;

const answers = (relevance: number, changes = ['new_job']) => [
  { key: 'relevance', value: relevance },
  { key: 'workload', value: 3 },
  { key: 'authenticity', value: 4 },
  { key: 'recommend', value: 5 },
  { key: 'changes', choices: changes },
  { key: 'comment', text: 'The shop-floor assessment was the real thing.' },
];

describe('evidence: feedback, outcomes, insights', () => {
  let mailbox: Mailbox;
  let college: Session;
  let employer: Session;
  let hirer: Session;
  let learners: Session[];
  let collegeId: string;
  let employerId: string;
  let hirerId: string;
  let credentialId: string;
  let smallCredentialId: string;
  let operator: string;
  const awardOf = new Map<string, string>();

  beforeAll(async () => {
    mailbox = await openMailbox();
    [college, employer, hirer] = await Promise.all([
      signUp('ev-college'),
      signUp('ev-employer'),
      signUp('ev-hirer'),
    ]);
    learners = await Promise.all(Array.from({ length: 11 }, (_, i) => signUp(`ev-learner${i}`)));
    learners = await Promise.all(learners.map((l) => withVerifiedEmail(mailbox, l)));
    collegeId = await createOrganization(college, {
      name: 'Evidence College',
      kind: 'INSTITUTION',
      size: 'SMALL',
      region: 'ON-Northeast',
    });
    employerId = await createOrganization(employer, {
      name: 'Evidence Mining',
      kind: 'EMPLOYER',
      size: 'LARGE',
      sector: '212',
    });
    hirerId = await createOrganization(hirer, {
      name: 'Evidence Hiring Co',
      kind: 'EMPLOYER',
      size: 'MEDIUM',
      sector: '212',
    });
    credentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Evidence mill setup',
    });
    smallCredentialId = await publishCredential(college, collegeId, employer, employerId, {
      title: 'Evidence lathe basics',
    });
    operator = (
      await ok('mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { token } }', {
        e: OPERATOR.email,
        p: OPERATOR.password,
      })
    ).logIn.token as string;
    for (const [i, learner] of learners.entries()) {
      const credential = i < 10 ? credentialId : smallCredentialId;
      const award = await ok(
        AWARD,
        {
          i: {
            credentialId: credential,
            issuerId: collegeId,
            recipient: { email: learner.email, name: `Learner ${i}` },
            result: { score: 90, attempt: 1 },
          },
        },
        college.token,
      );
      awardOf.set(learner.email, award.awardCredential.id);
    }
  });

  afterAll(async () => {
    await mailbox?.close();
  });

  it('asks the learner in the inbox and by e-mail, with a link to the survey for that award', async () => {
    const [learner] = learners;
    const awardId = awardOf.get(learner!.email)!;
    const inbox = await eventually(
      async () =>
        (
          await ok('{ notifications(first: 20) { edges { node { type title link } } } }', {}, learner!.token)
        ).notifications.edges.map((e: Untyped) => e.node),
      (nodes: Untyped[]) => nodes.some((n) => n.type === 'evidence.feedback.requested'),
      30_000,
    );
    expect(inbox.find((n: Untyped) => n.type === 'evidence.feedback.requested')).toMatchObject({
      link: `/feedback/${awardId}`,
      title: expect.stringContaining('Evidence mill setup'),
    });
    await eventually(
      async () =>
        mailbox.mails.filter(
          (m) => m.to.includes(learner!.email.toLowerCase()) && m.raw.includes(`/feedback/${awardId}`),
        ),
      (list) => list.length > 0,
      30_000,
    );
    const requests = (await ok(REQUESTS, {}, learner!.token)).myFeedbackRequests;
    expect(requests).toEqual([{ awardId, credentialId, answered: false, remindersOff: false }]);
  });

  it('shows the survey in English and French, takes one response per award, and refuses bad input with typed errors', async () => {
    const [learner, other] = learners;
    const awardId = awardOf.get(learner!.email)!;
    const survey = (await ok(FEEDBACK, { a: awardId }, learner!.token)).awardFeedback;
    expect(survey.survey.questions.map((q: Untyped) => q.key)).toEqual([
      'relevance',
      'workload',
      'authenticity',
      'recommend',
      'changes',
      'comment',
    ]);
    expect(survey.survey.questions[0].label.fr).toMatch(/pertinent/);

    const outOfRange = await gql(SUBMIT, { i: { awardId, answers: answers(7) } }, learner!.token);
    expect(codeOf(outOfRange)).toBe('BAD_USER_INPUT');
    expect(outOfRange.errors![0]!.extensions!['reason']).toBe('EVIDENCE.RATING_OUT_OF_RANGE');
    const notMine = await gql(SUBMIT, { i: { awardId, answers: answers(4) } }, other!.token);
    expect(codeOf(notMine)).toBe('FORBIDDEN');
    expect(notMine.errors![0]!.extensions!['reason']).toBe('EVIDENCE.NOT_YOUR_AWARD');
    expect(codeOf(await gql(FEEDBACK, { a: awardId }, other!.token))).toBe('FORBIDDEN');
    expect((await ok(FEEDBACK, { a: awardId }, learner!.token)).awardFeedback.response).toBeNull();

    await ok(SUBMIT, { i: { awardId, answers: answers(5) } }, learner!.token);
    const again = (await ok(SUBMIT, { i: { awardId, answers: answers(4) } }, learner!.token)).submitFeedback;
    expect(again.response.revision).toBe(2);
    expect(again.response.answers.find((a: Untyped) => a.key === 'relevance').value).toBe(4);

    // The other nine holders answer too (one of them was also promoted); the holder of the other credential does not.
    await Promise.all(
      learners.slice(1, 10).map((l, i) =>
        ok(
          SUBMIT,
          {
            i: {
              awardId: awardOf.get(l.email),
              answers: answers(1 + (i % 5), i === 2 ? ['new_job', 'promotion'] : ['new_job']),
            },
          },
          l.token,
        ),
      ),
    );
    expect((await ok(REQUESTS, {}, learner!.token)).myFeedbackRequests[0].answered).toBe(true);
  });

  it('lets a learner share an award with their employer, who then reports the cohort’s outcomes; without a tie, no report', async () => {
    const [learner, other] = learners;
    const awardId = awardOf.get(learner!.email)!;
    const report = {
      organizationId: hirerId,
      credentialId,
      cohortSize: 10,
      hired: 6,
      promoted: 2,
      retained: 9,
      assessmentReflectedJobPerformance: true,
      ratings: [{ competency: SKILL_DATA, rating: 4 }],
    };
    const REPORT =
      'mutation($i: ReportOutcomesInput!) { reportOutcomes(input: $i) { id hired ratings { competency rating } awardIds } }';
    const noTie = await gql(REPORT, { i: report }, hirer.token);
    expect(codeOf(noTie)).toBe('FORBIDDEN');
    expect(noTie.errors![0]!.extensions!['reason']).toBe('EVIDENCE.NO_TIE_TO_CREDENTIAL');
    const SHARE =
      'mutation($a: ID!, $o: ID!) { shareAward(awardId: $a, organizationId: $o) { awardId organizationId organizationName } }';
    expect(codeOf(await gql(SHARE, { a: awardId, o: hirerId }, other!.token))).toBe('FORBIDDEN');
    expect(codeOf(await gql(SHARE, { a: awardId, o: hirerId }, hirer.token))).toBe('FORBIDDEN');
    expect(
      (
        await ok(
          'query($o: ID!) { awardsSharedWith(organizationId: $o) { awardId } }',
          { o: hirerId },
          hirer.token,
        )
      ).awardsSharedWith,
    ).toEqual([]);
    await eventually(
      async () => gql(SHARE, { a: awardId, o: hirerId }, learner!.token),
      (r) => !r.errors,
      20_000,
    );
    expect(
      (await ok('{ myAwardShares { awardId organizationName } }', {}, learner!.token)).myAwardShares,
    ).toEqual([{ awardId, organizationName: 'Evidence Hiring Co' }]);
    expect(
      (
        await ok(
          'query($o: ID!) { awardsSharedWith(organizationId: $o) { awardId credentialId } }',
          { o: hirerId },
          hirer.token,
        )
      ).awardsSharedWith,
    ).toEqual([{ awardId, credentialId }]);

    const badRating = await gql(
      REPORT,
      { i: { ...report, ratings: [{ competency: SKILL_DATA, rating: 0 }] } },
      hirer.token,
    );
    expect(badRating.errors![0]!.extensions!['reason']).toBe('EVIDENCE.RATING_OUT_OF_RANGE');
    const made = (await ok(REPORT, { i: { ...report, awardIds: [awardId] } }, hirer.token)).reportOutcomes;
    expect(made).toMatchObject({
      hired: 6,
      awardIds: [awardId],
      ratings: [{ competency: SKILL_DATA, rating: 4 }],
    });
    // The design partner reports without any share.
    await ok(
      REPORT,
      {
        i: {
          ...report,
          organizationId: employerId,
          hired: 4,
          ratings: [{ competency: SKILL_DATA, rating: 5 }],
        },
      },
      employer.token,
    );
  });

  it('shows the operator the feedback and the outcomes, with a group below k suppressed', async () => {
    const byCredential = (
      await ok(INSIGHTS, { s: null, f: { issuerId: collegeId }, g: 'CREDENTIAL' }, operator)
    ).insights;
    expect(byCredential.k).toBe(10);
    const feedback = byCredential.feedback;
    const column = (name: string) => feedback.columns.indexOf(name);
    const row = feedback.rows.find((r: Untyped) => r.key === credentialId);
    expect(row.values[column('respondents')]).toBe(10);
    expect(row.values[column('new_job')]).toBe(10);
    expect(row.values[column('relevance')]).toBeCloseTo((4 + 1 + 2 + 3 + 4 + 5 + 1 + 2 + 3 + 4) / 10);
    // One promoted learner is a group below k: suppressed, and so is the total that would give it away.
    expect(row.suppressed[column('promotion')]).toBe(true);
    expect(row.values[column('promotion')]).toBeNull();
    expect(feedback.total.suppressed[column('promotion')]).toBe(true);
    expect(feedback.csv).toContain('suppressed');
    expect(feedback.rows.find((r: Untyped) => r.key === smallCredentialId)).toBeUndefined();
    // The other credential's single award is suppressed in the awards table.
    const smallAwards = byCredential.awards.rows.find((r: Untyped) => r.key === smallCredentialId);
    expect(smallAwards.values[0]).toBeNull();
    expect(smallAwards.suppressed[0]).toBe(true);

    const outcomes = (await ok(INSIGHTS, { s: null, f: { credentialId }, g: 'ASSESSMENT_METHOD' }, operator))
      .insights.outcomes;
    const method = outcomes.rows.find((r: Untyped) => r.key === 'EMPLOYER_ASSESSMENT');
    expect(method.values[outcomes.columns.indexOf('holders')]).toBe(20);
    expect(method.values[outcomes.columns.indexOf('hired')]).toBe(10);
    expect(method.values[outcomes.columns.indexOf('meanJobPerformance')]).toBeCloseTo(4.5);

    // The institution sees its own; comments only for the credential with ≥ k responses, without identity.
    const own = await ok(
      `query($s: InsightsScopeInput, $c: ID!) { insights(scope: $s) { comments(credentialId: $c) { respondents comments } } }`,
      { s: { organizationId: collegeId }, c: credentialId },
      college.token,
    );
    expect(own.insights.comments.respondents).toBe(10);
    expect(own.insights.comments.comments).toHaveLength(10);
    const few = await ok(
      `query($s: InsightsScopeInput, $c: ID!) { insights(scope: $s) { comments(credentialId: $c) { respondents comments } } }`,
      { s: { organizationId: collegeId }, c: smallCredentialId },
      college.token,
    );
    expect(few.insights.comments).toEqual({ respondents: null, comments: [] });

    // Scopes the caller may not see.
    const notOperator = await gql(INSIGHTS, { s: null, f: null, g: 'NONE' }, college.token);
    expect(notOperator.errors![0]!.extensions!['reason']).toBe('EVIDENCE.SCOPE_FORBIDDEN');
    const notMember = await gql(
      INSIGHTS,
      { s: { organizationId: collegeId }, f: null, g: 'NONE' },
      hirer.token,
    );
    expect(codeOf(notMember)).toBe('FORBIDDEN');
  });

  it('keeps self-identification to the learner, and lets them download and delete what Lattice holds', async () => {
    const learner = learners[1]!;
    const SET =
      'mutation($a: [EquityAnswerInput!]!) { setSelfIdentification(answers: $a) { answers { group answer } } }';
    await ok(
      SET,
      {
        a: [
          { group: 'NEWCOMER', answer: 'YES' },
          { group: 'INDIGENOUS', answer: 'PREFER_NOT_TO_SAY' },
        ],
      },
      learner.token,
    );
    expect(
      (await ok('{ mySelfIdentification { answers { group answer } } }', {}, learner.token))
        .mySelfIdentification.answers,
    ).toEqual([
      { group: 'NEWCOMER', answer: 'YES' },
      { group: 'INDIGENOUS', answer: 'PREFER_NOT_TO_SAY' },
    ]);
    expect(
      (await ok('{ mySelfIdentification { updatedAt } }', {}, learners[2]!.token)).mySelfIdentification,
    ).toBeNull();
    expect(codeOf(await gql(SET, { a: [{ group: 'LEFT_HANDED', answer: 'YES' }] }, learner.token))).toBe(
      'BAD_USER_INPUT',
    );

    const data = (await ok('{ myEvidenceData }', {}, learner.token)).myEvidenceData;
    expect(data.awards).toHaveLength(1);
    expect(data.feedback).toHaveLength(1);
    expect(data.selfIdentification.answers).toEqual({ NEWCOMER: 'YES', INDIGENOUS: 'PREFER_NOT_TO_SAY' });
    const deleted = (
      await ok('mutation { deleteMyEvidenceData { feedback shares selfIdentification } }', {}, learner.token)
    ).deleteMyEvidenceData;
    expect(deleted).toEqual({ feedback: 1, shares: 0, selfIdentification: true });
    const after = (await ok('{ myEvidenceData }', {}, learner.token)).myEvidenceData;
    expect(after).toMatchObject({ feedback: [], shares: [], selfIdentification: null });
  });
});

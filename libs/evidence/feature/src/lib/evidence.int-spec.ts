// Evidence against real Postgres with its real migrations: the read tables fed by events (each
// once), feedback requested and reminded exactly once, one response per award, shares and outcome
// reports that refuse whoever may not, sealed self-identification, and insights that never show a
// learner-derived cell below k — tried with filters, their combinations, differencing and totals.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@lattice/shared-data-access';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { evidenceDataSource, InsightsQueries } from '@lattice/evidence-data-access';
import { type Line, recoverable } from '@lattice/evidence-domain';
import type { InsightsTableView } from './insights/insights.use-case';
import {
  answers,
  event,
  evidenceUseCases,
  issued,
  learner,
  memberOf,
  organizationCreated,
  published,
} from './testing/evidence.fixture';

const DAY = 86_400_000;

describe('evidence (integration)', () => {
  let dataSource: DataSource;
  let uc: ReturnType<typeof evidenceUseCases>;

  beforeAll(async () => {
    dataSource = await openDataSource(evidenceDataSource(testDatabaseUrl('int'), 10));
    uc = evidenceUseCases(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** An institution, an employer partner, a published credential. */
  async function world(facts: Parameters<typeof published>[2] = {}) {
    const college = organizationCreated('INSTITUTION');
    const employer = organizationCreated('EMPLOYER');
    const credential = published(college.payload.organizationId, [employer.payload.organizationId], facts);
    await uc.handlers.applyAll([college, employer, credential]);
    return {
      collegeId: college.payload.organizationId,
      employerId: employer.payload.organizationId,
      credentialId: credential.payload.credentialId,
      credential,
    };
  }

  async function award(
    w: { collegeId: string; credentialId: string },
    person = learner(),
    occurredAt?: string,
  ) {
    const e = issued(w.credentialId, w.collegeId, person.email, occurredAt);
    await uc.handlers.apply(e);
    return { person, awardId: e.payload.awardId, event: e };
  }

  const outbox = (awardId: string) =>
    dataSource.query(
      `SELECT "type", "payload" FROM "evidence"."outbox" WHERE "payload"->>'awardId' = $1 ORDER BY "seq"`,
      [awardId],
    ) as Promise<Array<{ type: string; payload: Record<string, unknown> }>>;

  describe('learner feedback', () => {
    it('asks the learner once per award, even when the event is delivered twice, and keeps no address in the clear', async () => {
      const w = await world();
      const { awardId, event: e, person } = await award(w);
      await uc.handlers.apply(e);
      const events = await outbox(awardId);
      expect(events).toEqual([
        {
          type: 'evidence.feedback.requested',
          payload: expect.objectContaining({ awardId, reminder: false, recipientEmail: person.email }),
        },
      ]);
      const [row] = await dataSource.query(
        `SELECT a."learner_lookup", r."sealed_email" FROM "evidence"."awards" a JOIN "evidence"."feedback_requests" r ON r."award_id" = a."id" WHERE a."id" = $1`,
        [awardId],
      );
      expect(JSON.stringify(row)).not.toContain(person.email);
      expect(uc.keys.open(row.sealed_email)).toBe(person.email);
    });

    it('takes one response per award: a second submit updates it; editable 30 days; deletable any time', async () => {
      const w = await world();
      const { awardId, person } = await award(w);
      const first = await uc.feedback.submit(person, awardId, {
        answers: answers({}, [
          { key: 'changes', choices: ['promotion', 'raise'] },
          { key: 'comment', text: ' Useful. ' },
        ]),
      });
      expect(first.response).toMatchObject({
        revision: 1,
        answers: {
          scores: { relevance: 4 },
          choices: { changes: ['promotion', 'raise'] },
          text: { comment: 'Useful.' },
        },
      });
      const second = await uc.feedback.submit(person, awardId, {
        answers: answers({ relevance: 2 }),
        expectedRevision: 1,
      });
      expect(second.response!.revision).toBe(2);
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "evidence"."feedback_responses" WHERE "award_id" = $1`,
        [awardId],
      );
      expect(n).toBe(1);
      await expect(
        uc.feedback.submit(person, awardId, { answers: answers(), expectedRevision: 1 }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.STALE_VERSION', category: 'CONFLICT' });
      const later = new Date(second.response!.submitted_at.getTime() + 31 * DAY);
      await expect(uc.feedback.submit(person, awardId, { answers: answers() }, later)).rejects.toMatchObject({
        code: 'EVIDENCE.EDIT_WINDOW_CLOSED',
      });
      expect(await uc.feedback.delete(person, awardId)).toBe(true);
      expect((await uc.feedback.view(person, awardId)).response).toBeNull();
      const [{ scores }] = await dataSource.query(
        `SELECT count(*)::int AS scores FROM "evidence"."feedback_scores" WHERE "award_id" = $1`,
        [awardId],
      );
      expect(scores).toBe(0);
    });

    it('refuses ratings out of range, unknown questions, someone else’s award and an unproven address — changing nothing', async () => {
      const w = await world();
      const { awardId, person } = await award(w);
      await uc.feedback.submit(person, awardId, { answers: answers() });
      const before = await uc.repository.feedbackResponse(awardId);
      await expect(
        uc.feedback.submit(person, awardId, { answers: answers({ relevance: 6 }) }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.RATING_OUT_OF_RANGE', category: 'BAD_USER_INPUT' });
      await expect(
        uc.feedback.submit(person, awardId, { answers: answers({ workload: 0 }) }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.RATING_OUT_OF_RANGE' });
      await expect(
        uc.feedback.submit(person, awardId, { answers: [...answers(), { key: 'salary', value: 3 }] }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.INVALID_ANSWER' });
      await expect(
        uc.feedback.submit(person, awardId, { answers: [{ key: 'relevance', value: 3 }] }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.INVALID_ANSWER' });
      await expect(uc.feedback.submit(learner(), awardId, { answers: answers() })).rejects.toMatchObject({
        code: 'EVIDENCE.NOT_YOUR_AWARD',
        category: 'FORBIDDEN',
      });
      await expect(
        uc.feedback.submit(learner(person.email, false), awardId, { answers: answers() }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.EMAIL_NOT_VERIFIED' });
      await expect(uc.feedback.delete(learner(), awardId)).rejects.toMatchObject({
        code: 'EVIDENCE.NOT_YOUR_AWARD',
      });
      await expect(uc.feedback.submit(person, randomUUID(), { answers: answers() })).rejects.toMatchObject({
        code: 'EVIDENCE.AWARD_NOT_FOUND',
        category: 'NOT_FOUND',
      });
      expect(await uc.repository.feedbackResponse(awardId)).toEqual(before);
    });

    it('reminds after 7 days exactly once across concurrent runs, unless answered or turned off', async () => {
      const w = await world();
      const old = new Date(Date.now() - 8 * DAY).toISOString();
      const due = await award(w, learner(), old);
      const answered = await award(w, learner(), old);
      const off = await award(w, learner(), old);
      const fresh = await award(w, learner());
      await uc.feedback.submit(answered.person, answered.awardId, { answers: answers() });
      await uc.feedback.turnOffReminder(off.person, off.awardId);
      const runs = await Promise.all([
        uc.reminders.execute(),
        uc.reminders.execute(),
        uc.reminders.execute(),
      ]);
      const sent = runs.flat();
      expect(sent.filter((id) => id === due.awardId)).toHaveLength(1);
      for (const other of [answered, off, fresh]) expect(sent).not.toContain(other.awardId);
      expect(await uc.reminders.execute()).not.toContain(due.awardId);
      expect((await outbox(due.awardId)).map((e) => e.payload.reminder)).toEqual([false, true]);
      expect((await outbox(due.awardId))[1]!.payload.recipientEmail).toBe(due.person.email);
      const [{ sealed_email }] = await dataSource.query(
        `SELECT "sealed_email" FROM "evidence"."feedback_requests" WHERE "award_id" = $1`,
        [due.awardId],
      );
      expect(sealed_email).toBeNull();
    });

    it('lets operators publish a new survey version (questions as data) and refuses a stale or malformed one', async () => {
      const operator = memberOf(randomUUID(), 'OPERATOR');
      const latest = await uc.surveys.latest('FRAMEWORK');
      const questions = [...latest.questions];
      const next = await uc.surveys.publish(operator, 'FRAMEWORK', questions, latest.version);
      expect(next.version).toBe(latest.version + 1);
      await expect(
        uc.surveys.publish(operator, 'FRAMEWORK', questions, latest.version),
      ).rejects.toMatchObject({ code: 'EVIDENCE.STALE_VERSION' });
      await expect(
        uc.surveys.publish(
          operator,
          'FRAMEWORK',
          [{ key: 'x', type: 'SCALE', label: { en: 'x', fr: '' }, required: true, min: 1, max: 5 }],
          next.version,
        ),
      ).rejects.toMatchObject({
        code: 'EVIDENCE.INVALID_SURVEY',
      });
      await expect(
        uc.surveys.publish(memberOf(randomUUID(), 'INSTITUTION'), 'FRAMEWORK', questions, next.version),
      ).rejects.toMatchObject({ category: 'FORBIDDEN' });
    });
  });

  describe('shares and outcome reports', () => {
    it('lets only the learner share an award; an employer reports outcomes only with a tie, naming only shared awards', async () => {
      const w = await world();
      const { awardId, person } = await award(w);
      const hirerEvent = organizationCreated('EMPLOYER');
      await uc.handlers.apply(hirerEvent);
      const hirer = memberOf(hirerEvent.payload.organizationId, 'EMPLOYER', 'MEMBER');
      const report = {
        organizationId: hirerEvent.payload.organizationId,
        credentialId: w.credentialId,
        cohortSize: 4,
        hired: 4,
        promoted: 1,
        retained: 3,
        assessmentReflectedJobPerformance: true,
        ratings: [{ competency: 'skill-a', rating: 4 }],
      };

      await expect(uc.outcomes.execute(hirer, report)).rejects.toMatchObject({
        code: 'EVIDENCE.NO_TIE_TO_CREDENTIAL',
        category: 'FORBIDDEN',
      });
      await expect(
        uc.shares.grant(learner(), awardId, hirerEvent.payload.organizationId),
      ).rejects.toMatchObject({ code: 'EVIDENCE.NOT_YOUR_AWARD' });
      await expect(uc.shares.grant(hirer, awardId, hirerEvent.payload.organizationId)).rejects.toMatchObject({
        category: 'FORBIDDEN',
      });
      expect(await uc.shares.sharedWith(hirer, hirerEvent.payload.organizationId)).toEqual([]);

      await uc.shares.grant(person, awardId, hirerEvent.payload.organizationId);
      await uc.shares.grant(person, awardId, hirerEvent.payload.organizationId);
      expect(
        (await uc.shares.sharedWith(hirer, hirerEvent.payload.organizationId)).map((s) => s.award_id),
      ).toEqual([awardId]);
      await expect(
        uc.outcomes.execute(hirer, { ...report, ratings: [{ competency: 'skill-a', rating: 6 }] }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.RATING_OUT_OF_RANGE' });
      await expect(
        uc.outcomes.execute(hirer, { ...report, ratings: [{ competency: 'welding', rating: 3 }] }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.UNKNOWN_COMPETENCY' });
      await expect(uc.outcomes.execute(hirer, { ...report, hired: 5 })).rejects.toMatchObject({
        code: 'EVIDENCE.INVALID_OUTCOME',
      });
      const other = await award(w);
      await expect(
        uc.outcomes.execute(hirer, { ...report, awardIds: [awardId, other.awardId] }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.AWARD_NOT_SHARED' });
      expect(await uc.outcomes.list(hirer, hirerEvent.payload.organizationId)).toEqual([]);

      const made = await uc.outcomes.execute(hirer, { ...report, awardIds: [awardId] });
      expect(made).toMatchObject({ hired: 4, award_ids: [awardId] });
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "evidence"."outbox" WHERE "type" = 'evidence.outcome.reported' AND "payload"->>'reportId' = $1`,
        [made.id],
      );
      expect(n).toBe(1);

      // The design partner is tied without any share; a share revoked unties the hirer.
      await uc.outcomes.execute(memberOf(w.employerId, 'EMPLOYER'), {
        ...report,
        organizationId: w.employerId,
      });
      expect(await uc.shares.revoke(person, awardId, hirerEvent.payload.organizationId)).toBe(true);
      await expect(uc.outcomes.execute(hirer, report)).rejects.toMatchObject({
        code: 'EVIDENCE.NO_TIE_TO_CREDENTIAL',
      });
      // An institution is not an employer.
      await expect(
        uc.outcomes.execute(memberOf(w.collegeId, 'INSTITUTION'), { ...report, organizationId: w.collegeId }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.NOT_AN_EMPLOYER' });
    });
  });

  describe('self-identification and the learner’s own data', () => {
    it('seals self-identification, shows it only to the learner, exports and deletes everything in one action', async () => {
      const w = await world();
      const { awardId, person } = await award(w);
      await uc.feedback.submit(person, awardId, { answers: answers() });
      const employer = memberOf(w.employerId, 'EMPLOYER');
      await uc.shares.grant(person, awardId, w.employerId);
      const saved = await uc.selfIdentification.save(person, [
        { group: 'INDIGENOUS', answer: 'YES' },
        { group: 'DISABILITY', answer: 'PREFER_NOT_TO_SAY' },
      ]);
      expect(saved!.answers).toEqual({ INDIGENOUS: 'YES', DISABILITY: 'PREFER_NOT_TO_SAY' });
      const [row] = await dataSource.query(
        `SELECT * FROM "evidence"."self_identifications" WHERE "learner_lookup" = $1`,
        [uc.keys.lookup(person.email)],
      );
      expect(JSON.stringify(row)).not.toMatch(/INDIGENOUS|YES|DISABILITY/);
      await expect(
        uc.selfIdentification.save(person, [{ group: 'LEFT_HANDED', answer: 'YES' }]),
      ).rejects.toMatchObject({ code: 'EVIDENCE.INVALID_SELF_IDENTIFICATION' });
      expect((await uc.selfIdentification.mine(person))!.answers).toEqual({
        INDIGENOUS: 'YES',
        DISABILITY: 'PREFER_NOT_TO_SAY',
      });
      expect(await uc.selfIdentification.mine(learner())).toBeNull();

      const exported = await uc.myData.export(person);
      expect(exported).toMatchObject({
        awards: [{ awardId }],
        feedback: [{ awardId }],
        shares: [{ awardId, organizationId: w.employerId }],
        selfIdentification: { answers: { INDIGENOUS: 'YES' } },
      });
      expect(JSON.stringify(await uc.myData.export(learner()))).not.toContain(awardId);

      expect(await uc.myData.delete(person)).toEqual({ feedback: 1, shares: 1, selfIdentification: true });
      expect(await uc.selfIdentification.mine(person)).toBeNull();
      expect(await uc.shares.sharedWith(employer, w.employerId)).toEqual([]);
      expect(await uc.myData.export(person)).toMatchObject({
        feedback: [],
        shares: [],
        selfIdentification: null,
        awards: [{ awardId }],
      });
    });
  });

  describe('insights and privacy', () => {
    const visibleCounts = (table: InsightsTableView, countColumns: number) =>
      [...table.rows, ...(table.total ? [table.total] : [])].flatMap(
        (row) =>
          row.values.slice(0, countColumns).filter((v, i) => !row.suppressed[i] && v !== null) as number[],
      );

    /** Solving each column's total line one unknown at a time recovers no hidden cell. */
    function assertNothingRecoverable(table: InsightsTableView, countColumns: number) {
      if (!table.total) return;
      for (let c = 0; c < countColumns; c++) {
        const hidden = [...table.rows.map((r) => r.suppressed[c]!), table.total.suppressed[c]!];
        const line: Line = { total: table.rows.length, members: table.rows.map((_, i) => i) };
        expect(
          recoverable(
            hidden.map(() => 0),
            hidden,
            [line],
          ),
        ).toEqual([]);
      }
    }

    it('suppresses a credential with fewer than k respondents and its complement, and shows one with k', async () => {
      const college = organizationCreated('INSTITUTION');
      await uc.handlers.apply(college);
      const collegeId = college.payload.organizationId;
      const big = published(collegeId, [], { deliveryMode: 'ONLINE' });
      const small = published(collegeId, [], { deliveryMode: 'IN_PERSON' });
      const third = published(collegeId, [], { deliveryMode: 'ONLINE' });
      await uc.handlers.applyAll([big, small, third]);
      for (const [credential, count] of [
        [big, 12],
        [small, 3],
        [third, 11],
      ] as const) {
        for (let i = 0; i < count; i++) {
          const { awardId, person } = await award({
            collegeId,
            credentialId: credential.payload.credentialId,
          });
          await uc.feedback.submit(person, awardId, {
            answers: answers({ relevance: (i % 5) + 1 }, [{ key: 'comment', text: `comment ${i}` }]),
          });
        }
      }
      const staff = memberOf(collegeId, 'INSTITUTION', 'MEMBER');
      const table = await uc.insights.feedback(staff, { organizationId: collegeId, groupBy: 'CREDENTIAL' });
      const row = (id: string) => table.rows.find((r) => r.key === id)!;
      expect(row(small.payload.credentialId).suppressed.every(Boolean)).toBe(true);
      expect(row(small.payload.credentialId).values.every((v) => v === null)).toBe(true);
      // The complement: the smallest other row (11), so 26 − 12 cannot give the 3 away.
      expect(row(third.payload.credentialId).suppressed[0]).toBe(true);
      expect(row(big.payload.credentialId).values[0]).toBe(12);
      expect(table.total!.values[0]).toBe(26);
      assertNothingRecoverable(table, 6);

      // Comments reach the institution only for a credential with ≥ k responses, without identity.
      const comments = await uc.insights.comments(staff, collegeId, big.payload.credentialId);
      expect(comments.respondents).toBe(12);
      expect(comments.comments).toHaveLength(12);
      expect(await uc.insights.comments(staff, collegeId, small.payload.credentialId)).toEqual({
        respondents: null,
        comments: [],
      });

      // Differencing: ONLINE (12 + 11) against everything (26) would give the 3 away: the total is hidden.
      const online = await uc.insights.feedback(staff, {
        organizationId: collegeId,
        groupBy: 'NONE',
        filter: { deliveryMode: 'ONLINE' },
      });
      expect(online.rows[0]!.suppressed[0]).toBe(true);
      expect(online.total!.suppressed[0]).toBe(true);
      const everything = await uc.insights.feedback(staff, { organizationId: collegeId, groupBy: 'NONE' });
      expect(everything.total!.values[0]).toBe(26);
    });

    it('never shows a learner-derived count below k, nor a difference below k, over combinations of filters and groupings', async () => {
      const college = organizationCreated('INSTITUTION', { region: 'ON-Toronto' });
      await uc.handlers.apply(college);
      const collegeId = college.payload.organizationId;
      const modes = ['ONLINE', 'IN_PERSON', 'HYBRID'];
      const stages = ['ENTRY', 'MID_CAREER'];
      const credentials = [];
      let seed = 7;
      const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      for (let i = 0; i < 6; i++)
        credentials.push(
          published(collegeId, [], {
            deliveryMode: modes[i % 3]!,
            careerStage: stages[i % 2]!,
            hours: [5, 15, 30, 60, 100, 110][i]!,
          }),
        );
      await uc.handlers.applyAll(credentials);
      for (const credential of credentials) {
        const holders = 1 + Math.floor(next() * 16);
        for (let i = 0; i < holders; i++) {
          const { awardId, person } = await award({
            collegeId,
            credentialId: credential.payload.credentialId,
          });
          if (next() < 0.8)
            await uc.feedback.submit(person, awardId, {
              answers: answers({}, [
                { key: 'changes', choices: next() < 0.3 ? ['promotion'] : ['none_yet'] },
              ]),
            });
          if (next() < 0.6)
            await uc.selfIdentification.save(person, [
              { group: 'RACIALIZED', answer: next() < 0.5 ? 'YES' : 'NO' },
            ]);
        }
      }
      const staff = memberOf(collegeId, 'INSTITUTION');
      const filters = [
        {},
        { deliveryMode: 'ONLINE' },
        { careerStage: 'ENTRY' },
        { deliveryMode: 'HYBRID', careerStage: 'MID_CAREER' },
        { hoursBand: '11-20' },
        { credentialId: credentials[0]!.payload.credentialId },
      ];
      const groupings = [
        'NONE',
        'CREDENTIAL',
        'DELIVERY_MODE',
        'CAREER_STAGE',
        'HOURS_BAND',
        'ASSESSMENT_METHOD',
      ] as const;
      const tables = [
        { name: 'feedback', run: uc.insights.feedback.bind(uc.insights), counts: 6 },
        { name: 'awards', run: uc.insights.awards.bind(uc.insights), counts: 2 },
        { name: 'equityReach', run: uc.insights.equityReach.bind(uc.insights), counts: 8 },
      ];
      for (const { run, counts } of tables) {
        for (const groupBy of groupings) {
          for (const filter of filters) {
            const table = await run(staff, { organizationId: collegeId, groupBy, filter });
            for (const value of visibleCounts(table, counts)) expect(value === 0 || value >= 10).toBe(true);
            assertNothingRecoverable(table, counts);
            // Against the same query without each of its filters: no visible cell differs by 1..k-1.
            for (const key of Object.keys(filter)) {
              const wider = await run(staff, {
                organizationId: collegeId,
                groupBy,
                filter: { ...filter, [key]: null },
              });
              for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
                const other = row.key === 'total' ? wider.total : wider.rows.find((r) => r.key === row.key);
                if (!other) continue;
                for (let c = 0; c < counts; c++) {
                  if (row.suppressed[c] || other.suppressed[c]) continue;
                  const difference = other.values[c]! - row.values[c]!;
                  expect(difference === 0 || difference >= 10).toBe(true);
                }
              }
            }
          }
        }
      }
    });

    it('refuses a scope the caller may not see', async () => {
      const w = await world();
      const stranger = memberOf(randomUUID(), 'INSTITUTION');
      await expect(
        uc.insights.awards(stranger, { organizationId: w.collegeId, groupBy: 'NONE' }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.SCOPE_FORBIDDEN', category: 'FORBIDDEN' });
      await expect(
        uc.insights.awards(stranger, { organizationId: null, groupBy: 'NONE' }),
      ).rejects.toMatchObject({ code: 'EVIDENCE.SCOPE_FORBIDDEN' });
      await expect(
        uc.insights.awards(memberOf(w.collegeId, 'INSTITUTION'), {
          organizationId: w.collegeId,
          groupBy: 'NONE',
          filter: { year: 1900 },
        }),
      ).rejects.toMatchObject({
        code: 'EVIDENCE.INVALID_INSIGHTS_QUERY',
      });
      const operator = memberOf(randomUUID(), 'OPERATOR');
      const all = await uc.insights.credentials(operator, {
        organizationId: null,
        groupBy: 'NONE',
        filter: { issuerId: w.collegeId },
      });
      expect(all.rows[0]!.values[0]).toBe(1);
      // An employer sees the credentials it partnered on.
      const partner = await uc.insights.credentials(memberOf(w.employerId, 'EMPLOYER', 'MEMBER'), {
        organizationId: w.employerId,
        groupBy: 'CREDENTIAL',
      });
      expect(partner.rows.map((r) => r.key)).toEqual([w.credentialId]);
      const stages = await uc.insights.stageTimes(operator, {
        organizationId: null,
        groupBy: 'NONE',
        filter: { credentialId: w.credentialId },
      });
      expect(stages.rows.find((r) => r.key === 'DRAFT')!.values[1]).toBeCloseTo(3);
    });
  });

  it('keeps the insights rollups equal to a recount from the responses: issue, answer, edit, revoke, delete, delete everything', async () => {
    const w = await world();
    const lastYear = `${new Date().getUTCFullYear() - 1}-06-01T12:00:00.000Z`;
    const a = await Promise.all([award(w), award(w), award(w), award(w, learner(), lastYear), award(w)]);
    for (const [i, x] of a.entries())
      await uc.feedback.submit(x.person, x.awardId, {
        answers: answers({ relevance: 1 + i }, [
          { key: 'changes', choices: i % 2 ? ['promotion', 'raise'] : ['new_job'] },
        ]),
      });
    await uc.feedback.submit(a[0]!.person, a[0]!.awardId, {
      answers: answers({ relevance: 5 }),
      expectedRevision: 1,
    });
    await uc.handlers.apply(
      event('credentials.award.revoked', {
        awardId: a[1]!.awardId,
        credentialId: w.credentialId,
        issuerId: w.collegeId,
        reason: 'test',
        publicUrl: 'https://lattice.example/credentials/x',
      }),
    );
    await uc.handlers.apply(
      event('credentials.award.revoked', {
        awardId: a[1]!.awardId,
        credentialId: w.credentialId,
        issuerId: w.collegeId,
        reason: 'again',
        publicUrl: 'https://lattice.example/credentials/x',
      }),
    );
    await uc.feedback.delete(a[2]!.person, a[2]!.awardId);
    await uc.myData.delete(a[4]!.person);

    const rollup = await dataSource.query(
      `SELECT "year", "kind", "key", "n", "total" FROM "evidence"."feedback_counts" WHERE "credential_id" = $1 AND "year" <> 0 ORDER BY 1, 2, 3`,
      [w.credentialId],
    );
    const recount = await dataSource.query(
      `WITH r AS (SELECT f."award_id", extract(year FROM a."issued_at" AT TIME ZONE 'UTC')::int AS "year", f."changes" FROM "evidence"."feedback_responses" f
                    JOIN "evidence"."awards" a ON a."id" = f."award_id" AND a."revoked_at" IS NULL WHERE f."credential_id" = $1)
       SELECT * FROM (SELECT "year", 'R' AS "kind", '' AS "key", count(*)::int AS "n", 0 AS "total" FROM r GROUP BY 1
         UNION ALL SELECT "year", 'C', ch, count(*)::int, 0 FROM r CROSS JOIN LATERAL unnest(r."changes") ch GROUP BY 1, 3
         UNION ALL SELECT r."year", 'S', s."question_key", count(*)::int, sum(s."score")::int FROM r JOIN "evidence"."feedback_scores" s ON s."award_id" = r."award_id" GROUP BY 1, 3) x ORDER BY 1, 2, 3`,
      [w.credentialId],
    );
    expect(rollup).toEqual(recount);
    // Two answers stay: the edited one this year (relevance 5) and last year's (relevance 4).
    expect(rollup.filter((r: { kind: string }) => r.kind === 'R').map((r: { n: number }) => r.n)).toEqual([
      1, 1,
    ]);
    expect(
      rollup.find(
        (r: { kind: string; key: string; year: number }) =>
          r.kind === 'S' && r.key === 'relevance' && r.year === new Date().getUTCFullYear(),
      ),
    ).toMatchObject({ n: 1, total: 5 });
    expect(
      await dataSource.query(
        `SELECT "year", "issued", "revoked" FROM "evidence"."award_counts" WHERE "credential_id" = $1 AND "year" <> 0 ORDER BY 1`,
        [w.credentialId],
      ),
    ).toEqual([
      { year: new Date().getUTCFullYear() - 1, issued: 1, revoked: 0 },
      { year: new Date().getUTCFullYear(), issued: 4, revoked: 1 },
    ]);
  });

  it('keeps every rollup equal to a rebuild from scratch, and every insights answer equal to the direct queries, after random writes', async () => {
    let seed = 20261205;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const thisYear = new Date().getUTCFullYear();
    // Two institutions (one in an umbrella), two employers, four credentials that differ in every grouping.
    const umbrella = organizationCreated('UMBRELLA');
    const colleges = [
      organizationCreated('INSTITUTION', { region: 'ON-Toronto' }),
      organizationCreated('INSTITUTION', { region: 'QC-Montreal' }),
    ];
    const employers = [
      organizationCreated('EMPLOYER', { sector: '541' }),
      organizationCreated('EMPLOYER', { sector: '622' }),
    ];
    await uc.handlers.applyAll([umbrella, ...colleges, ...employers]);
    const umbrellaId = umbrella.payload.organizationId;
    const collegeIds = colleges.map((c) => c.payload.organizationId);
    const employerIds = employers.map((e) => e.payload.organizationId);
    await uc.handlers.apply(
      event('identity.umbrella.joined', { umbrellaId, organizationId: collegeIds[0]!, by: randomUUID() }),
    );
    const credentials = [0, 1, 2, 3].map((i) =>
      published(collegeIds[i % 2]!, [employerIds[Math.floor(i / 2)]!], {
        deliveryMode: ['ONLINE', 'HYBRID', 'IN_PERSON', 'ONLINE'][i]!,
        careerStage: ['ENTRY', 'MID_CAREER'][i % 2]!,
        hours: [8, 15, 30, 100][i]!,
        assessmentMethods: [
          ['PORTFOLIO'],
          ['PORTFOLIO', 'EXAM_QUIZ'],
          ['SIMULATION_CASE_STUDY'],
          ['EXAM_QUIZ'],
        ][i]!,
      }),
    );
    await uc.handlers.applyAll(credentials);
    const people = Array.from({ length: 36 }, () => learner());
    const awards: Array<{
      person: ReturnType<typeof learner>;
      awardId: string;
      credential: (typeof credentials)[number];
      revoked: boolean;
    }> = [];
    const issue = async () => {
      const credential = pick(credentials);
      const person = pick(people);
      const when =
        next() < 0.3 ? `${thisYear - 1}-03-0${1 + Math.floor(next() * 9)}T10:00:00.000Z` : undefined;
      const made = await award(
        { collegeId: credential.payload.issuerId, credentialId: credential.payload.credentialId },
        person,
        when,
      );
      awards.push({ ...made, credential, revoked: false });
    };
    for (let i = 0; i < 90; i++) await issue();
    const ops: Array<[number, () => Promise<unknown>]> = [
      [3, issue],
      [
        1,
        async () => {
          const a = pick(awards);
          a.revoked = true;
          await uc.handlers.apply(
            event('credentials.award.revoked', {
              awardId: a.awardId,
              credentialId: a.credential.payload.credentialId,
              issuerId: a.credential.payload.issuerId,
              reason: 'test',
              publicUrl: 'https://lattice.example/c',
            }),
          );
        },
      ],
      [
        4,
        async () => {
          const a = pick(awards.filter((x) => !x.revoked));
          await uc.feedback.submit(a.person, a.awardId, {
            answers: answers(
              { relevance: 1 + Math.floor(next() * 5), recommend: 1 + Math.floor(next() * 5) },
              [
                {
                  key: 'changes',
                  choices:
                    next() < 0.5 ? ['promotion', 'raise'] : [pick(['new_job', 'new_duties', 'none_yet'])],
                },
              ],
            ),
          });
        },
      ],
      [
        1,
        async () => {
          const a = pick(awards);
          await uc.feedback.delete(a.person, a.awardId);
        },
      ],
      [
        2,
        async () => {
          const credential = pick(credentials);
          const cohortSize = 10 + Math.floor(next() * 20);
          await uc.outcomes.execute(memberOf(credential.payload.partnerIds[0]!, 'EMPLOYER'), {
            organizationId: credential.payload.partnerIds[0]!,
            credentialId: credential.payload.credentialId,
            cohortSize,
            hired: Math.floor(next() * cohortSize),
            promoted: Math.floor(next() * cohortSize),
            retained: Math.floor(next() * cohortSize),
            assessmentReflectedJobPerformance: next() < 0.6,
            ratings: [{ competency: 'skill-a', rating: 1 + Math.floor(next() * 5) }],
          });
        },
      ],
      [
        3,
        async () => {
          await uc.selfIdentification.save(pick(people), [
            { group: 'RACIALIZED', answer: pick(['YES', 'NO', 'PREFER_NOT_TO_SAY']) },
            { group: 'WOMEN_AND_GENDER_DIVERSE', answer: pick(['YES', 'NO']) },
            ...(next() < 0.3 ? [{ group: 'NEWCOMER', answer: 'YES' }] : []),
          ]);
        },
      ],
      [1, () => uc.selfIdentification.delete(pick(people))],
      [1, async () => void (next() < 0.3 ? await uc.myData.delete(pick(people)) : undefined)],
      [
        1,
        () =>
          uc.handlers.apply(
            event(
              'credentials.endorsement.added',
              (() => {
                const credential = pick(credentials);
                return {
                  endorsementId: randomUUID(),
                  credentialId: credential.payload.credentialId,
                  credentialTitle: credential.payload.title,
                  issuerId: credential.payload.issuerId,
                  organizationId: pick(employerIds),
                  inDemand: true,
                  assessmentReflectsJobPerformance: true,
                };
              })(),
            ),
          ),
      ],
    ];
    const weight = ops.reduce((s, [w]) => s + w, 0);
    for (let step = 0; step < 220; step++) {
      let r = next() * weight;
      const op = ops.find(([w]) => (r -= w) < 0)![1];
      await op();
    }

    // The rollups as the writes left them equal a rebuild from the base tables (rows of zeros aside).
    const dump = async () => ({
      awards: await dataSource.query(`SELECT * FROM "evidence"."award_counts" ORDER BY 1, 2`),
      feedback: await dataSource.query(`SELECT * FROM "evidence"."feedback_counts" ORDER BY 1, 2, 3, 4`),
      outcomes: await dataSource.query(`SELECT * FROM "evidence"."outcome_counts" ORDER BY 1, 2`),
      keys: await dataSource.query(`SELECT * FROM "evidence"."credential_group_keys" ORDER BY 1, 2, 3, 4`),
      equity: await dataSource.query(
        `SELECT * FROM "evidence"."equity_counts" WHERE "holders" <> 0 OR "self_identified" <> 0 ORDER BY 1, 2, 3, 4`,
      ),
    });
    const kept = await dump();
    expect(kept.equity.length).toBeGreaterThan(0);
    expect(kept.equity.every((r: { holders: number }) => r.holders >= 0)).toBe(true);
    await uc.rollups.rebuild();
    expect(await dump()).toEqual(kept);

    // Every learner table, for each scope, grouping and filter, equals the direct (reference) answer, suppression included.
    const operator = memberOf(randomUUID(), 'OPERATOR');
    const scopes = [
      { principal: operator, organizationId: null },
      { principal: memberOf(collegeIds[0]!, 'INSTITUTION'), organizationId: collegeIds[0]! },
      { principal: memberOf(umbrellaId, 'UMBRELLA'), organizationId: umbrellaId },
      { principal: memberOf(employerIds[0]!, 'EMPLOYER'), organizationId: employerIds[0]! },
    ];
    const filters = [
      {},
      { year: thisYear },
      { deliveryMode: 'ONLINE' },
      { year: thisYear - 1, careerStage: 'ENTRY' },
    ];
    const groupings = [
      'NONE',
      'CREDENTIAL',
      'INSTITUTION',
      'REGION',
      'SECTOR',
      'DELIVERY_MODE',
      'HOURS_BAND',
      'ASSESSMENT_METHOD',
    ] as const;
    let fromRollup = 0;
    for (const { principal, organizationId } of scopes) {
      for (const groupBy of groupings) {
        for (const filter of filters) {
          const request = { organizationId, groupBy, filter };
          for (const table of ['awards', 'feedback', 'outcomes', 'equityReach'] as const) {
            const answer = await uc.insights[table](principal, request);
            expect(answer).toEqual(await uc.referenceInsights[table](principal, request));
            for (const row of [...answer.rows, ...(answer.total ? [answer.total] : [])])
              row.values.forEach((v, c) => {
                if (!row.suppressed[c] && c < 2 && v !== null && table !== 'outcomes')
                  expect(v === 0 || v >= 10).toBe(true);
              });
          }
          const scope = await uc.insights.scope(principal, organizationId);
          if (await new InsightsQueries(dataSource).equityFromRollup(scope, filter, groupBy)) fromRollup++;
        }
      }
    }
    // Most of those equity answers came from the rollup (filters cutting across a group fall back to the awards).
    expect(fromRollup).toBeGreaterThan(40);
    // 220 writes and 128 compared answers: about 10 s on a quiet machine, over a minute at load ~36.
  }, 300_000);

  it('records ties and framework survey answers; operators see each element’s importance', async () => {
    const w = await world();
    const endorser = organizationCreated('UMBRELLA');
    await uc.handlers.applyAll([
      endorser,
      event('credentials.endorsement.added', {
        endorsementId: randomUUID(),
        credentialId: w.credentialId,
        credentialTitle: 'x',
        issuerId: w.collegeId,
        organizationId: endorser.payload.organizationId,
        inDemand: true,
        assessmentReflectsJobPerformance: true,
      }),
    ]);
    expect(await uc.repository.tiesOf(w.credentialId, endorser.payload.organizationId)).toEqual(['ENDORSER']);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "evidence"."outbox" WHERE "type" = 'evidence.framework_survey.requested' AND "payload"->>'credentialId' = $1`,
      [w.credentialId],
    );
    expect(n).toBe(1);
    await expect(
      uc.frameworkSurvey.answer(memberOf(w.employerId, 'EMPLOYER'), w.credentialId, []),
    ).rejects.toMatchObject({ code: 'EVIDENCE.NOT_THE_ISSUER' });
    await uc.frameworkSurvey.answer(memberOf(w.collegeId, 'INSTITUTION'), w.credentialId, [
      { key: 'most_important', choices: ['assessment', 'competencies'] },
      { key: 'least_important', choices: ['stackability'] },
      { key: 'useful_blueprint', value: 5 },
    ]);
    // Compliance reviews from credentials, each counted once (the same event twice counts once).
    const frameworkId = w.credential.payload.frameworkId;
    const review = (failed: string[]) =>
      event('credentials.design.compliance_reviewed', {
        designId: randomUUID(),
        issuerId: w.collegeId,
        frameworkId,
        version: 2,
        elements: ['competencies', 'assessment', 'duration'].map((element) => ({
          element,
          failed: failed.includes(element),
        })),
      });
    const before = await uc.frameworkSurvey.elements(memberOf(randomUUID(), 'OPERATOR'));
    const first = review(['assessment']);
    await uc.handlers.applyAll([first, first, review(['assessment', 'duration']), review([])]);
    await uc.handlers.apply(first);
    const elements = await uc.frameworkSurvey.elements(memberOf(randomUUID(), 'OPERATOR'));
    expect(elements.find((e) => e.element === 'assessment')!.mostImportant).toBeGreaterThanOrEqual(1);
    const grew = (element: string) => {
      const [was, is] = [before, elements].map((list) => list.find((e) => e.element === element)!);
      return { reviews: is.reviews - was.reviews, failures: is.failures - was.failures };
    };
    expect(grew('assessment')).toEqual({ reviews: 3, failures: 2 });
    expect(grew('duration')).toEqual({ reviews: 3, failures: 1 });
    expect(grew('competencies')).toEqual({ reviews: 3, failures: 0 });
    expect(grew('stackability')).toEqual({ reviews: 0, failures: 0 });
    const assessment = elements.find((e) => e.element === 'assessment')!;
    expect(assessment.failureShare).toBeCloseTo(assessment.failures / assessment.reviews);
    await expect(uc.frameworkSurvey.elements(memberOf(w.collegeId, 'INSTITUTION'))).rejects.toMatchObject({
      category: 'FORBIDDEN',
    });
  });
});

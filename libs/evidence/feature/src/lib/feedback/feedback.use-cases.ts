// Learner feedback on one award: the survey to answer (its latest version), one response per
// award (a second submit updates it, editable for 30 days), deletion at any time, reminders turned
// off. Only the award's learner — by a proven address — may read or answer it.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Authorizer, type Principal } from '@lattice/shared-auth';
import { inTransaction } from '@lattice/shared-data-access';
import {
  type AwardRow,
  EVIDENCE_SCHEMA,
  EvidenceRepository,
  type FeedbackRequestRow,
  type FeedbackResponseRow,
  type SurveyVersionRow,
} from '@lattice/evidence-data-access';
import {
  type AnswerInput,
  assertValidQuestions,
  EvidenceErrors,
  normalizeAnswers,
  type SurveyKind,
  type SurveyQuestion,
} from '@lattice/evidence-domain';
import { EDITABLE_DAYS, LearnerKeys } from '../shared/evidence.options';

const DAY_MS = 86_400_000;

export interface FeedbackView {
  readonly award: AwardRow & { title: string };
  readonly survey: SurveyVersionRow;
  readonly response: FeedbackResponseRow | null;
  readonly request: FeedbackRequestRow | null;
  readonly editableUntil: Date | null;
}

export interface SubmitFeedbackInput {
  readonly answers: readonly AnswerInput[];
  /** The survey version answered (the latest when absent). */
  readonly surveyVersion?: number | null;
  /** The response's revision the learner edited; a different current revision is a CONFLICT. */
  readonly expectedRevision?: number | null;
}

@Injectable()
export class LearnerFeedbackUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    @Inject(LearnerKeys) private readonly keys: LearnerKeys,
  ) {}

  /** The award if it is the caller's: NOT_FOUND when unknown, FORBIDDEN when someone else's. */
  async ownAward(principal: Principal, awardId: string, manager?: EntityManager): Promise<AwardRow> {
    const lookup = this.keys.learnerOf(principal);
    const award = manager
      ? await this.repository.lockAward(manager, awardId)
      : await this.repository.award(awardId);
    if (!award) throw EvidenceErrors.of('AWARD_NOT_FOUND', 'No such award.', { awardId });
    if (award.learner_lookup !== lookup)
      throw EvidenceErrors.of(
        'NOT_YOUR_AWARD',
        'Only the learner an award was issued to can answer for it.',
        { awardId },
      );
    return award;
  }

  async view(principal: Principal, awardId: string): Promise<FeedbackView> {
    const award = await this.ownAward(principal, awardId);
    const [response, request, credential] = await Promise.all([
      this.repository.feedbackResponse(awardId),
      this.repository.feedbackRequest(awardId),
      this.repository.credential(award.credential_id),
    ]);
    const survey = response
      ? ((await this.repository.survey('LEARNER', response.survey_version)) ??
        (await this.repository.latestSurvey('LEARNER')))
      : await this.repository.latestSurvey('LEARNER');
    return {
      award: { ...award, title: credential?.title ?? request?.credential_title ?? '' },
      survey,
      response,
      request,
      editableUntil: response ? new Date(response.submitted_at.getTime() + EDITABLE_DAYS * DAY_MS) : null,
    };
  }

  async submit(
    principal: Principal,
    awardId: string,
    input: SubmitFeedbackInput,
    now = new Date(),
  ): Promise<FeedbackView> {
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      const award = await this.ownAward(principal, awardId, manager);
      if (award.revoked_at)
        throw EvidenceErrors.of('AWARD_REVOKED', 'This award was revoked: it takes no feedback.', {
          awardId,
        });
      const existing = await this.repository.feedbackResponse(awardId, manager);
      if (existing) {
        if (now.getTime() > existing.submitted_at.getTime() + EDITABLE_DAYS * DAY_MS) {
          throw EvidenceErrors.of(
            'EDIT_WINDOW_CLOSED',
            `A response can be changed for ${EDITABLE_DAYS} days; you can still delete it.`,
            { awardId },
          );
        }
        if (input.expectedRevision != null && input.expectedRevision !== existing.revision) {
          throw EvidenceErrors.of(
            'STALE_VERSION',
            'Your response changed since you opened it; reload and try again.',
            { expected: input.expectedRevision, actual: existing.revision },
          );
        }
      }
      const survey =
        input.surveyVersion != null
          ? await this.repository.survey('LEARNER', input.surveyVersion, manager)
          : await this.repository.latestSurvey('LEARNER', manager);
      if (!survey)
        throw EvidenceErrors.of('SURVEY_NOT_FOUND', `No learner survey version ${input.surveyVersion}.`, {
          version: input.surveyVersion,
        });
      const answers = normalizeAnswers(survey.questions, input.answers);
      await this.repository.saveFeedback(
        manager,
        {
          awardId,
          credentialId: award.credential_id,
          version: survey.version,
          answers,
          comment: answers.text['comment'] ?? null,
          now,
        },
        existing !== null,
      );
    });
    return this.view(principal, awardId);
  }

  async delete(principal: Principal, awardId: string): Promise<boolean> {
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      await this.ownAward(principal, awardId, manager);
      const deleted = await this.repository.deleteFeedback(manager, awardId);
      if (deleted) await this.repository.turnOffReminders(manager, awardId);
      return deleted;
    });
  }

  async turnOffReminder(principal: Principal, awardId: string): Promise<FeedbackView> {
    await inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      await this.ownAward(principal, awardId, manager);
      await this.repository.turnOffReminders(manager, awardId);
    });
    return this.view(principal, awardId);
  }

  /** The caller's awards with their feedback state, newest first. */
  async requests(principal: Principal): Promise<
    Array<{
      award: AwardRow & { title: string | null };
      request: FeedbackRequestRow | null;
      answered: boolean;
    }>
  > {
    const lookup = this.keys.learnerOf(principal);
    const [awards, requests, responses] = await Promise.all([
      this.repository.awardsOfLearner(lookup),
      this.repository.feedbackRequestsOfLearner(lookup),
      this.repository.feedbackOfLearner(lookup),
    ]);
    const requestOf = new Map(requests.map((r) => [r.award_id, r]));
    const answered = new Set(responses.map((r) => r.award_id));
    return awards.map((award) => ({
      award,
      request: requestOf.get(award.id) ?? null,
      answered: answered.has(award.id),
    }));
  }
}

@Injectable()
export class SurveyUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvidenceRepository,
    private readonly authorizer: Authorizer,
  ) {}

  latest(kind: SurveyKind): Promise<SurveyVersionRow> {
    return this.repository.latestSurvey(kind);
  }

  /** Operators publish a new version of a survey without a deploy; `expectedVersion` is the latest they saw. */
  async publish(
    principal: Principal,
    kind: SurveyKind,
    questions: readonly SurveyQuestion[],
    expectedVersion: number,
  ): Promise<SurveyVersionRow> {
    await this.authorizer.requireOperator(principal);
    assertValidQuestions(questions);
    return inTransaction(this.dataSource, EVIDENCE_SCHEMA, async ({ manager }) => {
      const published = await this.repository.publishSurvey(
        manager,
        kind,
        questions,
        principal.userId,
        expectedVersion,
      );
      if (!published)
        throw EvidenceErrors.of(
          'STALE_VERSION',
          'A newer version of this survey was published meanwhile; start from it.',
          { kind, expectedVersion },
        );
      return published;
    });
  }
}

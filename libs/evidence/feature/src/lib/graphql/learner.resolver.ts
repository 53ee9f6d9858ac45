import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { GraphQLJSON, ParseIdPipe } from '@lattice/shared-graphql';
import type { NormalizedAnswers, SurveyKind, SurveyQuestion } from '@lattice/evidence-domain';
import { type FeedbackView, LearnerFeedbackUseCases, SurveyUseCases } from '../feedback/feedback.use-cases';
import { MyDataUseCases } from '../my-data/my-data.use-cases';
import { SelfIdentificationUseCases } from '../self-identification/self-identification.use-cases';
import { ShareUseCases } from '../shares/share.use-cases';
import { EquityAnswerInput, SubmitFeedbackInput } from './evidence.inputs';
import {
  AwardFeedback,
  AwardShare,
  type FeedbackAnswer,
  FeedbackRequest,
  MyEvidenceDeletion,
  SelfIdentification,
  SurveyKindEnum,
  SurveyVersion,
  toSurveyVersion,
} from './evidence.models';

function answersOf(answers: NormalizedAnswers, questions: readonly SurveyQuestion[]): FeedbackAnswer[] {
  return questions
    .filter(
      (q) =>
        answers.scores[q.key] !== undefined ||
        answers.choices[q.key] !== undefined ||
        answers.text[q.key] !== undefined,
    )
    .map((q) => ({
      key: q.key,
      value: answers.scores[q.key] ?? null,
      choices: answers.choices[q.key] ?? null,
      text: answers.text[q.key] ?? null,
    }));
}

export function toAwardFeedback(view: FeedbackView): AwardFeedback {
  return {
    awardId: view.award.id,
    credentialId: view.award.credential_id,
    credentialTitle: view.award.title,
    survey: toSurveyVersion(view.survey),
    response: view.response
      ? {
          surveyVersion: view.response.survey_version,
          answers: answersOf(view.response.answers, view.survey.questions),
          revision: view.response.revision,
          submittedAt: view.response.submitted_at,
          updatedAt: view.response.updated_at,
          editableUntil: view.editableUntil!,
        }
      : null,
    remindersOff: view.request?.reminders_off ?? false,
    revoked: view.award.revoked_at !== null,
  };
}

/** What a learner does with evidence: answer about an award, share it, self-identify, take or delete their data. */
@Resolver()
@UseGuards(AuthGuard)
export class LearnerEvidenceResolver {
  constructor(
    private readonly feedback: LearnerFeedbackUseCases,
    private readonly surveys: SurveyUseCases,
    private readonly shares: ShareUseCases,
    private readonly selfIdentification: SelfIdentificationUseCases,
    private readonly myData: MyDataUseCases,
  ) {}

  @Query(() => [FeedbackRequest], {
    description: 'Your awards (by your proven address) and whether you answered the survey about each.',
  })
  async myFeedbackRequests(@CurrentPrincipal() principal: Principal): Promise<FeedbackRequest[]> {
    return (await this.feedback.requests(principal)).map(({ award, request, answered }) => ({
      awardId: award.id,
      credentialId: award.credential_id,
      credentialTitle: award.title ?? request?.credential_title ?? null,
      issuedAt: award.issued_at,
      answered,
      remindersOff: request?.reminders_off ?? false,
      revoked: award.revoked_at !== null,
    }));
  }

  @Query(() => AwardFeedback, {
    description:
      'The survey about one of your awards, with your answer. Only the award’s learner may see it.',
  })
  async awardFeedback(
    @CurrentPrincipal() principal: Principal,
    @Args('awardId', { type: () => ID }, ParseIdPipe) awardId: string,
  ): Promise<AwardFeedback> {
    return toAwardFeedback(await this.feedback.view(principal, awardId));
  }

  @Mutation(() => AwardFeedback, {
    description:
      'Answer (or, within 30 days, change) the survey about one of your awards: one response per award.',
  })
  async submitFeedback(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: SubmitFeedbackInput,
  ): Promise<AwardFeedback> {
    return toAwardFeedback(await this.feedback.submit(principal, input.awardId, input));
  }

  @Mutation(() => Boolean, {
    description: 'Delete your response about an award (any time); false when there was none.',
  })
  deleteFeedback(
    @CurrentPrincipal() principal: Principal,
    @Args('awardId', { type: () => ID }, ParseIdPipe) awardId: string,
  ): Promise<boolean> {
    return this.feedback.delete(principal, awardId);
  }

  @Mutation(() => AwardFeedback, { description: 'No reminder about this award’s survey.' })
  async turnOffFeedbackReminder(
    @CurrentPrincipal() principal: Principal,
    @Args('awardId', { type: () => ID }, ParseIdPipe) awardId: string,
  ): Promise<AwardFeedback> {
    return toAwardFeedback(await this.feedback.turnOffReminder(principal, awardId));
  }

  @Query(() => SurveyVersion, { description: 'The latest version of a survey.' })
  async survey(@Args('kind', { type: () => SurveyKindEnum }) kind: SurveyKind): Promise<SurveyVersion> {
    return toSurveyVersion(await this.surveys.latest(kind));
  }

  @Mutation(() => SurveyVersion, {
    description:
      'Operators: publish a new version of a survey (questions as data, English and French), after the version you started from.',
  })
  async publishSurveyVersion(
    @CurrentPrincipal() principal: Principal,
    @Args('kind', { type: () => SurveyKindEnum }) kind: SurveyKind,
    @Args('questions', { type: () => GraphQLJSON }) questions: SurveyQuestion[],
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<SurveyVersion> {
    return toSurveyVersion(
      await this.surveys.publish(principal, kind, Array.isArray(questions) ? questions : [], expectedVersion),
    );
  }

  @Query(() => [AwardShare], { description: 'The awards you shared, and with whom.' })
  async myAwardShares(@CurrentPrincipal() principal: Principal): Promise<AwardShare[]> {
    return (await this.shares.mine(principal)).map((s) => ({
      awardId: s.award_id,
      organizationId: s.organization_id,
      organizationName: s.organization_name,
      grantedAt: s.granted_at,
    }));
  }

  @Mutation(() => [AwardShare], {
    description:
      'Share one of your awards with one organization (an employer may then name it in an outcome report). Returns your shares.',
  })
  async shareAward(
    @CurrentPrincipal() principal: Principal,
    @Args('awardId', { type: () => ID }, ParseIdPipe) awardId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<AwardShare[]> {
    await this.shares.grant(principal, awardId, organizationId);
    return this.myAwardShares(principal);
  }

  @Mutation(() => Boolean, { description: 'Take a share back; false when there was none.' })
  revokeAwardShare(
    @CurrentPrincipal() principal: Principal,
    @Args('awardId', { type: () => ID }, ParseIdPipe) awardId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<boolean> {
    return this.shares.revoke(principal, awardId, organizationId);
  }

  @Query(() => SelfIdentification, {
    nullable: true,
    description: 'Your own self-identification; nobody else can read it.',
  })
  async mySelfIdentification(@CurrentPrincipal() principal: Principal): Promise<SelfIdentification | null> {
    const mine = await this.selfIdentification.mine(principal);
    return mine
      ? {
          answers: Object.entries(mine.answers).map(([group, answer]) => ({ group, answer: answer! })),
          updatedAt: mine.updatedAt,
        }
      : null;
  }

  @Mutation(() => SelfIdentification, {
    nullable: true,
    description: 'Voluntarily self-identify (replaces what you gave before; an empty list deletes it).',
  })
  async setSelfIdentification(
    @CurrentPrincipal() principal: Principal,
    @Args('answers', { type: () => [EquityAnswerInput] }) answers: EquityAnswerInput[],
  ): Promise<SelfIdentification | null> {
    await this.selfIdentification.save(principal, answers);
    return this.mySelfIdentification(principal);
  }

  @Mutation(() => Boolean, { description: 'Delete your self-identification; false when there was none.' })
  deleteSelfIdentification(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    return this.selfIdentification.delete(principal);
  }

  @Query(() => GraphQLJSON, {
    description: 'Everything Lattice’s evidence service holds about you, as JSON.',
  })
  myEvidenceData(@CurrentPrincipal() principal: Principal): Promise<Record<string, unknown>> {
    return this.myData.export(principal);
  }

  @Mutation(() => MyEvidenceDeletion, {
    description: 'Delete your feedback, shares and self-identification in one action.',
  })
  deleteMyEvidenceData(@CurrentPrincipal() principal: Principal): Promise<MyEvidenceDeletion> {
    return this.myData.delete(principal);
  }
}

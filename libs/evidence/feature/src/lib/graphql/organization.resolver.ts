import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { ParseIdPipe } from '@lattice/shared-graphql';
import type { OutcomeReportRow, InsightsGroup } from '@lattice/evidence-data-access';
import { FrameworkSurveyUseCases } from '../framework-survey/framework-survey.use-cases';
import {
  type InsightsRequest,
  type InsightsTableView,
  InsightsUseCase,
  tableCsv,
} from '../insights/insights.use-case';
import { ReportOutcomesUseCase } from '../outcomes/report-outcomes.use-case';
import { ShareUseCases } from '../shares/share.use-cases';
import {
  FeedbackAnswerInput,
  InsightsFilterInput,
  InsightsScopeInput,
  ReportOutcomesInput,
} from './evidence.inputs';
import {
  FeedbackComments,
  FrameworkElementInsight,
  FrameworkSurveyResult,
  Insights,
  InsightsGroupByEnum,
  InsightsTable,
  OutcomeReport,
  ReportableCredential,
  SharedAward,
} from './evidence.models';

const toOutcomeReport = (r: OutcomeReportRow): OutcomeReport => ({
  id: r.id,
  credentialId: r.credential_id,
  organizationId: r.organization_id,
  cohortSize: r.cohort_size,
  hired: r.hired,
  promoted: r.promoted,
  retained: r.retained,
  assessmentReflectedJobPerformance: r.assessment_reflected,
  ratings: r.ratings,
  awardIds: r.award_ids,
  reportedAt: r.reported_at,
});

/** Employers' outcome reports and the awards learners shared with them; institutions' framework survey. */
@Resolver()
@UseGuards(AuthGuard)
export class OrganizationEvidenceResolver {
  constructor(
    private readonly outcomes: ReportOutcomesUseCase,
    private readonly shares: ShareUseCases,
    private readonly frameworkSurvey: FrameworkSurveyUseCases,
  ) {}

  @Mutation(() => OutcomeReport, {
    description:
      'Employers tied to a credential (partner, endorser, or hirer of a holder who shared it) report a cohort’s outcomes.',
  })
  async reportOutcomes(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ReportOutcomesInput,
  ): Promise<OutcomeReport> {
    return toOutcomeReport(await this.outcomes.execute(principal, input));
  }

  @Query(() => [OutcomeReport], { description: "Your organization's outcome reports." })
  async outcomeReports(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('credentialId', { type: () => ID, nullable: true }) credentialId?: string,
  ): Promise<OutcomeReport[]> {
    return (await this.outcomes.list(principal, organizationId, credentialId ?? undefined)).map(
      toOutcomeReport,
    );
  }

  @Query(() => [ReportableCredential], {
    description:
      'Credentials your organization may report outcomes for: those it partnered on, endorsed, or had a holder share.',
  })
  async outcomeReportCredentials(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<ReportableCredential[]> {
    return (await this.outcomes.reportable(principal, organizationId)).map((c) => ({
      credentialId: c.id,
      title: c.title,
      competencies: c.competencies,
      ties: c.ties,
    }));
  }

  @Query(() => [SharedAward], {
    description: 'Awards learners shared with your organization (no names, no addresses).',
  })
  async awardsSharedWith(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<SharedAward[]> {
    return (await this.shares.sharedWith(principal, organizationId)).map((s) => ({
      awardId: s.award_id,
      credentialId: s.credential_id,
      credentialTitle: s.title,
      issuedAt: s.issued_at,
      grantedAt: s.granted_at,
    }));
  }

  @Mutation(() => FrameworkSurveyResult, {
    description:
      "The issuer's admins answer the framework survey about a credential they published (again to change it).",
  })
  answerFrameworkSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
    @Args('answers', { type: () => [FeedbackAnswerInput] }) answers: FeedbackAnswerInput[],
  ): Promise<FrameworkSurveyResult> {
    return this.frameworkSurvey.answer(principal, credentialId, answers);
  }

  @Query(() => [FrameworkElementInsight], {
    description: "Operators: each framework element's importance to the institutions that used it.",
  })
  frameworkElementInsights(@CurrentPrincipal() principal: Principal): Promise<FrameworkElementInsight[]> {
    return this.frameworkSurvey.elements(principal);
  }
}

type InsightsParent = Insights & { request: InsightsRequest };

const toTable = (view: InsightsTableView): InsightsTable => ({
  ...view,
  rows: [...view.rows] as InsightsTable['rows'],
  columns: [...view.columns],
  total: view.total as InsightsTable['total'],
  csv: tableCsv(view),
});

/** insights(scope, filter, groupBy): each table is computed when asked for, every learner figure suppressed below k. */
@Resolver(() => Insights)
@UseGuards(AuthGuard)
export class InsightsResolver {
  constructor(private readonly useCase: InsightsUseCase) {}

  @Query(() => Insights, {
    description:
      'Operators: everything (no organizationId); umbrellas: their members; institutions and employers: their own.',
  })
  async insights(
    @CurrentPrincipal() principal: Principal,
    @Args('scope', { type: () => InsightsScopeInput, nullable: true }) scope: InsightsScopeInput | null,
    @Args('filter', { type: () => InsightsFilterInput, nullable: true }) filter: InsightsFilterInput | null,
    @Args('groupBy', { type: () => InsightsGroupByEnum, defaultValue: 'NONE' }) groupBy: InsightsGroup,
  ): Promise<InsightsParent> {
    const organizationId = scope?.organizationId ?? null;
    await this.useCase.scope(principal, organizationId);
    return {
      k: this.useCase.k,
      organizationId,
      groupBy,
      request: { organizationId, filter: filter ?? {}, groupBy },
    };
  }

  @ResolveField(() => InsightsTable, {
    description: 'Credentials: how many, credit-bearing, transcriptable and endorsed shares, mean hours.',
  })
  async credentials(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.credentials(p, parent.request));
  }
  @ResolveField(() => InsightsTable, { description: 'How many credentials use each assessment method.' })
  async assessmentMix(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.assessmentMix(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description: 'Days in each co-development stage before publication: median and 90th percentile.',
  })
  async stageTimes(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.stageTimes(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description:
      'Accepted partnerships and the share won by small institutions (by region when grouped by REGION).',
  })
  async partnerships(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.partnerships(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description: 'Awards issued and revoked (learners: suppressed below k).',
  })
  async awards(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.awards(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description:
      'Learner feedback: respondents, what changed for them, mean scores 1–5 (suppressed below k).',
  })
  async feedback(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.feedback(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description:
      'Employer outcomes: holders, hired, promoted, retained, on-the-job performance, assessment reflected — group by ASSESSMENT_METHOD to compare methods.',
  })
  async outcomes(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.outcomes(p, parent.request));
  }
  @ResolveField(() => InsightsTable, {
    description:
      'Reach of equity-seeking groups: holders, how many self-identified, and in each group (suppressed below k).',
  })
  async equityReach(@CurrentPrincipal() p: Principal, @Parent() parent: InsightsParent) {
    return toTable(await this.useCase.equityReach(p, parent.request));
  }
  @ResolveField(() => FeedbackComments, {
    description:
      'Free-text comments on one credential, once at least k learners answered; never with identity.',
  })
  comments(
    @CurrentPrincipal() p: Principal,
    @Parent() parent: InsightsParent,
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
  ) {
    return this.useCase.comments(p, parent.request.organizationId, credentialId);
  }
}

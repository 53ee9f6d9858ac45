import { UseGuards } from '@nestjs/common';
import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import {
  DesignStageEnum,
  type GraphQLRequestContext,
  pageRequest,
  ParseIdPipe,
  toConnection,
} from '@lattice/shared-graphql';
import { CredentialDesignRepository } from '@lattice/credentials-data-access';
import {
  approvalState,
  CredentialsErrors,
  type DesignPatch,
  timeInStages,
  visitDurationMs,
  waitingOn,
} from '@lattice/credentials-domain';
import { AddDesignPartnerUseCase } from '../add-design-partner/add-design-partner.use-case';
import { ApproveDesignUseCase } from '../approve-design/approve-design.use-case';
import { CheckDesignComplianceUseCase } from '../check-design-compliance/check-design-compliance.use-case';
import { CommentOnDesignUseCase } from '../comment-on-design/comment-on-design.use-case';
import { CreateCredentialDesignUseCase } from '../create-credential-design/create-credential-design.use-case';
import { DiffDesignVersionsUseCase } from '../diff-design-versions/diff-design-versions.use-case';
import { ListCredentialDesignsUseCase } from '../list-credential-designs/list-credential-designs.use-case';
import { PublishCredentialUseCase } from '../publish-credential/publish-credential.use-case';
import { RequestDesignChangesUseCase } from '../request-design-changes/request-design-changes.use-case';
import { ResolveDesignCommentUseCase } from '../resolve-design-comment/resolve-design-comment.use-case';
import { RetireCredentialDesignUseCase } from '../retire-credential-design/retire-credential-design.use-case';
import { SubmitDesignForReviewUseCase } from '../submit-design-for-review/submit-design-for-review.use-case';
import { SummarizeDesignStagesUseCase } from '../summarize-design-stages/summarize-design-stages.use-case';
import { UpdateCredentialDesignUseCase } from '../update-credential-design/update-credential-design.use-case';
import { DesignParties } from '../shared/design-parties';
import { OptionalIdPipe } from '../shared/optional-id.pipe';
import { credentialsLoaders } from './credentials.loaders';
import { CreateCredentialDesignInput, UpdateCredentialDesignInput } from './co-development.inputs';
import {
  ApprovalModel,
  ComplianceReportModel,
  CredentialDesignConnectionModel,
  CredentialDesignModel,
  CredentialModel,
  DesignCommentModel,
  DesignFieldChangeModel,
  DesignStageSummaryModel,
  DesignStageTimeModel,
  DesignStageVisitModel,
  DesignVersionModel,
  FrameworkModel,
  OrganizationRef,
  organizationRef,
  RuleStatusEnum,
  toCommentThreads,
  toCredentialModel,
  toDesignModel,
  toFrameworkModel,
  userRef,
} from './co-development.models';
import { type DesignStage } from '@lattice/shared-contracts';

@Resolver(() => CredentialDesignModel)
@UseGuards(AuthGuard)
export class CredentialDesignResolver {
  constructor(
    private readonly repository: CredentialDesignRepository,
    private readonly parties: DesignParties,
    private readonly createUseCase: CreateCredentialDesignUseCase,
    private readonly updateUseCase: UpdateCredentialDesignUseCase,
    private readonly addPartnerUseCase: AddDesignPartnerUseCase,
    private readonly commentUseCase: CommentOnDesignUseCase,
    private readonly resolveCommentUseCase: ResolveDesignCommentUseCase,
    private readonly submitUseCase: SubmitDesignForReviewUseCase,
    private readonly requestChangesUseCase: RequestDesignChangesUseCase,
    private readonly approveUseCase: ApproveDesignUseCase,
    private readonly publishUseCase: PublishCredentialUseCase,
    private readonly retireUseCase: RetireCredentialDesignUseCase,
    private readonly complianceUseCase: CheckDesignComplianceUseCase,
    private readonly diffUseCase: DiffDesignVersionsUseCase,
    private readonly listUseCase: ListCredentialDesignsUseCase,
    private readonly summarizeUseCase: SummarizeDesignStagesUseCase,
  ) {}

  @Query(() => CredentialDesignModel, {
    nullable: true,
    description: "Visible to the members of the design's organizations.",
  })
  async credentialDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialDesignModel | null> {
    const design = await credentialsLoaders(context.loaders, this.repository).design.load(id);
    if (!design) return null;
    await this.parties.requireParty(principal, design);
    return toDesignModel(design);
  }

  @Query(() => CredentialDesignConnectionModel, {
    description: 'Designs an organization takes part in (as issuer or partner), newest first.',
  })
  async credentialDesigns(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('stage', { type: () => DesignStageEnum, nullable: true }) stage: DesignStageEnum | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CredentialDesignConnectionModel> {
    const page = pageRequest(first, after);
    const { rows, total } = await this.listUseCase.execute(
      principal,
      organizationId,
      (stage as DesignStage | null) ?? null,
      page,
    );
    return toConnection(
      rows,
      page,
      (d) => [d.createdAt.toISOString(), d.id],
      (d) => toDesignModel(d),
      total,
    );
  }

  @Query(() => [DesignStageSummaryModel], {
    description: "Where the organization's designs wait, for how long, and on whom.",
  })
  async designStageSummary(
    @CurrentPrincipal() principal: Principal,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<DesignStageSummaryModel[]> {
    const summary = await this.summarizeUseCase.execute(principal, organizationId);
    return summary.map((s) => ({
      stage: s.stage as DesignStageEnum,
      current: s.current,
      visited: s.visited,
      averageMs: s.averageMs,
      waitingOn: s.waitingOn.map((w) => ({
        organization: organizationRef(w.organizationId),
        designs: w.designs,
      })),
    }));
  }

  @Query(() => [DesignFieldChangeModel], {
    description: 'What changed between two versions, field by field.',
  })
  async designVersionDiff(
    @CurrentPrincipal() principal: Principal,
    @Args('designId', { type: () => ID }, ParseIdPipe) designId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<DesignFieldChangeModel[]> {
    const changes = await this.diffUseCase.execute(principal, designId, from, to);
    return changes.map((c) => ({ field: c.field, before: c.before ?? null, after: c.after ?? null }));
  }

  @Mutation(() => CredentialDesignModel, {
    description: "An institution's admin starts a design; it begins as DRAFT, version 1.",
  })
  async createCredentialDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateCredentialDesignInput,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.createUseCase.execute(principal, input));
  }

  @Mutation(() => CredentialDesignModel, {
    description:
      'Saves a new version; a stale expectedVersion fails with CONFLICT. Withdraws earlier approvals.',
  })
  async updateCredentialDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateCredentialDesignInput,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.updateUseCase.execute(principal, id, expectedVersion, toPatch(input)));
  }

  @Mutation(() => CredentialDesignModel, {
    description: 'The issuer adds a partner organization, who must then approve too (a new version).',
  })
  async addDesignPartner(
    @CurrentPrincipal() principal: Principal,
    @Args('designId', { type: () => ID }, ParseIdPipe) designId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.addPartnerUseCase.execute(principal, designId, organizationId));
  }

  @Mutation(() => DesignCommentModel, {
    description: 'A comment, anchored to a field (e.g. assessment.masteryThreshold) or replying to another.',
  })
  async commentOnDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('designId', { type: () => ID }, ParseIdPipe) designId: string,
    @Args('body') body: string,
    @Args('field', { type: () => String, nullable: true }) field: string | null,
    @Args('replyTo', { type: () => ID, nullable: true }, OptionalIdPipe) replyTo: string | null,
  ): Promise<DesignCommentModel> {
    const comment = await this.commentUseCase.execute(principal, { designId, body, field, replyTo });
    return toCommentThreads([{ ...comment, parentId: null }])[0]!;
  }

  @Mutation(() => DesignCommentModel, { description: "Resolves (or reopens) a comment's thread." })
  async resolveDesignComment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('resolved', { type: () => Boolean, defaultValue: true }) resolved: boolean,
  ): Promise<DesignCommentModel> {
    const comment = await this.resolveCommentUseCase.execute(principal, id, resolved);
    return toCommentThreads([comment])[0]!;
  }

  @Mutation(() => CredentialDesignModel, {
    description: 'Sends the design to every party for review; the due date defaults to two weeks.',
  })
  async submitDesignForReview(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('reviewDueAt', { type: () => GraphQLISODateTime, nullable: true }) reviewDueAt: Date | null,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.submitUseCase.execute(principal, id, reviewDueAt));
  }

  @Mutation(() => CredentialDesignModel, {
    description: 'A party sends the design back to the issuer, saying what to change.',
  })
  async requestDesignChanges(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('comment') comment: string,
    @Args(
      'organizationId',
      {
        type: () => ID,
        nullable: true,
        description: 'The party asking; by default your partner organization.',
      },
      OptionalIdPipe,
    )
    organizationId: string | null,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.requestChangesUseCase.execute(principal, id, comment, organizationId));
  }

  @Mutation(() => CredentialDesignModel, {
    description:
      'Signs off the current version for an organization you administer; every party must approve the same version.',
  })
  async approveDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.approveUseCase.execute(principal, id, organizationId));
  }

  @Mutation(() => CredentialModel, {
    description: 'Publishes an approved, compliant design as a Credential.',
  })
  async publishCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('designId', { type: () => ID }, ParseIdPipe) designId: string,
  ): Promise<CredentialModel> {
    return toCredentialModel(await this.publishUseCase.execute(principal, designId));
  }

  @Mutation(() => CredentialDesignModel, { description: 'Retires a published credential.' })
  async retireCredentialDesign(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<CredentialDesignModel> {
    return toDesignModel(await this.retireUseCase.execute(principal, id));
  }

  @ResolveField(() => FrameworkModel, { description: 'The framework version the design is built against.' })
  async framework(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<FrameworkModel> {
    const framework = await credentialsLoaders(context.loaders, this.repository).framework.load(
      design.frameworkId,
    );
    if (!framework)
      throw CredentialsErrors.of(
        'UNKNOWN_FRAMEWORK',
        'The design refers to a framework that no longer exists.',
      );
    return toFrameworkModel(framework);
  }

  @ResolveField(() => FrameworkModel, {
    nullable: true,
    description: 'The framework version it was last checked against (at submission or publication).',
  })
  async checkedFramework(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<FrameworkModel | null> {
    if (!design.checkedFrameworkId) return null;
    const framework = await credentialsLoaders(context.loaders, this.repository).framework.load(
      design.checkedFrameworkId,
    );
    return framework ? toFrameworkModel(framework) : null;
  }

  @ResolveField(() => [ApprovalModel], {
    description: 'Standing approvals (an edit withdraws them); only those of the current version count.',
  })
  async approvals(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<ApprovalModel[]> {
    const rows = await credentialsLoaders(context.loaders, this.repository).approvals.load(design.id);
    return rows.map((a) => ({
      organization: organizationRef(a.organizationId),
      version: a.version,
      approvedAt: a.approvedAt,
      approvedBy: userRef(a.approvedBy),
    }));
  }

  @ResolveField(() => [OrganizationRef], {
    description: 'Parties that have not yet approved the current version.',
  })
  async pendingApprovals(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationRef[]> {
    return (await this.approvalStateOf(design, context)).pending.map(organizationRef);
  }

  @ResolveField(() => [OrganizationRef], {
    description: 'Whom the design is waiting on in its current stage.',
  })
  async waitingOn(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<OrganizationRef[]> {
    return waitingOn(
      design.stage as DesignStage,
      design.issuerId,
      await this.approvalStateOf(design, context),
    ).map(organizationRef);
  }

  @ResolveField(() => [DesignCommentModel], { description: 'Comment threads, oldest first.' })
  async comments(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<DesignCommentModel[]> {
    return toCommentThreads(
      await credentialsLoaders(context.loaders, this.repository).comments.load(design.id),
    );
  }

  @ResolveField(() => [DesignVersionModel], { description: 'Every version, oldest first.' })
  async versions(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<DesignVersionModel[]> {
    const rows = await credentialsLoaders(context.loaders, this.repository).versions.load(design.id);
    return rows.map((v) => ({
      version: v.version,
      author: userRef(v.authorId),
      createdAt: v.createdAt,
      summary: v.summary,
    }));
  }

  @ResolveField(() => [DesignStageVisitModel], {
    description: 'Every stage the design has been in, with how long it stayed.',
  })
  async stageHistory(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<DesignStageVisitModel[]> {
    const now = new Date();
    const rows = await credentialsLoaders(context.loaders, this.repository).stageVisits.load(design.id);
    return rows.map((v) => ({
      stage: v.stage as DesignStageEnum,
      version: v.version,
      enteredAt: v.enteredAt,
      leftAt: v.leftAt,
      durationMs: visitDurationMs(v, now),
      enteredBy: userRef(v.actorId),
    }));
  }

  @ResolveField(() => [DesignStageTimeModel], {
    description: 'Total time spent in each stage: where the design waited.',
  })
  async timeInStages(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<DesignStageTimeModel[]> {
    const rows = await credentialsLoaders(context.loaders, this.repository).stageVisits.load(design.id);
    return timeInStages(rows, new Date()).map((t) => ({ ...t, stage: t.stage as DesignStageEnum }));
  }

  @ResolveField(() => ComplianceReportModel, {
    description: "Checked against the design's framework, or another framework version.",
  })
  async compliance(
    @Parent() design: CredentialDesignModel,
    @Args('frameworkId', { type: () => ID, nullable: true }, OptionalIdPipe) frameworkId: string | null,
  ): Promise<ComplianceReportModel> {
    const { framework, result } = await this.complianceUseCase.execute(design.entity, frameworkId);
    return {
      framework: toFrameworkModel(framework),
      passed: result.passed,
      rules: result.rules.map((r) => ({
        id: r.id,
        label: r.label,
        status: r.status as RuleStatusEnum,
        reason: r.reason,
        details: r.details.map((d) => ({ code: d.code, params: d.params })),
      })),
    };
  }

  @ResolveField(() => CredentialModel, { nullable: true, description: 'The credential, once published.' })
  async credential(
    @Parent() design: CredentialDesignModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> {
    const credential = await credentialsLoaders(context.loaders, this.repository).credentialOfDesign.load(
      design.id,
    );
    return credential ? toCredentialModel(credential) : null;
  }

  private async approvalStateOf(design: CredentialDesignModel, context: GraphQLRequestContext) {
    const approvals = await credentialsLoaders(context.loaders, this.repository).approvals.load(design.id);
    return approvalState(design.issuerId, design.partnerIds, approvals, design.version);
  }
}

/** GraphQL null on a required element means "leave it"; on an optional one, "clear it". */
function toPatch(input: UpdateCredentialDesignInput): DesignPatch {
  const keep = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);
  const assessment = input.assessment
    ? {
        methods: keep(input.assessment.methods),
        masteryThreshold: input.assessment.masteryThreshold,
        attemptsAllowed: input.assessment.attemptsAllowed,
        authentic: input.assessment.authentic,
        evidenceVisibleToEmployers: input.assessment.evidenceVisibleToEmployers,
        evidenceRequirements: input.assessment.evidenceRequirements,
      }
    : undefined;
  return {
    title: keep(input.title)?.trim(),
    description: input.description,
    frameworkId: keep(input.frameworkId),
    partnershipId: input.partnershipId,
    competencies: keep(input.competencies)?.map((c) => ({ skillId: c.skillId })),
    outcomes: keep(input.outcomes)?.map((o) => ({
      statement: o.statement.trim(),
      kind: o.kind,
      skillIds: [...o.skillIds],
    })),
    assessment,
    hours: input.hours,
    weeks: input.weeks,
    deliveryMode: input.deliveryMode,
    credit: input.credit,
    transcriptable: input.transcriptable,
    stackableInto: keep(input.stackableInto),
    careerStage: input.careerStage,
    price: input.price,
    language: keep(input.language),
    level: input.level,
    qualityAssurance: input.qualityAssurance,
    evidenceOfNeed: input.evidenceOfNeed,
    annualReview: input.annualReview,
  };
}

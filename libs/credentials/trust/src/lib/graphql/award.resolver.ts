import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authorizer, AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { GraphQLJSON, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { AwardCredentialUseCase } from '../award-credential/award-credential.use-case';
import { AwardCredentialBatchUseCase } from '../award-credential-batch/award-credential-batch.use-case';
import { ExportTranscriptUseCase } from '../export-transcript/export-transcript.use-case';
import { GetAwardBatchUseCase } from '../get-award-batch/get-award-batch.use-case';
import { ListAwardsUseCase } from '../list-awards/list-awards.use-case';
import { ListMyAwardsUseCase } from '../list-my-awards/list-my-awards.use-case';
import type { AwardPage } from '../shared/award-pages';
import { RevokeAwardUseCase } from '../revoke-award/revoke-award.use-case';
import { IssuerTrust } from '../shared/issuer-trust';
import { VerifyCredentialUseCase } from '../verify-credential/verify-credential.use-case';
import { AwardBatchInput, AwardFilter, AwardInput, learnerProblems } from './trust.inputs';
import {
  AwardBatchModel,
  AwardConnectionModel,
  AwardModel,
  toAwardBatchModel,
  toAwardModel,
  VerificationResultModel,
} from './trust.models';

@Resolver(() => AwardModel)
@UseGuards(AuthGuard)
export class AwardResolver {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly trust: IssuerTrust,
    private readonly award: AwardCredentialUseCase,
    private readonly revoke: RevokeAwardUseCase,
    private readonly verify: VerifyCredentialUseCase,
    private readonly awardBatchUseCase: AwardCredentialBatchUseCase,
    private readonly getBatch: GetAwardBatchUseCase,
    private readonly listAwards: ListAwardsUseCase,
    private readonly listMyAwards: ListMyAwardsUseCase,
    private readonly transcript: ExportTranscriptUseCase,
  ) {}

  @Query(() => AwardConnectionModel, {
    description: "Your organizations' awards (or one issuer's), newest first, to follow and revoke them.",
  })
  async awards(
    @CurrentPrincipal() principal: Principal,
    // Typed without `| null` so the validation pipe sees the class (a union reflects as Object); absent is still allowed.
    @Args('filter', { type: () => AwardFilter, nullable: true }) filter: AwardFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AwardConnectionModel> {
    const page = pageRequest(first, after);
    return this.connection(
      await this.listAwards.execute(principal, (filter as AwardFilter | null) ?? {}, page),
      page,
    );
  }

  @Query(() => AwardConnectionModel, {
    description:
      "The credentials awarded to your account's e-mail address, newest first (revoked ones included).",
  })
  async myAwards(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AwardConnectionModel> {
    const page = pageRequest(first, after);
    return this.connection(await this.listMyAwards.execute(principal, page), page);
  }

  @Query(() => GraphQLJSON, {
    description:
      'Your transcript: your standing awards as a signed CLR 2.0 ClrCredential (verify it with verifyCredential).',
  })
  myTranscript(@CurrentPrincipal() principal: Principal): Promise<unknown> {
    return this.transcript.execute(principal);
  }

  private connection({ rows, total }: AwardPage, page: ReturnType<typeof pageRequest>): AwardConnectionModel {
    return toConnection(
      rows,
      page,
      (a) => [a.createdAt.toISOString(), a.id],
      (a) => toAwardModel(a, this.trust.awardUrl(a.id)),
      total,
    );
  }

  @Mutation(() => AwardModel, {
    description:
      'Issues a signed Open Badges 3.0 credential to a learner who met the mastery threshold within the attempts allowed.',
  })
  async awardCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => AwardInput }) input: AwardInput,
  ): Promise<AwardModel> {
    const award = await this.award.execute(principal, input);
    return toAwardModel(award, this.trust.awardUrl(award.id));
  }

  @Mutation(() => AwardBatchModel, {
    description:
      'Queues awards of a credential to 1 to 1,000 learners; follow them with awardBatch. A failed learner never blocks the rest.',
  })
  async awardCredentialBatch(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => AwardBatchInput }) input: AwardBatchInput,
  ): Promise<AwardBatchModel> {
    // Each learner is checked with the single award's rules; an invalid one fails as its own item.
    const learners = input.learners.map((learner) => {
      const problems = learnerProblems(learner);
      return problems.length ? { ...learner, invalid: problems } : learner;
    });
    const batch = await this.awardBatchUseCase.execute(principal, { ...input, learners });
    const view = await this.getBatch.execute(principal, batch.id);
    return toAwardBatchModel(view?.batch ?? batch, view?.items ?? []);
  }

  @Query(() => AwardBatchModel, {
    nullable: true,
    description: "A batch's progress and per-learner results, for members of its issuer.",
  })
  async awardBatch(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<AwardBatchModel | null> {
    const view = await this.getBatch.execute(principal, id);
    return view ? toAwardBatchModel(view.batch, view.items) : null;
  }

  @Mutation(() => AwardModel, {
    description:
      'Revokes an award: its status list bit is set, so verifiers see it revoked. Revoking twice is a CONFLICT.',
  })
  async revokeAward(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<AwardModel> {
    const award = await this.revoke.execute(principal, id, reason);
    return toAwardModel(award, this.trust.awardUrl(award.id));
  }

  @Query(() => AwardModel, {
    name: 'award',
    nullable: true,
    description: 'An award, for members of its issuer (anyone can fetch its publicUrl).',
  })
  async awardById(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<AwardModel | null> {
    const award = await this.trust.award(id);
    if (!award) return null;
    await this.authorizer.requireRole(principal, award.issuerId, 'MEMBER');
    return toAwardModel(award, this.trust.awardUrl(award.id));
  }

  @Query(() => VerificationResultModel, {
    description:
      'Checks schema, dates, issuer key, proof and status of a credential, each reported; for a CLR 2.0 transcript, also every credential it embeds.',
  })
  verifyCredential(
    @Args('credential', { type: () => GraphQLJSON }) credential: unknown,
  ): Promise<VerificationResultModel> {
    return this.verify.execute(credential) as Promise<VerificationResultModel>;
  }
}

// Pathways and recognitions: defined by institutions and umbrellas, public to read, and a
// learner's own progress.
import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, Public, type Principal } from '@lattice/shared-auth';
import {
  byKeys,
  groupByKeys,
  type GraphQLRequestContext,
  type Cursor,
  isUuid,
  pageRequest,
  ParseIdPipe,
  toConnection,
} from '@lattice/shared-graphql';
import {
  CatalogueRepository,
  CredentialDesignRepository,
  PathwayRepository,
  type PathwayAfter,
  type PathwayMemberRow,
  type PathwayRow,
} from '@lattice/credentials-data-access';
import { CredentialsErrors } from '@lattice/credentials-domain';
import { AwardPathwayCredentialUseCase } from '../award-pathway-credential/award-pathway-credential.use-case';
import { DefinePathwayUseCase } from '../define-pathway/define-pathway.use-case';
import { IssuerTrust } from '../shared/issuer-trust';
import { PathwayProgressUseCase } from '../pathway-progress/pathway-progress.use-case';
import { RecognizeCredentialUseCase } from '../recognize-credential/recognize-credential.use-case';
import { WithdrawRecognitionUseCase } from '../withdraw-recognition/withdraw-recognition.use-case';
import { CredentialModel, toCredentialModel } from '@lattice/credentials-co-development';
import { AwardModel, toAwardModel } from './trust.models';
import { credentialsLoaders } from '@lattice/credentials-co-development';
import {
  PathwayAwardInput,
  PathwayConnection,
  PathwayInput,
  PathwayModel,
  PathwayProgressModel,
  PathwayStepModel,
  PathwayStepProgressModel,
  RecognitionInput,
  RecognitionModel,
  toPathwayModel,
  toRecognitionModel,
  toStepStatus,
} from './pathway.models';

/** The recorded public name of an organization (see CatalogueRepository.recordOrganization), batched. */
function organizationName(
  context: GraphQLRequestContext,
  catalogue: CatalogueRepository,
  id: string,
): Promise<string | null> {
  return context.loaders
    .get<string, string | null>('credentials.organizationName', async (ids) => {
      const names = new Map((await catalogue.organizationNames(ids)).map((row) => [row.id, row.name]));
      return ids.map((key) => names.get(key) ?? null);
    })
    .load(id);
}

function pathwayLoaders(context: GraphQLRequestContext, pathways: PathwayRepository) {
  return {
    pathway: context.loaders.get<string, PathwayRow | null>('credentials.pathway', async (ids) =>
      byKeys(ids, await pathways.byIds(ids), (p) => p.id),
    ),
    members: context.loaders.get<string, PathwayMemberRow[]>('credentials.pathwayMembers', async (ids) =>
      groupByKeys(ids, await pathways.membersOf(ids), (m) => m.pathwayId),
    ),
  };
}

/** Exactly one of the two, each a valid id: a typed refusal otherwise. */
function pathwaysBy(
  credentialId: string | null,
  ownerId: string | null,
): { credentialId: string } | { ownerId: string } {
  if (Boolean(credentialId) === Boolean(ownerId))
    throw CredentialsErrors.of('INVALID_PATHWAY', 'Ask by credentialId or by ownerId (one of the two).', {
      field: 'credentialId',
    });
  for (const [field, value] of [
    ['credentialId', credentialId],
    ['ownerId', ownerId],
  ] as const) {
    if (value && !isUuid(value))
      throw CredentialsErrors.of('INVALID_PATHWAY', `"${field}" is not a valid id.`, { field });
  }
  return credentialId ? { credentialId: credentialId.toLowerCase() } : { ownerId: ownerId!.toLowerCase() };
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A pathway cursor holds a timestamp as Postgres wrote it and an id; anything else is a typed refusal. */
function pathwayAfter([key, id]: Cursor): PathwayAfter {
  const parts = typeof key === 'string' ? TIMESTAMP.exec(key) : null;
  const [year, month, day, hour, minute, second] = (parts?.slice(1, 7) ?? []).map(Number) as number[];
  const date = parts ? new Date(Date.UTC(year!, month! - 1, day!)) : null;
  const real =
    date !== null &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60;
  if (!real || !isUuid(id))
    throw CredentialsErrors.of('INVALID_PATHWAY', 'That cursor is not from this list.', { field: 'after' });
  return [key as string, id];
}

async function credentialById(
  context: GraphQLRequestContext,
  repository: CredentialDesignRepository,
  id: string,
): Promise<CredentialModel | null> {
  const credential = await credentialsLoaders(context.loaders, repository).credential.load(id);
  return credential ? toCredentialModel(credential) : null;
}

@Resolver(() => PathwayModel)
@UseGuards(AuthGuard)
export class PathwayResolver {
  constructor(
    private readonly store: PathwayRepository,
    private readonly repository: CredentialDesignRepository,
    private readonly define: DefinePathwayUseCase,
    private readonly recognize: RecognizeCredentialUseCase,
    private readonly withdraw: WithdrawRecognitionUseCase,
    private readonly progress: PathwayProgressUseCase,
    private readonly awardPathway: AwardPathwayCredentialUseCase,
    private readonly trust: IssuerTrust,
    private readonly catalogue: CatalogueRepository,
  ) {}

  @Public()
  @Query(() => PathwayModel, { nullable: true, description: 'A pathway, public.' })
  async pathway(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<PathwayModel | null> {
    const row = await pathwayLoaders(context, this.store).pathway.load(id);
    return row ? toPathwayModel(row) : null;
  }

  @Public()
  @Query(() => [PathwayModel], {
    description:
      'Pathways a credential counts toward or leads to (credentialId), or those an organization defined (ownerId); exactly one of the two. Newest first, the first 100 (pathwayPage pages through all). Public.',
  })
  async pathways(
    @Args('credentialId', { type: () => ID, nullable: true }) credentialId: string | null,
    @Args('ownerId', { type: () => ID, nullable: true }) ownerId: string | null,
  ): Promise<PathwayModel[]> {
    return (await this.store.page(pathwaysBy(credentialId, ownerId), 100, null)).map(toPathwayModel);
  }

  @Public()
  @Query(() => PathwayConnection, {
    description:
      'Pathways a credential counts toward or leads to (credentialId), or those an organization defined (ownerId); exactly one of the two. Newest first, paged. Public.',
  })
  async pathwayPage(
    @Args('credentialId', { type: () => ID, nullable: true }) credentialId: string | null,
    @Args('ownerId', { type: () => ID, nullable: true }) ownerId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PathwayConnection> {
    const by = pathwaysBy(credentialId, ownerId);
    const page = pageRequest(first, after);
    const rows = await this.store.page(by, page.limit + 1, page.after ? pathwayAfter(page.after) : null);
    return toConnection(rows, page, (row) => [row.sortKey, row.id], toPathwayModel);
  }

  @Public()
  @Query(() => [RecognitionModel], {
    description:
      'Where a credential counts: institutions that recognize it toward a pathway or for credit. Public.',
  })
  async recognitions(
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
  ): Promise<RecognitionModel[]> {
    return (await this.store.recognitionsOf(credentialId.toLowerCase())).map(toRecognitionModel);
  }

  @Query(() => [PathwayProgressModel], {
    description:
      'Your progress toward every pathway your standing awards count for (needs a proven e-mail address).',
  })
  async myPathwayProgress(@CurrentPrincipal() principal: Principal): Promise<PathwayProgressModel[]> {
    return (await this.progress.execute(principal)).map((p) => ({
      pathway: toPathwayModel(p.pathway),
      earned: p.earned,
      required: p.required,
      complete: p.complete,
      steps: p.members.map((m) => ({ credentialId: m.credentialId, status: toStepStatus(m.status) })),
    }));
  }

  @Mutation(() => PathwayModel, {
    description:
      'An institution or umbrella (admins) defines a pathway of published credentials, possibly from several institutions.',
  })
  async definePathway(
    @CurrentPrincipal() principal: Principal,
    @Args('ownerId', { type: () => ID }, ParseIdPipe) ownerId: string,
    @Args('input', { type: () => PathwayInput }) input: PathwayInput,
  ): Promise<PathwayModel> {
    const row = await this.define.execute(principal, ownerId, {
      title: input.title,
      description: input.description ?? null,
      rule: input.rule,
      requiredCount: input.requiredCount ?? null,
      ordered: input.ordered ?? false,
      members: input.steps.map((step) => ({
        credentialId: step.credentialId,
        minScore: step.minScore ?? null,
      })),
      targetCredentialId: input.targetCredentialId ?? null,
    });
    return toPathwayModel(row);
  }

  @Mutation(() => RecognitionModel, {
    description:
      'An institution (admins) recognizes another institution’s credential toward one of its pathways and/or for credit.',
  })
  async recognizeCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => RecognitionInput }) input: RecognitionInput,
  ): Promise<RecognitionModel> {
    const row = await this.recognize.execute(principal, {
      institutionId: input.institutionId,
      credentialId: input.credentialId,
      pathwayId: input.pathwayId ?? null,
      creditAmount: input.creditAmount ?? null,
      creditUnit: input.creditUnit ?? null,
      conditions: input.conditions ?? null,
    });
    return toRecognitionModel(row);
  }

  @Mutation(() => RecognitionModel, {
    description:
      'The recognizing institution (admins) withdraws a recognition: the credential no longer counts there. Withdrawing twice is a CONFLICT.',
  })
  async withdrawRecognition(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<RecognitionModel> {
    return toRecognitionModel(await this.withdraw.execute(principal, id));
  }

  @Mutation(() => AwardModel, {
    description:
      'Awards the credential a pathway leads to, to a learner who completed it (FAILED_PRECONDITION otherwise); the contributing awards are its evidence.',
  })
  async awardPathwayCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { type: () => PathwayAwardInput }) input: PathwayAwardInput,
  ): Promise<AwardModel> {
    const award = await this.awardPathway.execute(principal, input);
    return toAwardModel(award, this.trust.awardUrl(award.id));
  }

  @ResolveField(() => [PathwayStepModel], { description: 'Its steps, in order.' })
  async steps(
    @Parent() pathway: PathwayModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<PathwayStepModel[]> {
    return (await pathwayLoaders(context, this.store).members.load(pathway.id)).map((m) => ({
      credentialId: m.credentialId,
      position: m.position,
      minScore: m.minScore,
    }));
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The owner’s name as it stated it when defining the pathway (public, unlike Organization).',
  })
  ownerName(
    @Parent() pathway: PathwayModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<string | null> {
    return organizationName(context, this.catalogue, pathway.owner.id);
  }

  @ResolveField(() => CredentialModel, {
    nullable: true,
    description: 'The larger credential it leads to, when it is one of Lattice’s.',
  })
  target(
    @Parent() pathway: PathwayModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> | null {
    return pathway.targetCredentialId
      ? credentialById(context, this.repository, pathway.targetCredentialId)
      : null;
  }
}

@Resolver(() => PathwayStepModel)
export class PathwayStepResolver {
  constructor(private readonly repository: CredentialDesignRepository) {}

  @ResolveField(() => CredentialModel)
  credential(
    @Parent() step: PathwayStepModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> {
    return credentialById(context, this.repository, step.credentialId);
  }
}

@Resolver(() => PathwayStepProgressModel)
export class PathwayStepProgressResolver {
  constructor(private readonly repository: CredentialDesignRepository) {}

  @ResolveField(() => CredentialModel)
  credential(
    @Parent() step: PathwayStepProgressModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> {
    return credentialById(context, this.repository, step.credentialId);
  }
}

@Resolver(() => RecognitionModel)
export class RecognitionResolver {
  constructor(
    private readonly repository: CredentialDesignRepository,
    private readonly pathways: PathwayRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The recognizing institution’s name as it stated it when recognizing (public, unlike Organization).',
  })
  institutionName(
    @Parent() recognition: RecognitionModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<string | null> {
    return organizationName(context, this.catalogue, recognition.institution.id);
  }

  @ResolveField(() => CredentialModel)
  credential(
    @Parent() recognition: RecognitionModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> {
    return credentialById(context, this.repository, recognition.credentialId);
  }

  @ResolveField(() => PathwayModel, { nullable: true })
  async pathway(
    @Parent() recognition: RecognitionModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<PathwayModel | null> {
    if (!recognition.pathwayId) return null;
    const row = await pathwayLoaders(context, this.pathways).pathway.load(recognition.pathwayId);
    return row ? toPathwayModel(row) : null;
  }
}

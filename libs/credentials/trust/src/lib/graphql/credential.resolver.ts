import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { type GraphQLRequestContext, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { CredentialDesignRepository, pageOfCredentials } from '@lattice/credentials-data-access';
import { credentialsLoaders } from '@lattice/credentials-co-development';
import { AdoptSharedCredentialUseCase } from '../adopt-shared-credential/adopt-shared-credential.use-case';
import { EndorseCredentialUseCase } from '../endorse-credential/endorse-credential.use-case';
import { SponsorCredentialUseCase } from '../sponsor-credential/sponsor-credential.use-case';
import { SummarizeContributionsUseCase } from '@lattice/credentials-co-development';
import { WithdrawEndorsementUseCase } from '../withdraw-endorsement/withdraw-endorsement.use-case';
import { CredentialFilter, EndorsementInput } from './trust.inputs';
import {
  AssessmentPlanModel,
  CredentialContributionsModel,
  CredentialModel,
  FrameworkModel,
  toAssessmentPlanModel,
  toCredentialContributionsModel,
  toCredentialModel,
  toFrameworkModel,
} from '@lattice/credentials-co-development';
import {
  AdoptionModel,
  CredentialConnectionModel,
  EndorsementModel,
  EndorsementSectorModel,
  SponsorshipModel,
  toAdoptionModel,
  toEndorsementModel,
  toEndorsementSectorModels,
  toSponsorshipModel,
} from './trust.models';

/** Published credentials are a public catalogue for every signed-in user; endorsing, sponsoring and adopting them. */
@Resolver(() => CredentialModel)
@UseGuards(AuthGuard)
export class CredentialResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CredentialDesignRepository,
    private readonly endorse: EndorseCredentialUseCase,
    private readonly withdraw: WithdrawEndorsementUseCase,
    private readonly sponsor: SponsorCredentialUseCase,
    private readonly adopt: AdoptSharedCredentialUseCase,
    private readonly contributionsOf: SummarizeContributionsUseCase,
  ) {}

  @Query(() => CredentialModel, { nullable: true })
  async credential(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Context() context: GraphQLRequestContext,
  ): Promise<CredentialModel | null> {
    const credential = await credentialsLoaders(context.loaders, this.repository).credential.load(id);
    return credential ? toCredentialModel(credential) : null;
  }

  @Query(() => CredentialConnectionModel, { description: 'Published credentials, newest first.' })
  async credentials(
    // Typed without `| null` so the validation pipe sees the class (a union reflects as Object); absent is still allowed.
    @Args('filter', { type: () => CredentialFilter, nullable: true }) filter: CredentialFilter,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CredentialConnectionModel> {
    const page = pageRequest(first, after);
    const { rows, total } = await pageOfCredentials(this.dataSource.manager, filter?.issuerId ?? null, page);
    return toConnection(rows, page, (c) => [c.publishedAt.toISOString(), c.id], toCredentialModel, total);
  }

  @ResolveField(() => FrameworkModel, {
    description: 'The framework version it was checked against when published.',
  })
  async framework(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<FrameworkModel | null> {
    const framework = await credentialsLoaders(context.loaders, this.repository).framework.load(
      credential.frameworkId,
    );
    return framework ? toFrameworkModel(framework) : null;
  }

  @ResolveField(() => ID, {
    description: 'The design it was published from (visible in full to its parties).',
  })
  designId(@Parent() credential: CredentialModel): string {
    return credential.designId;
  }

  @ResolveField(() => [EndorsementModel], {
    description: 'Endorsements by employers and umbrellas, oldest first; withdrawn ones carry withdrawnAt.',
  })
  async endorsements(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<EndorsementModel[]> {
    return (await credentialsLoaders(context.loaders, this.repository).endorsements.load(credential.id)).map(
      toEndorsementModel,
    );
  }

  @ResolveField(() => [EndorsementSectorModel], {
    description:
      'Standing endorsements grouped by the NAICS sector of the endorser organization, sectors in code order, those without a sector last.',
  })
  async endorsementsBySector(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<EndorsementSectorModel[]> {
    return toEndorsementSectorModels(
      await credentialsLoaders(context.loaders, this.repository).endorsements.load(credential.id),
    );
  }

  @ResolveField(() => [SponsorshipModel], {
    description: 'Umbrella organizations sponsoring it: a sponsored credential is shared.',
  })
  async sponsorships(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<SponsorshipModel[]> {
    return (await credentialsLoaders(context.loaders, this.repository).sponsorships.load(credential.id)).map(
      toSponsorshipModel,
    );
  }

  @ResolveField(() => [AdoptionModel], {
    description: 'Institutions that adopted it as a shared credential and may award it in their own name.',
  })
  async adoptions(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<AdoptionModel[]> {
    return (await credentialsLoaders(context.loaders, this.repository).adoptions.load(credential.id)).map(
      toAdoptionModel,
    );
  }

  @ResolveField(() => AssessmentPlanModel, {
    description:
      'How learners are assessed, as published: the mastery threshold and attempts every award of it is checked against.',
  })
  async assessment(
    @Parent() credential: CredentialModel,
    @Context() context: GraphQLRequestContext,
  ): Promise<AssessmentPlanModel> {
    const content = await credentialsLoaders(context.loaders, this.repository).publishedContent.load(
      credential.id,
    );
    if (!content)
      throw new Error(
        `credential ${credential.id}: its published design version ${credential.publishedVersion} is missing`,
      );
    return toAssessmentPlanModel(content.assessment);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the caller may read contributions (a member of the issuer, a design partner, a sponsoring umbrella or an adopter): ask for contributions only when true.',
  })
  async contributionsVisible(
    @CurrentPrincipal() principal: Principal,
    @Parent() credential: CredentialModel,
  ): Promise<boolean> {
    return this.contributionsOf.mayView(principal, credential.id);
  }

  @ResolveField(() => CredentialContributionsModel, {
    description:
      'Who designed, reviewed, endorsed, sponsored, adopted and issued it. Visible to members of the issuer, the design partners, the sponsoring umbrellas and the adopters; FORBIDDEN to others.',
  })
  async contributions(
    @CurrentPrincipal() principal: Principal,
    @Parent() credential: CredentialModel,
  ): Promise<CredentialContributionsModel> {
    return toCredentialContributionsModel(await this.contributionsOf.execute(principal, credential.id));
  }

  @Mutation(() => EndorsementModel, {
    description:
      'An employer or umbrella endorses a published credential (a signed EndorsementCredential). A second one is a CONFLICT.',
  })
  async endorseCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
    @Args('input', { type: () => EndorsementInput }) input: EndorsementInput,
  ): Promise<EndorsementModel> {
    return toEndorsementModel(
      await this.endorse.execute(principal, { credentialId, organizationId, ...input }),
    );
  }

  @Mutation(() => EndorsementModel, {
    description: 'Withdraws an endorsement: credentials awarded afterwards no longer embed it.',
  })
  async withdrawEndorsement(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<EndorsementModel> {
    return toEndorsementModel(await this.withdraw.execute(principal, id));
  }

  @Mutation(() => SponsorshipModel, {
    description:
      'An umbrella organization sponsors a credential, making it shared with its member institutions.',
  })
  async sponsorCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
    @Args('umbrellaId', { type: () => ID }, ParseIdPipe) umbrellaId: string,
  ): Promise<SponsorshipModel> {
    return toSponsorshipModel(await this.sponsor.execute(principal, credentialId, umbrellaId));
  }

  @Mutation(() => AdoptionModel, {
    description:
      'A member institution of a sponsoring umbrella adopts a shared credential, to award it in its own name.',
  })
  async adoptSharedCredential(
    @CurrentPrincipal() principal: Principal,
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
    @Args('institutionId', { type: () => ID }, ParseIdPipe) institutionId: string,
  ): Promise<AdoptionModel> {
    return toAdoptionModel(await this.adopt.execute(principal, credentialId, institutionId));
  }
}

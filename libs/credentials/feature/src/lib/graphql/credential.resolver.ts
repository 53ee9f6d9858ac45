import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthGuard } from '@lattice/shared-auth';
import { type GraphQLRequestContext, pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { CredentialDesignRepository, CredentialEntity } from '@lattice/credentials-data-access';
import { credentialsLoaders } from './credentials.loaders';
import { CredentialFilter } from './credentials.inputs';
import { AdoptionModel, CredentialConnectionModel, CredentialModel, EndorsementModel, FrameworkModel, SponsorshipModel, toCredentialModel, toFrameworkModel } from './credentials.models';

/** Published credentials are a public catalogue for every signed-in user. */
@Resolver(() => CredentialModel)
@UseGuards(AuthGuard)
export class CredentialResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CredentialDesignRepository,
  ) {}

  @Query(() => CredentialModel, { nullable: true })
  async credential(@Args('id', { type: () => ID }, ParseIdPipe) id: string, @Context() context: GraphQLRequestContext): Promise<CredentialModel | null> {
    const credential = await credentialsLoaders(context.loaders, this.repository).credential.load(id);
    return credential ? toCredentialModel(credential) : null;
  }

  @Query(() => CredentialConnectionModel, { description: 'Published credentials, newest first.' })
  async credentials(
    @Args('filter', { type: () => CredentialFilter, nullable: true }) filter: CredentialFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CredentialConnectionModel> {
    const page = pageRequest(first, after);
    const query = this.dataSource.getRepository(CredentialEntity).createQueryBuilder('c');
    if (filter?.issuerId) query.andWhere('c.issuer_id = :issuerId', { issuerId: filter.issuerId });
    const total = await query.clone().getCount();
    if (page.after) query.andWhere('(c.published_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', { afterAt: String(page.after[0]), afterId: page.after[1] });
    const rows = await query.orderBy('c.published_at', 'DESC').addOrderBy('c.id', 'DESC').limit(page.limit + 1).getMany();
    return toConnection(rows, page, (c) => [c.publishedAt.toISOString(), c.id], toCredentialModel, total);
  }

  @ResolveField(() => FrameworkModel, { description: 'The framework version it was checked against when published.' })
  async framework(@Parent() credential: CredentialModel, @Context() context: GraphQLRequestContext): Promise<FrameworkModel | null> {
    const framework = await credentialsLoaders(context.loaders, this.repository).framework.load(credential.frameworkId);
    return framework ? toFrameworkModel(framework) : null;
  }

  @ResolveField(() => ID, { description: 'The design it was published from (visible in full to its parties).' })
  designId(@Parent() credential: CredentialModel): string {
    return credential.designId;
  }

  @ResolveField(() => [EndorsementModel], { description: 'Always empty for now: endorsements arrive with the endorsement feature.' })
  endorsements(): EndorsementModel[] {
    return [];
  }

  @ResolveField(() => [SponsorshipModel], { description: 'Always empty for now: sponsorship of shared credentials arrives with its feature.' })
  sponsorships(): SponsorshipModel[] {
    return [];
  }

  @ResolveField(() => [AdoptionModel], { description: 'Always empty for now: adoption of shared credentials arrives with its feature.' })
  adoptions(): AdoptionModel[] {
    return [];
  }
}

import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CatalogueRepository } from '@lattice/credentials-data-access';
import { AuthGuard, Public } from '@lattice/shared-auth';
import { pageRequest, ParseIdPipe, toConnection } from '@lattice/shared-graphql';
import { catalogueCursor, SearchCredentialsUseCase } from '../search-credentials/search-credentials.use-case';
import {
  CatalogueEntryModel,
  CatalogueFilter,
  CatalogueSearchResultModel,
  CatalogueSortEnum,
  toCatalogueEntryModel,
  toCatalogueFacetModels,
  toFacetOrganizationNames,
} from './catalogue.models';

/** The public catalogue of published credentials: no account needed. */
@Resolver(() => CatalogueEntryModel)
@UseGuards(AuthGuard)
export class CatalogueResolver {
  constructor(
    private readonly search: SearchCredentialsUseCase,
    private readonly catalogue: CatalogueRepository,
  ) {}

  @Public()
  @Query(() => CatalogueEntryModel, {
    nullable: true,
    description:
      'One published credential as the catalogue shows it (retired ones too, marked so), for its public page. Public.',
  })
  async catalogueEntry(
    @Args('credentialId', { type: () => ID }, ParseIdPipe) credentialId: string,
  ): Promise<CatalogueEntryModel | null> {
    const hit = await this.catalogue.entry(credentialId.toLowerCase());
    return hit ? toCatalogueEntryModel(hit) : null;
  }

  @Public()
  @Query(() => CatalogueSearchResultModel, {
    description:
      'Searches published credentials (not retired) by words in English or French — accents and word endings forgiven — and by facets; counts per facet value over everything found. Public.',
  })
  async searchCredentials(
    @Args('query', {
      type: () => String,
      nullable: true,
      description: 'Words, at most 200 characters; quotes for a phrase, "or", and "-" to exclude.',
    })
    query: string | null,
    // Typed without `| null` so the validation pipe sees the class; absent is still allowed.
    @Args('filter', { type: () => CatalogueFilter, nullable: true }) filter: CatalogueFilter,
    @Args('sort', { type: () => CatalogueSortEnum, nullable: true }) sort: CatalogueSortEnum | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CatalogueSearchResultModel> {
    const page = pageRequest(first, after);
    const found = await this.search.execute(
      query,
      {
        skillIds: filter?.skillIds?.map((id) => id.toLowerCase()) ?? undefined,
        deliveryModes: filter?.deliveryModes ?? undefined,
        languages: filter?.languages ?? undefined,
        hoursBands: filter?.hoursBands ?? undefined,
        priceBands: filter?.priceBands ?? undefined,
        credit: filter?.credit ?? null,
        transcriptable: filter?.transcriptable ?? null,
        endorserSectors: filter?.endorserSectors ?? undefined,
        sponsorIds: filter?.sponsorIds ?? undefined,
        issuerIds: filter?.issuerIds ?? undefined,
        regions: filter?.regions ?? undefined,
        issuerSizes: filter?.issuerSizes ?? undefined,
      },
      sort,
      page,
    );
    const connection = toConnection(
      found.hits,
      page,
      (hit) => catalogueCursor(hit, found.sort),
      toCatalogueEntryModel,
      found.total,
    );
    return {
      ...connection,
      sort: found.sort as CatalogueSortEnum,
      facets: toCatalogueFacetModels(found.facets),
      facetOrganizationNames: toFacetOrganizationNames(found.facets),
    };
  }
}

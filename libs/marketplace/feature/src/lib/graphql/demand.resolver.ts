import { UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, type Principal } from '@lattice/shared-auth';
import { DemandMapUseCase } from '../demand-map/demand-map.use-case';
import { DemandFilter } from './marketplace.inputs';
import { DemandCellModel, DemandGroupingEnum } from './marketplace.models';

@Resolver(() => DemandCellModel)
@UseGuards(AuthGuard)
export class DemandResolver {
  constructor(private readonly demandMapUseCase: DemandMapUseCase) {}

  @Query(() => [DemandCellModel], { description: 'Open demand against supply, largest demand first.' })
  async demandMap(
    @CurrentPrincipal() principal: Principal,
    @Args('groupBy', { type: () => DemandGroupingEnum }) groupBy: DemandGroupingEnum,
    @Args('filter', { type: () => DemandFilter, nullable: true }) filter: DemandFilter | null,
    @Args('groupLevel', {
      type: () => Int,
      defaultValue: 1,
      description: 'SKILL_GROUP: the ESCO hierarchy level (1 = top groups).',
    })
    groupLevel: number,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<DemandCellModel[]> {
    return this.demandMapUseCase.execute(principal, groupBy, { ...(filter ?? {}), groupLevel, limit: first });
  }
}

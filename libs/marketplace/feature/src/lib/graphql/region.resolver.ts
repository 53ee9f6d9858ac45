import { UseGuards } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { AuthGuard, Public } from '@lattice/shared-auth';
import { allRegions, type Region } from '@lattice/shared-util-regions';

export enum RegionKindEnum {
  PROVINCE = 'PROVINCE',
  CMA = 'CMA',
  ECONOMIC_REGION = 'ECONOMIC_REGION',
}
registerEnumType(RegionKindEnum, {
  name: 'RegionKind',
  description: 'Province or territory, census metropolitan area, or economic region.',
});

@ObjectType('Region', {
  description: 'A Canadian region code the API accepts wherever it asks for a region.',
})
export class RegionModel {
  @Field() code: string;
  @Field(() => RegionKindEnum) kind: RegionKindEnum;
  @Field() nameEn: string;
  @Field() nameFr: string;
  @Field(() => String, { nullable: true, description: 'The region that contains this one.' }) within:
    string | null;
}

const toModel = (region: Region): RegionModel => ({
  code: region.code,
  kind: region.kind as RegionKindEnum,
  nameEn: region.nameEn,
  nameFr: region.nameFr,
  within: region.within,
});

@Resolver(() => RegionModel)
@UseGuards(AuthGuard)
export class RegionResolver {
  @Public()
  @Query(() => [RegionModel], { description: 'Every region code Lattice accepts, for pickers.' })
  regions(
    @Args('kind', { type: () => RegionKindEnum, nullable: true }) kind: RegionKindEnum | null,
  ): RegionModel[] {
    return allRegions()
      .filter((region) => !kind || region.kind === kind)
      .map(toModel);
  }
}

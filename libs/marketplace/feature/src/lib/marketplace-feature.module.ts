import { Module } from '@nestjs/common';
import { RegionResolver } from './graphql/region.resolver';

@Module({ providers: [RegionResolver] })
export class MarketplaceFeatureModule {}

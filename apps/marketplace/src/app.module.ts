import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityMembershipSource, sessionRevocationsFrom } from '@lattice/shared-auth';
import { readReplicasFrom, subgraphFoundation } from '@lattice/shared-graphql';
import { marketplaceDataSource } from '@lattice/marketplace-data-access';
import { DEFAULT_MATCH_WEIGHTS } from '@lattice/marketplace-domain';
import { MarketplaceFeatureModule } from '@lattice/marketplace-feature';
import type { MarketplaceEnv } from './config';

@Module({})
export class MarketplaceAppModule {
  static forRoot(config: MarketplaceEnv): DynamicModule {
    return {
      module: MarketplaceAppModule,
      imports: [
        ...subgraphFoundation({
          dataSource: marketplaceDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          readReplicas: readReplicasFrom(config, 'marketplace'),
          auth: {
            publicKeyPem: config.JWT_PUBLIC_KEY,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            membershipSource: { useValue: new IdentityMembershipSource(config.IDENTITY_INTERNAL_URL) },
            sessionRevocations: sessionRevocationsFrom(config, 'marketplace'),
          },
        }),
        MarketplaceFeatureModule.forRoot({
          identityUrl: config.IDENTITY_INTERNAL_URL,
          weights: {
            ...DEFAULT_MATCH_WEIGHTS,
            smallInstitution: config.MATCH_SMALL_INSTITUTION_BOOST_PERCENT / 100,
          },
        }),
      ],
    };
  }
}

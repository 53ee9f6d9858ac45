import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '@lattice/shared-auth';
import { serviceDataSourceOptions } from '@lattice/shared-data-access';
import { DatabaseReadiness, HealthModule, subgraphGraphQLModule } from '@lattice/shared-graphql';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS, IDENTITY_SCHEMA, IdentityRepository } from '@lattice/identity-data-access';
import { IdentityDatabaseMembershipSource, IdentityFeatureModule } from '@lattice/identity-feature';
import type { IdentityEnv } from './config';

export const identityDataSource = (config: IdentityEnv) =>
  ({ url: config.DATABASE_URL, schema: IDENTITY_SCHEMA, entities: IDENTITY_ENTITIES, migrations: IDENTITY_MIGRATIONS, poolSize: config.DATABASE_POOL_SIZE });

@Module({})
export class IdentityAppModule {
  static forRoot(config: IdentityEnv): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        TypeOrmModule.forRoot(serviceDataSourceOptions(identityDataSource(config))),
        AuthModule.forRoot({
          publicKeyPem: config.JWT_PUBLIC_KEY,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          membershipSource: {
            useFactory: (dataSource: DataSource) => new IdentityDatabaseMembershipSource(new IdentityRepository(dataSource)),
            inject: [DataSource],
          },
        }),
        subgraphGraphQLModule(),
        HealthModule.register([DatabaseReadiness]),
        IdentityFeatureModule.forRoot({
          tokenPrivateKeyPem: config.JWT_PRIVATE_KEY,
          tokenIssuer: config.JWT_ISSUER,
          tokenAudience: config.JWT_AUDIENCE,
          tokenTtlSeconds: config.JWT_TTL_SECONDS,
          invitationTtlHours: config.INVITATION_TTL_HOURS,
          publicBaseUrl: config.PUBLIC_BASE_URL,
        }),
      ],
    };
  }
}

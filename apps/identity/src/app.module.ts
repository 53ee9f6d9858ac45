import { type DynamicModule, Module } from '@nestjs/common';
import { invitationLinkKeyFrom } from '@lattice/shared-util-config';
import { DataSource } from 'typeorm';
import { sessionRevocationsFrom } from '@lattice/shared-auth';
import { readReplicasFrom, subgraphFoundation } from '@lattice/shared-graphql';
import { RateLimitModule, rateLimitRulesFrom } from '@lattice/shared-rate-limit';
import { redisTargetFrom } from '@lattice/shared-redis';
import { identityDataSource, IdentityRepository } from '@lattice/identity-data-access';
import { IdentityDatabaseMembershipSource, IdentityFeatureModule } from '@lattice/identity-feature';
import type { IdentityEnv } from './config';

@Module({})
export class IdentityAppModule {
  static forRoot(config: IdentityEnv): DynamicModule {
    const sessionRevocations = sessionRevocationsFrom(config, 'identity', {
      keepSeconds: 2 * config.JWT_TTL_SECONDS,
    });
    return {
      module: IdentityAppModule,
      imports: [
        ...subgraphFoundation({
          dataSource: identityDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          readReplicas: readReplicasFrom(config, 'identity'),
          auth: {
            publicKeyPem: config.JWT_PUBLIC_KEY,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            sessionRevocations,
            membershipSource: {
              useFactory: (dataSource: DataSource) =>
                new IdentityDatabaseMembershipSource(new IdentityRepository(dataSource)),
              inject: [DataSource],
            },
          },
        }),
        RateLimitModule.forRoot({
          name: 'identity',
          redis: redisTargetFrom(config),
          prefix: config.REDIS_PREFIX,
          rules: rateLimitRulesFrom(config),
        }),
        IdentityFeatureModule.forRoot({
          tokenPrivateKeyPem: config.JWT_PRIVATE_KEY,
          tokenIssuer: config.JWT_ISSUER,
          tokenAudience: config.JWT_AUDIENCE,
          tokenTtlSeconds: config.JWT_TTL_SECONDS,
          invitationTtlHours: config.INVITATION_TTL_HOURS,
          publicBaseUrl: config.PUBLIC_BASE_URL,
          invitationLinkKey: invitationLinkKeyFrom(
            config.INVITATION_LINK_KEY,
            config.NODE_ENV === 'production',
          ),
          refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
          auditRetentionDays: config.AUDIT_RETENTION_DAYS,
          sessionRevocations,
        }),
      ],
    };
  }
}

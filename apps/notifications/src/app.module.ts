import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityMembershipSource, sessionRevocationsFrom } from '@lattice/shared-auth';
import { readReplicasFrom, subgraphFoundation } from '@lattice/shared-graphql';
import { notificationsDataSource } from '@lattice/notifications-data-access';
import { webhookSecretKeyFrom } from '@lattice/shared-util-config';
import { NotificationsFeatureModule } from '@lattice/notifications-feature';
import type { NotificationsEnv } from './config';

@Module({})
export class NotificationsAppModule {
  static forRoot(config: NotificationsEnv): DynamicModule {
    return {
      module: NotificationsAppModule,
      imports: [
        ...subgraphFoundation({
          dataSource: notificationsDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          readReplicas: readReplicasFrom(config, 'notifications'),
          auth: {
            publicKeyPem: config.JWT_PUBLIC_KEY,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            membershipSource: { useValue: new IdentityMembershipSource(config.IDENTITY_INTERNAL_URL) },
            sessionRevocations: sessionRevocationsFrom(config, 'notifications'),
          },
        }),
        NotificationsFeatureModule.forRoot({
          production: config.NODE_ENV === 'production',
          webhookSecretKey: webhookSecretKeyFrom(config.WEBHOOK_SECRET_KEY, config.NODE_ENV === 'production'),
          publicBaseUrl: config.PUBLIC_BASE_URL,
          mailFrom: '',
          webhookTimeoutMs: 10_000,
        }),
      ],
    };
  }
}

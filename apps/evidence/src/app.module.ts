import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityMembershipSource } from '@lattice/shared-auth';
import { readReplicasFrom, subgraphFoundation } from '@lattice/shared-graphql';
import { evidenceKeyFrom } from '@lattice/shared-util-config';
import { evidenceDataSource } from '@lattice/evidence-data-access';
import { privacyThreshold } from '@lattice/evidence-domain';
import { EvidenceFeatureModule } from '@lattice/evidence-feature';
import type { EvidenceEnv } from './config';

@Module({})
export class EvidenceAppModule {
  static forRoot(config: EvidenceEnv): DynamicModule {
    return {
      module: EvidenceAppModule,
      imports: [
        ...subgraphFoundation({
          dataSource: evidenceDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          readReplicas: readReplicasFrom(config, 'evidence'),
          auth: {
            publicKeyPem: config.JWT_PUBLIC_KEY,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            membershipSource: { useValue: new IdentityMembershipSource(config.IDENTITY_INTERNAL_URL) },
          },
        }),
        EvidenceFeatureModule.forRoot({
          evidenceKey: evidenceKeyFrom(config.EVIDENCE_KEY, config.NODE_ENV === 'production'),
          k: privacyThreshold(config.EVIDENCE_MIN_GROUP_SIZE),
        }),
      ],
    };
  }
}

import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityMembershipSource, sessionRevocationsFrom } from '@lattice/shared-auth';
import { readReplicasFrom, subgraphFoundation } from '@lattice/shared-graphql';
import { credentialsDataSource } from '@lattice/credentials-data-access';
import { CredentialsCoDevelopmentModule } from '@lattice/credentials-co-development';
import { CredentialsTrustModule } from '@lattice/credentials-trust';
import { type CredentialsEnv, issuerKeyEncryptionKeyFrom } from './config';

@Module({})
export class CredentialsAppModule {
  static forRoot(config: CredentialsEnv): DynamicModule {
    // One instance: trust imports the co-development module it builds on.
    const coDevelopment = CredentialsCoDevelopmentModule.forRoot({
      identityUrl: config.IDENTITY_INTERNAL_URL,
    });
    return {
      module: CredentialsAppModule,
      imports: [
        ...subgraphFoundation({
          dataSource: credentialsDataSource(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
          readReplicas: readReplicasFrom(config, 'credentials'),
          auth: {
            publicKeyPem: config.JWT_PUBLIC_KEY,
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            membershipSource: { useValue: new IdentityMembershipSource(config.IDENTITY_INTERNAL_URL) },
            sessionRevocations: sessionRevocationsFrom(config, 'credentials'),
          },
        }),
        coDevelopment,
        CredentialsTrustModule.forRoot(coDevelopment, {
          marketplaceUrl: config.MARKETPLACE_INTERNAL_URL,
          publicBaseUrl: config.PUBLIC_BASE_URL,
          issuerKeyEncryptionKey: issuerKeyEncryptionKeyFrom(
            config.ISSUER_KEY_ENCRYPTION_KEY,
            config.NODE_ENV === 'production',
          ),
          remoteIssuers: config.VERIFY_REMOTE_ISSUERS
            ? { production: config.NODE_ENV === 'production', timeoutMs: config.REMOTE_ISSUER_TIMEOUT_MS }
            : undefined,
        }),
      ],
    };
  }
}

import {
  type DynamicModule,
  Global,
  type InjectionToken,
  Module,
  type Provider,
  type Type,
} from '@nestjs/common';
import { AuthGuard } from './auth.guard';
import { Authorizer, MembershipSource } from './authorizer';
import type { SessionRevocations } from './session-revocations';
import { TokenVerifier, type TokenSettings } from './tokens';

export interface AuthModuleOptions extends TokenSettings {
  readonly publicKeyPem: string;
  /** Where live memberships come from when the token's are not enough. */
  readonly membershipSource:
    | { useClass: Type<MembershipSource> }
    | { useValue: MembershipSource }
    | { useFactory: (...args: never[]) => MembershipSource; inject?: Array<InjectionToken> };
  /** Refuses tokens issued before a person signed out everywhere. */
  readonly sessionRevocations?: SessionRevocations;
}

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const source = { provide: MembershipSource, ...options.membershipSource } as Provider;
    return {
      module: AuthModule,
      providers: [
        {
          provide: TokenVerifier,
          useValue: new TokenVerifier(
            options.publicKeyPem,
            { issuer: options.issuer, audience: options.audience },
            options.sessionRevocations,
          ),
        },
        source,
        AuthGuard,
        Authorizer,
      ],
      exports: [TokenVerifier, AuthGuard, Authorizer, MembershipSource],
    };
  }
}

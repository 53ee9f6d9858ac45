import { type DynamicModule, Module } from '@nestjs/common';
import { IdentityRepository } from '@lattice/identity-data-access';
import { BootstrapOperatorUseCase } from './bootstrap-operator/bootstrap-operator.use-case';
import { AcceptInvitationUseCase } from './accept-invitation/accept-invitation.use-case';
import { CreateOrganizationUseCase } from './create-organization/create-organization.use-case';
import { AuthResolver } from './graphql/auth.resolver';
import {
  InvitationResolver,
  MembershipResolver,
  OrganizationResolver,
  UmbrellaJoinRequestResolver,
} from './graphql/organization.resolver';
import { UserResolver } from './graphql/user.resolver';
import { InternalMembershipsController } from './internal-memberships.controller';
import { InternalOrganizationsController } from './internal-organizations.controller';
import { InviteMemberUseCase } from './invite-member/invite-member.use-case';
import { JoinUmbrellaUseCase } from './join-umbrella/join-umbrella.use-case';
import { ListOrganizationsUseCase } from './list-organizations/list-organizations.use-case';
import { LogInUseCase } from './log-in/log-in.use-case';
import { IDENTITY_OPTIONS, type IdentityOptions } from './shared/identity.options';
import { PasswordHasher } from './shared/password-hasher';
import { SessionService } from './shared/session.service';
import { SignUpUseCase } from './sign-up/sign-up.use-case';
import { EmailVerificationLinks } from './shared/email-verification-links';
import { RequestEmailVerificationUseCase } from './request-email-verification/request-email-verification.use-case';
import { VerifyEmailUseCase } from './verify-email/verify-email.use-case';
import { VerifyOrganizationUseCase } from './verify-organization/verify-organization.use-case';
import { ChangePasswordUseCase } from './change-password/change-password.use-case';
import { RequestPasswordResetUseCase } from './request-password-reset/request-password-reset.use-case';
import { ResetPasswordUseCase } from './reset-password/reset-password.use-case';
import { SignOutEverywhereUseCase } from './sign-out-everywhere/sign-out-everywhere.use-case';
import { PasswordResetLinks } from './shared/password-reset-links';
import { RefreshTokens } from './shared/refresh-tokens';
import { SessionsEnded } from './shared/sessions-ended';
import { AuditTrail } from './shared/audit-trail';
import { ManageMembersUseCase } from './manage-members/manage-members.use-case';
import { ReadAuditLogUseCase } from './audit-log/read-audit-log.use-case';
import { AuditRetentionWatch, SweepAuditLogUseCase } from './audit-log/audit-retention';
import { ApiKeysResolver, GovernanceResolver } from './graphql/governance.resolver';
import { ApiKeysUseCase } from './api-keys/api-keys.use-case';
import { InternalApiKeysController } from './api-keys/internal-api-keys.controller';

export const IDENTITY_USE_CASES = [
  SignUpUseCase,
  LogInUseCase,
  CreateOrganizationUseCase,
  InviteMemberUseCase,
  AcceptInvitationUseCase,
  JoinUmbrellaUseCase,
  VerifyOrganizationUseCase,
  ListOrganizationsUseCase,
  BootstrapOperatorUseCase,
  VerifyEmailUseCase,
  RequestEmailVerificationUseCase,
  RequestPasswordResetUseCase,
  ResetPasswordUseCase,
  ChangePasswordUseCase,
  SignOutEverywhereUseCase,
  ManageMembersUseCase,
  ReadAuditLogUseCase,
  SweepAuditLogUseCase,
  ApiKeysUseCase,
];

@Module({})
export class IdentityFeatureModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityFeatureModule,
      controllers: [
        InternalMembershipsController,
        InternalOrganizationsController,
        InternalApiKeysController,
      ],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        IdentityRepository,
        PasswordHasher,
        SessionService,
        EmailVerificationLinks,
        PasswordResetLinks,
        RefreshTokens,
        SessionsEnded,
        AuditTrail,
        ...IDENTITY_USE_CASES,
        AuditRetentionWatch,
        AuthResolver,
        UserResolver,
        OrganizationResolver,
        MembershipResolver,
        InvitationResolver,
        UmbrellaJoinRequestResolver,
        GovernanceResolver,
        ApiKeysResolver,
      ],
      exports: [IdentityRepository, ...IDENTITY_USE_CASES],
    };
  }
}

import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestEmailVerificationUseCase } from '../request-email-verification/request-email-verification.use-case';
import { VerifyEmailUseCase } from '../verify-email/verify-email.use-case';
import { AuthGuard, CurrentPrincipal, OptionalPrincipal, Public, type Principal } from '@lattice/shared-auth';
import { ClientAddress } from '@lattice/shared-rate-limit';
import { IdentityRepository } from '@lattice/identity-data-access';
import { LogInUseCase } from '../log-in/log-in.use-case';
import { ChangePasswordUseCase } from '../change-password/change-password.use-case';
import { RequestPasswordResetUseCase } from '../request-password-reset/request-password-reset.use-case';
import { ResetPasswordUseCase } from '../reset-password/reset-password.use-case';
import { SignOutEverywhereUseCase } from '../sign-out-everywhere/sign-out-everywhere.use-case';
import { RefreshTokens } from '../shared/refresh-tokens';
import { SignUpUseCase } from '../sign-up/sign-up.use-case';
import { SessionService } from '../shared/session.service';
import { IdentityErrors } from '../shared/identity.errors';
import { AuthPayloadModel, toUserModel, UserModel } from './identity.models';
import { SignUpInput } from './identity.inputs';
import { requireHuman } from '../api-keys/api-keys.use-case';

@Resolver(() => AuthPayloadModel)
@UseGuards(AuthGuard)
export class AuthResolver {
  constructor(
    private readonly signUpUseCase: SignUpUseCase,
    private readonly logInUseCase: LogInUseCase,
    private readonly sessions: SessionService,
    private readonly repository: IdentityRepository,
    private readonly verifyEmailUseCase: VerifyEmailUseCase,
    private readonly requestEmailVerificationUseCase: RequestEmailVerificationUseCase,
    private readonly requestPasswordResetUseCase: RequestPasswordResetUseCase,
    private readonly resetPasswordUseCase: ResetPasswordUseCase,
    private readonly changePasswordUseCase: ChangePasswordUseCase,
    private readonly signOutEverywhereUseCase: SignOutEverywhereUseCase,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  @Public()
  @Mutation(() => Boolean, {
    description:
      'E-mails a single-use reset link (30 minutes) when the address has an account. Always true: the answer does not tell whether it has one.',
  })
  async requestPasswordReset(
    @Args('email') email: string,
    @ClientAddress() clientAddress: string,
  ): Promise<boolean> {
    await this.requestPasswordResetUseCase.execute(email, clientAddress);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the token from the reset e-mail, and ends every session of the account. It logs nobody in.',
  })
  async resetPassword(
    @Args('token') token: string,
    @Args('newPassword') newPassword: string,
    @ClientAddress() clientAddress: string,
  ): Promise<boolean> {
    await this.resetPasswordUseCase.execute(token, newPassword, clientAddress);
    return true;
  }

  @Mutation(() => AuthPayloadModel, {
    description:
      'Changes your password (the current one is needed); every other session ends, and this one gets new tokens.',
  })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayloadModel> {
    requireHuman(principal);
    const user = await this.changePasswordUseCase.execute(principal, currentPassword, newPassword);
    return { ...(await this.sessions.sessionFor(user)), user: toUserModel(user) };
  }

  @Mutation(() => Boolean, {
    description:
      'Ends every session of your account, this one included: tokens issued before now are refused everywhere.',
  })
  async signOutEverywhere(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    requireHuman(principal);
    await this.signOutEverywhereUseCase.execute(principal);
    return true;
  }

  @Public()
  @Mutation(() => UserModel, {
    description:
      'Proves the address with the token from the verification e-mail. It logs nobody in; a signed-in user calls refreshToken for a token that says the address is verified.',
  })
  async verifyEmail(
    @Args('token') token: string,
    @ClientAddress() clientAddress: string,
  ): Promise<UserModel> {
    return toUserModel(await this.verifyEmailUseCase.execute(token, clientAddress));
  }

  @Mutation(() => UserModel, {
    description: 'Sends a new verification e-mail to your address (at most one a minute).',
  })
  async requestEmailVerification(
    @CurrentPrincipal() principal: Principal,
    @ClientAddress() clientAddress: string,
  ): Promise<UserModel> {
    requireHuman(principal);
    return toUserModel(await this.requestEmailVerificationUseCase.execute(principal, clientAddress));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Create an account; returns a session token.' })
  async signUp(
    @Args('input') input: SignUpInput,
    @ClientAddress() clientAddress: string,
  ): Promise<AuthPayloadModel> {
    const { token, refreshToken, user } = await this.signUpUseCase.execute(input, clientAddress);
    return { token, refreshToken, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  async logIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @ClientAddress() clientAddress: string,
  ): Promise<AuthPayloadModel> {
    const { token, refreshToken, user } = await this.logInUseCase.execute(email, password, clientAddress);
    return { token, refreshToken, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description:
      'A fresh access token carrying your current memberships. With `refreshToken`, no session is needed: the refresh token is spent and a new one returned (reusing a spent one ends its family). Without it, your current token authenticates.',
  })
  async refreshToken(
    @OptionalPrincipal() principal: Principal | null,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken: string | null,
  ): Promise<AuthPayloadModel> {
    if (refreshToken) {
      const rotated = await this.refreshTokens.rotate(refreshToken);
      return {
        token: await this.sessions.tokenFor(rotated.user),
        refreshToken: rotated.refreshToken,
        user: toUserModel(rotated.user),
      };
    }
    if (!principal) throw IdentityErrors.of('REFRESH_TOKEN_INVALID', 'Log in to do this.');
    requireHuman(principal);
    const [user] = await this.repository.usersByIds([principal.userId]);
    if (!user) throw IdentityErrors.of('USER_NOT_FOUND', 'Your account no longer exists.');
    return { token: await this.sessions.tokenFor(user), user: toUserModel(user) };
  }
}

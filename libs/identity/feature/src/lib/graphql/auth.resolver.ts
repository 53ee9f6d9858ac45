import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestEmailVerificationUseCase } from '../request-email-verification/request-email-verification.use-case';
import { VerifyEmailUseCase } from '../verify-email/verify-email.use-case';
import { AuthGuard, CurrentPrincipal, Public, type Principal } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';
import { LogInUseCase } from '../log-in/log-in.use-case';
import { SignUpUseCase } from '../sign-up/sign-up.use-case';
import { SessionService } from '../shared/session.service';
import { IdentityErrors } from '../shared/identity.errors';
import { AuthPayloadModel, toUserModel, UserModel } from './identity.models';
import { SignUpInput } from './identity.inputs';

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
  ) {}

  @Public()
  @Mutation(() => UserModel, {
    description: 'Proves the address with the token from the verification e-mail. It logs nobody in; a signed-in user calls refreshToken for a token that says the address is verified.',
  })
  async verifyEmail(@Args('token') token: string): Promise<UserModel> {
    return toUserModel(await this.verifyEmailUseCase.execute(token));
  }

  @Mutation(() => UserModel, { description: 'Sends a new verification e-mail to your address (at most one a minute).' })
  async requestEmailVerification(@CurrentPrincipal() principal: Principal): Promise<UserModel> {
    return toUserModel(await this.requestEmailVerificationUseCase.execute(principal));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Create an account; returns a session token.' })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayloadModel> {
    const { token, user } = await this.signUpUseCase.execute(input);
    return { token, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  async logIn(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    const { token, user } = await this.logInUseCase.execute(email, password);
    return { token, user: toUserModel(user) };
  }

  @Mutation(() => AuthPayloadModel, { description: 'A fresh token carrying your current memberships.' })
  async refreshToken(@CurrentPrincipal() principal: Principal): Promise<AuthPayloadModel> {
    const [user] = await this.repository.usersByIds([principal.userId]);
    if (!user) throw IdentityErrors.of('USER_NOT_FOUND', 'Your account no longer exists.');
    return { token: await this.sessions.tokenFor(user), user: toUserModel(user) };
  }
}

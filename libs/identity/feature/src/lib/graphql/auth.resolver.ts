import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthGuard, CurrentPrincipal, Public, type Principal } from '@lattice/shared-auth';
import { IdentityRepository } from '@lattice/identity-data-access';
import { LogInUseCase } from '../log-in/log-in.use-case';
import { SignUpUseCase } from '../sign-up/sign-up.use-case';
import { SessionService } from '../shared/session.service';
import { IdentityErrors } from '../shared/identity.errors';
import { AuthPayloadModel, toUserModel } from './identity.models';
import { SignUpInput } from './identity.inputs';

@Resolver(() => AuthPayloadModel)
@UseGuards(AuthGuard)
export class AuthResolver {
  constructor(
    private readonly signUpUseCase: SignUpUseCase,
    private readonly logInUseCase: LogInUseCase,
    private readonly sessions: SessionService,
    private readonly repository: IdentityRepository,
  ) {}

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

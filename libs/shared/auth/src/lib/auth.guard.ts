// The guard every resolver carries. It verifies the bearer token and puts the principal on the
// request; handlers marked @Public() also run without one (and still see a valid one if sent).
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CommonErrors } from '@lattice/shared-util-errors';
import type { Principal } from './principal';
import { TokenVerifier } from './tokens';

const PUBLIC_KEY = 'lattice:public';
/** Marks a query or mutation as open to anonymous callers (signUp, logIn, verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

export function bearerToken(request: AuthenticatedRequest): string | null {
  const header = request.headers['authorization'];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(value.trim());
  return match ? match[1]! : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic =
      this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]) ??
      false;
    const request = requestOf(context);
    if (request.principal) return true;
    const token = bearerToken(request);
    if (!token) {
      if (isPublic) return true;
      throw CommonErrors.of('UNAUTHENTICATED', 'Log in to do this.');
    }
    try {
      request.principal = await this.verifier.verify(token);
    } catch (error) {
      if (!isPublic) throw error;
    }
    return true;
  }
}

/** The verified caller; only on handlers behind AuthGuard that are not @Public. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = requestOf(context).principal;
    if (!principal) throw CommonErrors.of('UNAUTHENTICATED', 'Log in to do this.');
    return principal;
  },
);

/** The caller when there is one, for @Public handlers that personalize. */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | null => requestOf(context).principal ?? null,
);

// The client's address as the service sees it. Express computes `req.ip` from X-Forwarded-For
// only through the proxies the app trusts (TRUST_PROXY); otherwise it is the socket's peer.
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { env } from '@lattice/shared-util-config';

interface RequestWithAddress {
  ip?: string;
  socket?: { remoteAddress?: string };
}

export function clientAddressOf(request: RequestWithAddress | undefined): string {
  const address = request?.ip ?? request?.socket?.remoteAddress ?? 'unknown';
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; count it once.
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** The caller's address in a resolver or controller. */
export const ClientAddress = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req?: RequestWithAddress }>().req
      : context.switchToHttp().getRequest<RequestWithAddress>();
  return clientAddressOf(request);
});

/**
 * Express's `trust proxy` from TRUST_PROXY: unset or `false` trusts nobody; a number trusts that
 * many hops; otherwise a comma-separated list of addresses, CIDR ranges, or `loopback`,
 * `linklocal`, `uniquelocal`. `true` (trust anyone) is refused: any client could choose its address.
 */
export const trustProxyEnv = (fallback: string) =>
  env.custom<false | number | string>(
    'false, a hop count, or addresses / CIDR ranges / loopback, linklocal, uniquelocal (comma-separated)',
    (raw) => {
      const value = raw.trim();
      if (/^(false|0|no|off)$/i.test(value)) return false;
      if (/^\d{1,2}$/.test(value)) return Number(value);
      if (/^(true|yes|on)$/i.test(value))
        throw new Error('"true" would trust any client to choose its address; name the proxies instead');
      if (!/^[0-9A-Za-z.:/,\s]+$/.test(value))
        throw new Error(`"${value}" is not a list of addresses or ranges`);
      return value;
    },
    { default: fallback === 'false' ? false : fallback },
  );

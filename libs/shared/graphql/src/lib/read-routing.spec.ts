import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of, defer } from 'rxjs';
import { readScope, type ReadReplicas } from '@lattice/shared-data-access';
import { ReadRoutingInterceptor, readReplicasFrom } from './read-routing';

function graphqlContext(operation: 'query' | 'mutation', userId?: string, nested = false): ExecutionContext {
  const info = {
    operation: { operation },
    path: nested ? { prev: { key: 'parent' }, key: 'child' } : { prev: undefined, key: 'root' },
  };
  const args = [{}, {}, { req: { headers: {}, principal: userId ? { userId } : undefined } }, info];
  return {
    getType: () => 'graphql',
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    getClass: () => Object,
    getHandler: () => () => undefined,
  } as unknown as ExecutionContext;
}

function httpContext(method: string): ExecutionContext {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ method }) }),
  } as unknown as ExecutionContext;
}

/** A handler that reports the read scope it ran in (Nest calls it when handle() is subscribed). */
const scopeSeen: CallHandler = { handle: () => defer(() => of(readScope.getStore() ?? null)) };

describe('ReadRoutingInterceptor', () => {
  const recorded: string[] = [];
  const replicas = {
    recordWrite: async (caller: string) => void recorded.push(caller),
  } as unknown as ReadReplicas;
  const interceptor = new ReadRoutingInterceptor(replicas);
  beforeEach(() => (recorded.length = 0));

  it("runs a query's root field in a read scope for its caller", async () => {
    expect(await lastValueFrom(interceptor.intercept(graphqlContext('query', 'u-1'), scopeSeen))).toEqual({
      caller: 'u-1',
    });
    expect(await lastValueFrom(interceptor.intercept(graphqlContext('query'), scopeSeen))).toEqual({
      caller: undefined,
    });
    expect(recorded).toEqual([]);
  });

  it('opens no scope below the root, nor for a mutation (its reads stay on the primary)', async () => {
    expect(
      await lastValueFrom(interceptor.intercept(graphqlContext('query', 'u-1', true), scopeSeen)),
    ).toBeNull();
    expect(
      await lastValueFrom(interceptor.intercept(graphqlContext('mutation', 'u-1'), scopeSeen)),
    ).toBeNull();
  });

  it("records the caller's write fence after a mutation, also when it failed, and none for an anonymous one", async () => {
    await lastValueFrom(interceptor.intercept(graphqlContext('mutation', 'u-2'), scopeSeen));
    const failing: CallHandler = { handle: () => defer(() => Promise.reject(new Error('conflict'))) };
    await expect(
      lastValueFrom(interceptor.intercept(graphqlContext('mutation', 'u-3'), failing)),
    ).rejects.toThrow('conflict');
    await lastValueFrom(interceptor.intercept(graphqlContext('mutation'), scopeSeen));
    expect(recorded).toEqual(['u-2', 'u-3']);
  });

  it('reads account-free GET documents in an anonymous scope, and nothing else over HTTP', async () => {
    expect(await lastValueFrom(interceptor.intercept(httpContext('GET'), scopeSeen))).toEqual({});
    expect(await lastValueFrom(interceptor.intercept(httpContext('POST'), scopeSeen))).toBeNull();
  });
});

describe('readReplicasFrom', () => {
  const base = { DATABASE_REPLICA_MAX_LAG_MS: 5000, REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'p' };
  it('is undefined without replica URLs, and lists them trimmed otherwise', () => {
    expect(readReplicasFrom({ ...base }, 'marketplace')).toBeUndefined();
    expect(readReplicasFrom({ ...base, DATABASE_REPLICA_URLS: ' , ' }, 'marketplace')).toBeUndefined();
    expect(
      readReplicasFrom({ ...base, DATABASE_REPLICA_URLS: 'postgres://a/db, postgres://b/db' }, 'marketplace'),
    ).toMatchObject({
      urls: ['postgres://a/db', 'postgres://b/db'],
      maxLagMs: 5000,
      service: 'marketplace',
    });
  });
});

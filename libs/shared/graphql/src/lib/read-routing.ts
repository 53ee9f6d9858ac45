// Read replicas in a subgraph (DATABASE_REPLICA_URLS): opens them for the service's primary data
// source and, around every GraphQL operation, says what its reads may do — a query's reads may go
// to a replica that has the caller's last write (`readScope`), a mutation records the caller's
// write fence once it is done. Repositories opt single reads in with `readFromReplica`
// (libs/shared/data-access/src/lib/read-replicas.ts, which explains the rules). Without replica
// URLs this module adds nothing.
import {
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  Inject,
  Injectable,
  Module,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '@lattice/shared-auth';
import { ReadReplicas, RedisWriteFences, readScope, type FenceRedis } from '@lattice/shared-data-access';
import { createRedisClient } from '@lattice/shared-redis';

export interface ReadReplicaSettings {
  readonly urls: readonly string[];
  readonly maxLagMs: number;
  /** Where write fences are shared between every process (one Redis). */
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly service: string;
}

/** The settings from a service's environment; undefined when no replica is configured. */
export function readReplicasFrom(
  config: {
    readonly DATABASE_REPLICA_URLS?: string;
    readonly DATABASE_REPLICA_MAX_LAG_MS: number;
    readonly REDIS_URL: string;
    readonly REDIS_PREFIX: string;
  },
  service: string,
): ReadReplicaSettings | undefined {
  const urls = (config.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (urls.length === 0) return undefined;
  return {
    urls,
    maxLagMs: config.DATABASE_REPLICA_MAX_LAG_MS,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    service,
  };
}

/** The caller a read must be consistent for: the verified principal's id. */
function callerOf(request: AuthenticatedRequest | undefined): string | undefined {
  return request?.principal?.userId;
}

@Injectable()
export class ReadRoutingInterceptor implements NestInterceptor {
  constructor(@Inject(ReadReplicas) private readonly replicas: ReadReplicas) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() === 'http') {
      // Account-free GET documents (catalogue pages, the sitemap) read like anonymous queries.
      const method = context.switchToHttp().getRequest<{ method?: string }>().method;
      if (method !== 'GET' && method !== 'HEAD') return next.handle();
      return new Observable((subscriber) => readScope.run({}, () => next.handle().subscribe(subscriber)));
    }
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const request = gql.getContext<{ req?: AuthenticatedRequest }>().req;
    // Only the operation's root fields open a scope; fields below run inside it.
    if (info.path.prev !== undefined) return next.handle();
    const operation = info.operation.operation;
    if (operation === 'query') {
      const scope = { caller: callerOf(request) };
      // handle() is called inside the scope: Nest binds the handler to the async context it is called in.
      return new Observable((subscriber) => readScope.run(scope, () => next.handle().subscribe(subscriber)));
    }
    if (operation === 'mutation') {
      return from(this.afterWrite(request, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
    }
    return next.handle();
  }

  /** Runs the mutation, then raises the caller's fence — also when it failed, as it may have written. */
  private async afterWrite<T>(
    request: AuthenticatedRequest | undefined,
    mutation: () => Promise<T>,
  ): Promise<T> {
    try {
      return await mutation();
    } finally {
      // The caller is read after the guard ran (a log-in or sign-up has none: its writes are not a session's).
      const caller = callerOf(request);
      if (caller) await this.replicas.recordWrite(caller);
    }
  }
}

@Injectable()
class ReadReplicasLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(ReadReplicas) private readonly replicas: ReadReplicas,
    @Inject('LATTICE_FENCE_REDIS') private readonly redis: { quit(): Promise<unknown> },
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.replicas.close();
    await this.redis.quit().catch(() => undefined);
  }
}

@Module({})
export class ReadRoutingModule {
  static forRoot(settings: ReadReplicaSettings | undefined, poolSize?: number): DynamicModule {
    if (!settings) return { module: ReadRoutingModule };
    return {
      module: ReadRoutingModule,
      providers: [
        {
          provide: 'LATTICE_FENCE_REDIS',
          useFactory: () =>
            createRedisClient({ url: settings.redisUrl }, { name: `${settings.service}-read-fences` }),
        },
        {
          provide: ReadReplicas,
          useFactory: (primary: DataSource, redis: FenceRedis) =>
            new ReadReplicas(primary, {
              urls: settings.urls,
              maxLagMs: settings.maxLagMs,
              poolSize,
              fences: new RedisWriteFences(redis, settings.redisPrefix),
            }).start(),
          inject: [DataSource, 'LATTICE_FENCE_REDIS'],
        },
        ReadReplicasLifecycle,
        { provide: APP_INTERCEPTOR, useClass: ReadRoutingInterceptor },
      ],
    };
  }
}

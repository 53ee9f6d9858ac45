import { type DynamicModule, Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { createRedisClient, type RedisClient, type RedisTarget } from '@lattice/shared-redis';
import { RateLimiter } from './rate-limiter';
import type { RateLimitRules } from './rate-limit.rules';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

export interface RateLimitModuleOptions {
  /** One Redis or a Cluster (redisTargetFrom(config)); null: in-process counters only. */
  readonly redis: RedisTarget | null;
  readonly prefix: string;
  readonly rules: RateLimitRules;
  readonly name: string;
}

/** Gives a service its RateLimiter (Redis, with the in-process insurance). */
@Global()
@Module({})
export class RateLimitModule implements OnModuleDestroy {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: RedisClient | null) {}

  static forRoot(options: RateLimitModuleOptions): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RATE_LIMIT_REDIS,
          useFactory: () =>
            options.redis
              ? createRedisClient(options.redis, { name: `${options.name}-rate-limits`, mode: 'fail-fast' })
              : null,
        },
        {
          provide: RateLimiter,
          useFactory: (redis: RedisClient | null) =>
            new RateLimiter({ redis, prefix: options.prefix, rules: options.rules }),
          inject: [RATE_LIMIT_REDIS],
        },
      ],
      exports: [RateLimiter],
    };
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}

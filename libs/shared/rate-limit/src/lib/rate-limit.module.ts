import { type DynamicModule, Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createRedisClient } from './redis-client';
import { RateLimiter } from './rate-limiter';
import type { RateLimitRules } from './rate-limit.rules';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

export interface RateLimitModuleOptions {
  /** Null: in-process counters only. */
  readonly redisUrl: string | null;
  readonly prefix: string;
  readonly rules: RateLimitRules;
  readonly name: string;
}

/** Gives a service its RateLimiter (Redis, with the in-process insurance). */
@Global()
@Module({})
export class RateLimitModule implements OnModuleDestroy {
  constructor(@Inject(RATE_LIMIT_REDIS) private readonly redis: Redis | null) {}

  static forRoot(options: RateLimitModuleOptions): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [
        {
          provide: RATE_LIMIT_REDIS,
          useFactory: () =>
            options.redisUrl
              ? createRedisClient(options.redisUrl, { name: `${options.name}-rate-limits` })
              : null,
        },
        {
          provide: RateLimiter,
          useFactory: (redis: Redis | null) =>
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

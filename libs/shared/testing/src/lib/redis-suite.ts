import { redisAnswersSync, redisRequired } from './redis';

/**
 * `describe` for suites that need Redis: skipped (and reported as skipped) without it, unless
 * REQUIRE_REDIS=1, where the suite runs and fails loudly.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisAnswersSync() || redisRequired()) describe(name, body);
  else describe.skip(`${name} (skipped: no Redis; REQUIRE_REDIS=1 makes this fail instead)`, body);
}

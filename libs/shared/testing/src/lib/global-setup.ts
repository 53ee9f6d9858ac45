// Integration suites share one freshly created database; each suite migrates the schemas it
// needs (migrations take an advisory lock, so parallel suites are safe).
import { recreateDatabase, testDatabaseUrl } from './test-database';
import { redisAnswers, redisRequired, testRedisUrl } from './redis';

export default async function globalSetup(): Promise<void> {
  const url = testDatabaseUrl('int');
  await recreateDatabase(url);
  process.env['LATTICE_INT_DATABASE_URL'] = url;
  const redis = await redisAnswers();
  if (!redis && redisRequired()) {
    throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${testRedisUrl()}`);
  }
  if (!redis)
    console.warn(`\n[integration] no Redis at ${testRedisUrl()}: Redis suites will report skipped\n`);
}

import { startGateway } from '@lattice/gateway-feature';
import { RateLimiter, rateLimitRulesFrom } from '@lattice/shared-rate-limit';
import { createRedisClient, redisTargetFrom } from '@lattice/shared-redis';
import { loadGatewayEnv } from './config';

async function main(): Promise<void> {
  const config = loadGatewayEnv();
  await startGateway({
    port: config.PORT,
    host: config.HOST,
    supergraphPath: config.SUPERGRAPH_PATH,
    subgraphUrls: {
      identity: config.IDENTITY_URL,
      marketplace: config.MARKETPLACE_URL,
      credentials: config.CREDENTIALS_URL,
      notifications: config.NOTIFICATIONS_URL,
      evidence: config.EVIDENCE_URL,
    },
    introspection: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
    bodyLimit: config.REQUEST_BODY_LIMIT,
    limits: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxCost: config.GRAPHQL_MAX_COST,
      defaultListSize: 20,
    },
    webRoot: config.WEB_ROOT,
    rateLimiter: new RateLimiter({
      redis: createRedisClient(redisTargetFrom(config), { name: 'gateway-rate-limits', mode: 'fail-fast' }),
      prefix: config.REDIS_PREFIX,
      rules: rateLimitRulesFrom(config),
    }),
    trustProxy: config.TRUST_PROXY,
    directFetch: config.GATEWAY_DIRECT_FETCH,
    apiKeyExchangeUrl: new URL('/internal/api-keys/exchange', config.IDENTITY_URL).toString(),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

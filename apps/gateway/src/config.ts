import { resolve } from 'node:path';
import { env, loadEnv, serviceEnv } from '@lattice/shared-util-config';
import { rateLimitEnv, trustProxyEnv } from '@lattice/shared-rate-limit';

export const gatewayEnvSchema = {
  ...serviceEnv(4000),
  SUPERGRAPH_PATH: env.string({ default: resolve(process.cwd(), 'apps/gateway/supergraph.graphql') }),
  IDENTITY_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4001/graphql' }),
  MARKETPLACE_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4002/graphql' }),
  CREDENTIALS_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4003/graphql' }),
  NOTIFICATIONS_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4004/graphql' }),
  EVIDENCE_URL: env.url(['http', 'https'], { default: 'http://127.0.0.1:4006/graphql' }),
  GRAPHQL_INTROSPECTION: env.bool({ optional: true }),
  GRAPHQL_MAX_DEPTH: env.int({ default: 12, min: 2, max: 50 }),
  GRAPHQL_MAX_ALIASES: env.int({ default: 30, min: 0, max: 500 }),
  GRAPHQL_MAX_COST: env.int({ default: 20_000, min: 10 }),
  REQUEST_BODY_LIMIT: env.string({ default: '200kb' }),
  /** Queries one subgraph answers in one fetch go straight to it once Apollo has planned them (direct-fetch.ts). */
  GATEWAY_DIRECT_FETCH: env.bool({ default: true }),
  // The web app's build output; main.js runs from dist/apps/gateway/src, the app sits in dist/apps/web.
  WEB_ROOT: env.string({ default: resolve(__dirname, '../../web') }),
  ...rateLimitEnv,
  /** The gateway faces clients: trust X-Forwarded-For only from the load balancer(s) named here. */
  TRUST_PROXY: trustProxyEnv('false'),
};

export const loadGatewayEnv = () => loadEnv(gatewayEnvSchema);

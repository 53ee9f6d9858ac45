// The public GraphQL API: Apollo Gateway over the supergraph composed at build time, hardened
// for the open internet (operation limits, CSRF prevention, no batching, error masking, body
// size limit, introspection by configuration), plus the public REST paths passed through.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { clientAddressOf, type RateLimiter } from '@lattice/shared-rate-limit';
import { answeringBodyErrors, jsonErrorHandler } from '@lattice/shared-util-errors';
import type { DestinationStream } from 'pino';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  currentRequestId,
  initObservability,
  logger,
  metricsEndpoint,
  observeHttp,
  REQUEST_ID_HEADER,
  traceCarrier,
} from '@lattice/shared-util-observability';
import { formatGatewayError } from './gateway-error';
import { addressLimit, requestBudget, retryAfterPlugin } from './rate-limits';
import { apiKeyExchange } from './api-keys';
import { operationLimitsRule, type OperationLimits } from './operation-limits';
import { directFetch } from './direct-fetch';
import { proxyTo } from './public-proxy';
import { subgraphFetcher } from './subgraph-fetcher';
import { webApp } from './web-app';
import { cataloguePrerender } from './catalogue-prerender';
import { awardPrerender, firstPrerender } from './award-prerender';

export interface GatewayOptions {
  readonly port: number;
  readonly host: string;
  readonly supergraphPath: string;
  /** Subgraph name → its GraphQL URL; overrides the routing URLs baked into the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly introspection: boolean;
  readonly bodyLimit: string;
  readonly limits: OperationLimits;
  /** The built web app (index.html and assets/), served at `/`; skipped when absent. */
  readonly webRoot?: string;
  /** Abuse limits (request budgets, POST /verify); absent: none (tests of other parts). */
  readonly rateLimiter?: RateLimiter;
  /** identity's API key exchange (POST /internal/api-keys/exchange); absent: `lat_` keys are not accepted. */
  readonly apiKeyExchangeUrl?: string;
  /** Express's `trust proxy`: whose X-Forwarded-For names the client; default nobody. */
  readonly trustProxy?: false | number | string;
  /** Where logs and spans go (tests capture them); stdout and OTEL_TRACES_EXPORTER by default. */
  /** Single-subgraph queries straight to their subgraph (see direct-fetch.ts); default on. */
  readonly directFetch?: boolean;
  readonly observability?: {
    readonly logDestination?: DestinationStream;
    readonly traceExporter?: SpanExporter;
  };
}

interface GatewayContext {
  req: Request;
}

/** What every subgraph request carries from the client's request. */
function forwardedHeaders(incoming: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  const authorization = incoming.headers['authorization'];
  if (typeof authorization === 'string') headers['authorization'] = authorization;
  // The request id observeHttp took or made, and the trace this fetch belongs to.
  const requestId = currentRequestId();
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  Object.assign(headers, traceCarrier());
  // The client's address as the gateway established it; subgraphs trust it from the gateway only.
  headers['x-forwarded-for'] = clientAddressOf(incoming);
  return headers;
}

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const incoming = (context as Partial<GatewayContext>).req;
    if (!incoming) return;
    for (const [name, value] of Object.entries(forwardedHeaders(incoming)))
      request.http?.headers.set(name, value);
  }
}

export interface RunningGateway {
  readonly server: Server;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  initObservability({ service: 'gateway', ...options.observability });
  const supergraphSdl = readFileSync(options.supergraphPath, 'utf8');
  const direct = options.directFetch === false ? null : directFetch(options.subgraphUrls, forwardedHeaders);
  const gateway = new ApolloGateway({
    supergraphSdl,
    ...(direct ? { experimental_didResolveQueryPlan: direct.learn } : {}),
    buildService: ({ name, url }) =>
      new ForwardingDataSource({ url: options.subgraphUrls[name] ?? url, fetcher: subgraphFetcher as never }),
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  // First: the request id, the server span and the request metrics wrap everything after.
  app.use(observeHttp());
  app.get('/metrics', metricsEndpoint());
  const httpServer = createServer(app);
  // Idle keep-alive connections stay open longer than a client's or load balancer's own idle
  // timeout, so a client never writes a request onto a socket the gateway is closing.
  httpServer.keepAliveTimeout = 65_000;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: [operationLimitsRule(options.limits)],
    // With introspection off, error messages carry no "Did you mean …" hints at the schema.
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, { schemaHints: options.introspection }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      retryAfterPlugin,
    ],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/health/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const answer = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(1_000) });
          return { name, ok: answer.ok };
        } catch {
          return { name, ok: false };
        }
      }),
    );
    const ok = checks.every((check) => check.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  });

  const credentialsUrl = options.subgraphUrls['credentials'];
  if (credentialsUrl) {
    const publicJson = answeringBodyErrors(express.json({ limit: options.bodyLimit }));
    app.get(
      [
        '/credentials/:awardId',
        '/status-lists/:id',
        '/issuers/:orgId',
        '/sitemap.xml',
        '/ctdl/credentials',
        '/ctdl/credentials/:credentialId',
        '/achievements/:credentialId/badge.svg',
      ],
      proxyTo(credentialsUrl),
    );
    const verifyLimits = options.rateLimiter
      ? [requestBudget(options.rateLimiter), addressLimit(options.rateLimiter, 'VERIFY_ADDRESS')]
      : [];
    app.post('/verify', ...verifyLimits, publicJson, proxyTo(credentialsUrl));
  }

  if (options.rateLimiter) app.use('/graphql', requestBudget(options.rateLimiter));
  if (options.apiKeyExchangeUrl)
    app.use('/graphql', apiKeyExchange({ exchangeUrl: options.apiKeyExchangeUrl }));
  app.use(
    '/graphql',
    answeringBodyErrors(express.json({ limit: options.bodyLimit })),
    ...(direct ? [direct.handle] : []),
    expressMiddleware(apollo, { context: async ({ req }) => ({ req }) }),
  );

  const web = options.webRoot
    ? webApp(
        options.webRoot,
        credentialsUrl
          ? firstPrerender(cataloguePrerender(credentialsUrl), awardPrerender(credentialsUrl))
          : undefined,
      )
    : null;
  if (web) app.use(web);
  else if (options.webRoot)
    logger('gateway').warn(`web app not built (${options.webRoot}): only the API is served`);
  // Last: any error a route passed on is answered as JSON, never Express's HTML page with a stack.
  app.use(jsonErrorHandler((line) => logger('gateway').error(line)));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}/graphql`;
  logger('gateway').info(`gateway listening on ${url}`);
  return {
    server: httpServer,
    url,
    async stop() {
      await apollo.stop();
    },
  };
}

// What every subgraph shares: Federation 2 schema built from code, the error mapper, a request
// context with DataLoaders, input validation, health endpoints, and a bootstrap that closes the
// app if it fails to start (a half-started app keeps test runners alive).
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Logger, type INestApplication } from '@nestjs/common';
import {
  initObservability,
  logger as rootLogger,
  metricsEndpoint,
  nestLogger,
  observeHttp,
  type ObservabilityOptions,
} from '@lattice/shared-util-observability';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import { answeringBodyErrors } from '@lattice/shared-util-errors';
import { formatGraphQLError } from './format-error';
import { inputRulesPlugin } from './input-rules';
import { LoaderRegistry } from './loaders';
import { inputValidationPipe } from './validation';

export function subgraphGraphQLModule(): DynamicModule {
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    graphiql: false,
    // Subgraphs are internal; the gateway decides what the public may introspect.
    introspection: true,
    context: ({ req }: { req: unknown }) => ({ req, loaders: new LoaderRegistry() }),
    formatError: formatGraphQLError,
    // Traces are for Apollo's hosted studio, and cache hints for @cacheControl, neither of which
    // Lattice uses; both cost every request (the cache-control hook runs once per resolved field).
    // The input rules (control characters, real date-times) run on every operation's arguments.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputRulesPlugin(),
    ],
    buildSchemaOptions: { dateScalarMode: 'isoDate', noDuplicatedFields: true },
  });
}

export interface ServiceBootOptions {
  readonly name: string;
  readonly port: number;
  readonly host?: string;
  readonly bodyLimit?: string;
  /** Express's `trust proxy`: whose X-Forwarded-For gives the client address (`req.ip`); default nobody. */
  readonly trustProxy?: false | number | string;
  /** Runs after the app is built and before it takes traffic (first-start bootstrap). */
  readonly beforeListen?: (app: INestApplication) => Promise<void>;
  /** Where logs and spans go (tests capture them); stdout and OTEL_TRACES_EXPORTER by default. */
  readonly observability?: Omit<ObservabilityOptions, 'service'>;
}

export async function bootstrapService(
  rootModule: Parameters<typeof NestFactory.create>[0],
  options: ServiceBootOptions,
): Promise<INestApplication> {
  // Logs, metrics and traces: every service gets them here, in one place.
  initObservability({ service: options.name, ...options.observability });
  const logger = new Logger(options.name);
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(rootModule, {
      bodyParser: false,
      logger: nestLogger(),
    });
    // First: the request id, the server span and the request metrics wrap everything after.
    app.use(observeHttp());
    app.getHttpAdapter().get('/metrics', metricsEndpoint() as never);
    // A body that cannot be read is answered as typed JSON (Express would send an HTML page).
    app.use(answeringBodyErrors(json({ limit: options.bodyLimit ?? '1mb' })));
    app.set('trust proxy', options.trustProxy ?? false);
    app.useGlobalPipes(inputValidationPipe());
    app.enableShutdownHooks();
    await app.init();
    await options.beforeListen?.(app);
    await app.listen(options.port, options.host ?? '127.0.0.1');
    logger.log(`${options.name} listening on http://${options.host ?? '127.0.0.1'}:${options.port}`);
    return app;
  } catch (error) {
    await app?.close().catch(() => undefined);
    throw error;
  }
}

/** Entry point helper: boots, and on failure prints why and exits non-zero. */
export function runService(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    rootLogger().fatal({ err: error }, error instanceof Error ? error.message : String(error));
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

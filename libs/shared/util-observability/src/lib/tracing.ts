// OpenTelemetry traces across gateway → subgraph → outbox → job. Spans are created by hand at
// those four crossings (and by Apollo Gateway's own instrumentation), and the W3C `traceparent`
// travels in HTTP headers and in each event's metadata. Off by default: without an exporter no
// provider is registered and every span is a no-op, so tracing costs nothing unless asked for.
//   OTEL_TRACES_EXPORTER=otlp     → OTLP over HTTP (OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318)
//   OTEL_TRACES_EXPORTER=console  → spans printed as JSON lines
import {
  context,
  propagation,
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

export type TraceCarrier = Record<string, string>;

let provider: BasicTracerProvider | undefined;
let propagationReady = false;

function ensurePropagation(): void {
  if (propagationReady) return;
  propagationReady = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

export interface TracingOptions {
  readonly service: string;
  /** An exporter given in code (tests: InMemorySpanExporter) wins over OTEL_TRACES_EXPORTER. */
  readonly exporter?: SpanExporter;
  readonly env?: NodeJS.ProcessEnv;
}

export function initTracing(options: TracingOptions): void {
  ensurePropagation();
  if (provider) return;
  const exporter = options.exporter ?? exporterFromEnv(options.env ?? process.env);
  if (!exporter) return;
  provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  trace.setGlobalTracerProvider(provider);
}

function exporterFromEnv(env: NodeJS.ProcessEnv): SpanExporter | undefined {
  const kind = (env['OTEL_TRACES_EXPORTER'] ?? 'none').trim().toLowerCase();
  if (kind === 'none' || kind === '') return undefined;
  if (kind === 'console') return new ConsoleSpanExporter();
  if (kind === 'otlp') {
    // Loaded only when asked for: the OTLP exporter pulls in its transport.
    const { OTLPTraceExporter } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter();
  }
  throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none (got "${kind}")`);
}

/** Flushes and stops the exporter (graceful shutdown, tests). */
export async function shutdownTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  if (!current) return;
  await current.shutdown();
  trace.disable();
}

export function tracingEnabled(): boolean {
  return provider !== undefined;
}

const tracer = () => trace.getTracer('lattice');

/** The W3C trace headers of the active span, to put on an outgoing request or an event. */
export function traceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

export function contextFrom(carrier: Readonly<Record<string, unknown>> | undefined): Context {
  ensurePropagation();
  if (!carrier) return context.active();
  return propagation.extract(context.active(), carrier, {
    get: (from, key) => {
      const value = from[key];
      return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] as string) : undefined;
    },
    keys: (from) => Object.keys(from),
  });
}

export interface SpanOptions {
  readonly kind?: 'server' | 'client' | 'consumer' | 'producer' | 'internal';
  readonly attributes?: Attributes;
  /** The trace this span continues (HTTP headers or an event's metadata). */
  readonly parent?: Readonly<Record<string, unknown>>;
}

const KINDS = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  consumer: SpanKind.CONSUMER,
  producer: SpanKind.PRODUCER,
  internal: SpanKind.INTERNAL,
};

/** Runs `work` inside a new span, ended when it settles; a thrown error marks the span failed. */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ? contextFrom(options.parent) : context.active();
  const span = tracer().startSpan(
    name,
    { kind: KINDS[options.kind ?? 'internal'], attributes: options.attributes },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Starts a span for work that ends elsewhere (an HTTP response's 'finish'); the caller ends it. */
export function startSpan(name: string, options: SpanOptions): { span: Span; context: Context } {
  const parent = options.parent ? contextFrom(options.parent) : context.active();
  const span = tracer().startSpan(
    name,
    { kind: KINDS[options.kind ?? 'internal'], attributes: options.attributes },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

export function runInContext<T>(active: Context, work: () => T): T {
  return context.with(active, work);
}

export function recordFailure(span: Span | undefined, error: unknown): void {
  if (!span) return;
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** The active span, to mark an error answered as INTERNAL_SERVER_ERROR on it. */
export function activeSpan(): Span | undefined {
  return trace.getActiveSpan();
}

export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  // An unsampled, non-recording context still carries the caller's trace id: keep it in logs.
  if (!traceId || /^0+$/.test(traceId)) return undefined;
  void traceFlags;
  return { traceId, spanId };
}

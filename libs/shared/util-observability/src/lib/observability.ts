// One call per process: `initObservability({ service: 'marketplace' })` sets up its JSON logger,
// its metrics registry and (when an exporter is configured) its traces. Every Nest service gets
// it through bootstrapService; the gateway calls it in startGateway.
import type { DestinationStream, Logger } from 'pino';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { initLogging } from './logger';
import { initMetrics } from './metrics';
import { initTracing } from './tracing';

export interface ObservabilityOptions {
  readonly service: string;
  readonly logDestination?: DestinationStream;
  readonly logLevel?: string;
  readonly traceExporter?: SpanExporter;
}

let initialized: string | undefined;

export function initObservability(options: ObservabilityOptions): Logger {
  // Tests boot several services in one process: the first name wins for metrics and traces.
  if (!initialized) {
    initialized = options.service;
    initMetrics(options.service);
  }
  initTracing({
    service: options.service,
    ...(options.traceExporter ? { exporter: options.traceExporter } : {}),
  });
  return initLogging({
    service: options.service,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
    ...(options.logLevel ? { level: options.logLevel } : {}),
  });
}

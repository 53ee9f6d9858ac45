// Prometheus metrics, one registry per process, served at /metrics by every service. HTTP
// requests (count and latency by route and status) come from the HTTP middleware; GraphQL
// errors by code from the error mappers; the worker adds queue depth and age, outbox lag and
// delivery failures.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
let defaultsCollected = false;

export function initMetrics(service: string): void {
  registry.setDefaultLabels({ service });
  if (!defaultsCollected) {
    defaultsCollected = true;
    collectDefaultMetrics({ register: registry });
  }
}

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests answered, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency, by method and route',
  labelNames: ['method', 'route'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'graphql_errors_total',
  help: 'GraphQL errors answered, by extensions.code (INTERNAL_SERVER_ERROR are the ones to look at)',
  labelNames: ['code'] as const,
  registers: [registry],
});

/** Gauges and counters a worker sets; declared here so every service's /metrics names them the same way. */
export const queueDepth = new Gauge({
  name: 'queue_jobs',
  help: 'Jobs in a queue, by state (waiting, delayed, active, failed)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const queueOldestAge = new Gauge({
  name: 'queue_oldest_waiting_seconds',
  help: 'Age of the oldest waiting job in a queue',
  labelNames: ['queue'] as const,
  registers: [registry],
});

export const jobsProcessed = new Counter({
  name: 'queue_jobs_processed_total',
  help: 'Jobs handled, by queue and outcome (completed, failed)',
  labelNames: ['queue', 'outcome'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'queue_job_duration_seconds',
  help: 'Time a job handler took, by queue',
  labelNames: ['queue'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const outboxUnsent = new Gauge({
  name: 'outbox_unsent_events',
  help: 'Committed events not yet relayed to the queues, by schema',
  labelNames: ['schema'] as const,
  registers: [registry],
});

export const outboxLag = new Gauge({
  name: 'outbox_lag_seconds',
  help: 'Age of the oldest unsent event in an outbox, by schema',
  labelNames: ['schema'] as const,
  registers: [registry],
});

export const outboxRelayed = new Counter({
  name: 'outbox_events_relayed_total',
  help: 'Events relayed from an outbox to the queues, by schema',
  labelNames: ['schema'] as const,
  registers: [registry],
});

export const deliveryFailures = new Counter({
  name: 'notification_delivery_failures_total',
  help: 'Failed sends of a notification delivery (e-mail, webhook), by outcome: retry, or dead after the last attempt',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

/** The text exposition of every metric (content type in `registry.contentType`). */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const gatewayDirectFetches = new Counter({
  name: 'gateway_direct_fetches_total',
  help: 'Single-subgraph queries the gateway sent straight to their subgraph, by outcome (served, handed_on: the full path answered)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

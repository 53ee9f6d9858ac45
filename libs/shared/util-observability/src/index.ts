export * from './lib/request-scope';
export * from './lib/tracing';
export * from './lib/logger';
export * from './lib/metrics';
export * from './lib/http';
export * from './lib/observability';

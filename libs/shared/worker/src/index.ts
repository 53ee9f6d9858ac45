export * from './lib/queue-worker';
export * from './lib/queue-dashboard';

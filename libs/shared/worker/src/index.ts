export * from './lib/queue-worker';

export * from './lib/queue-worker';
export * from './lib/queue-dashboard';
export * from './lib/group-commit';
export * from './lib/periodic-task';

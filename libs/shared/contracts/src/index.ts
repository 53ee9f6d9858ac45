export * from './lib/events';
export * from './lib/queues';

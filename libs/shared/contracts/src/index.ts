export * from './lib/events';
export * from './lib/queues';
export * from './lib/vocabulary';

export * from './lib/test-database';
export * from './lib/redis';
export * from './lib/queue-contract';
export * from './lib/redis-suite';
export * from './lib/migrations-contract';
export * from './lib/postgres-replica';
export * from './lib/fake-transactions';

export * from './lib/redis-client';

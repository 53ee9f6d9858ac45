export * from './lib/rate-limit.rules';
export * from './lib/rate-limiter';
export * from './lib/client-address';
export * from './lib/rate-limit.module';

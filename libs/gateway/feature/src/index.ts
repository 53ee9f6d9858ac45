export * from './lib/gateway';
export * from './lib/operation-limits';
export * from './lib/gateway-error';
export * from './lib/web-app';

export * from './lib/env';
export * from './lib/common-env';

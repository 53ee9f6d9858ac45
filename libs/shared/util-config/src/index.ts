export * from './lib/env';
export * from './lib/common-env';
export * from './lib/secret-box';

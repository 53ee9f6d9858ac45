export * from './lib/public-url';
export * from './lib/fetch-public-json';

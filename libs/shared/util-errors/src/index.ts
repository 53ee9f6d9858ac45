export * from './lib/app-error';
export * from './lib/public-errors';

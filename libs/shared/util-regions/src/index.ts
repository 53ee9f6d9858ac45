export * from './lib/region';

export * from './lib/data-source';
export * from './lib/migrations';

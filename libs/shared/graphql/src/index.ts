export * from './lib/format-error';
export * from './lib/connection';
export * from './lib/loaders';
export * from './lib/health';
export * from './lib/validation';
export * from './lib/subgraph';
export * from './lib/scalars';
export * from './lib/id.pipe';

export * from './lib/marketplace.entities';
export * from './lib/data-source';
export * from './lib/migrations';
export * from './lib/marketplace.repository';
export * from './lib/skill-taxonomy.store';
export * from './lib/processed-events';
export * from './lib/marketplace.writes';

export * from './lib/data-source';
export * from './lib/migrations';
export * from './lib/evidence.repository';
export * from './lib/insights.queries';
export * from './lib/rollups';
export * from './lib/groups';

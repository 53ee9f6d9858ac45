export * from './lib/notifications.entities';
export * from './lib/migrations';
export * from './lib/processed-events';
export * from './lib/data-source';

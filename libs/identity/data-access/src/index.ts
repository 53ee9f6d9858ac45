export * from './lib/entities/identity.entities';
export * from './lib/migrations';
export * from './lib/identity.repository';

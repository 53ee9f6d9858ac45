export * from './lib/entities/identity.entities';
export * from './lib/migrations';
export * from './lib/identity.repository';
export * from './lib/data-source';
export * from './lib/accounts';
export * from './lib/organizations';

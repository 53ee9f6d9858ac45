export * from './lib/credentials.entities';
export * from './lib/data-source';
export * from './lib/migrations';
export * from './lib/credential-design.repository';
export * from './lib/catalogue.repository';
export * from './lib/pathway.repository';

export * from './lib/directory-tables';
export * from './lib/organization-read-model';
export * from './lib/organization-directory';
export * from './lib/organization-directory.consumer';

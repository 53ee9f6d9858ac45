export * from './lib/identity-feature.module';
export * from './lib/identity-membership.source';
export * from './lib/shared/identity.options';
export * from './lib/shared/identity.errors';
export * from './lib/sign-up/sign-up.use-case';
export * from './lib/create-organization/create-organization.use-case';
export * from './lib/verify-organization/verify-organization.use-case';

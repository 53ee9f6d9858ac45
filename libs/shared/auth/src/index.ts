export * from './lib/principal';
export * from './lib/tokens';
export * from './lib/auth.guard';
export * from './lib/authorizer';
export * from './lib/auth.module';
export * from './lib/session-revocations';

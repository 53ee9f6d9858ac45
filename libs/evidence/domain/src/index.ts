export * from './lib/evidence.errors';
export * from './lib/survey';
export * from './lib/suppression';
export * from './lib/self-identification';
export * from './lib/outcomes';

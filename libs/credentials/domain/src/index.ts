export * from './lib/credentials.errors';
export * from './lib/design/design-content';
export * from './lib/design/design-workflow';
export * from './lib/compliance/framework-rules';
export * from './lib/compliance/rule-engine';
export * from './lib/versions/version-diff';
export * from './lib/stages/stage-times';
export * from './lib/sectors/naics-sectors';

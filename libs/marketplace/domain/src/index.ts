// The CSV reader and skill ids live in @lattice/shared-esco (credentials reads the same bundled
// files); re-exported so marketplace code keeps one import for its domain.
export * from '@lattice/shared-esco';
export * from './lib/esco/esco-skill.model';
export * from './lib/esco/esco.errors';
export * from './lib/esco/esco-layout.detector';
export * from './lib/esco/esco-catalog.builder';
export * from './lib/esco/esco-catalog.reader';
export * from './lib/esco/broader-ancestors';
export * from './lib/skills-for-success/skills-for-success.data';
export * from './lib/matching/match-score';
export * from './lib/taxonomy/skill-identity';
export * from './lib/taxonomy/skill-taxonomy';
export * from './lib/search/skill-search-text';

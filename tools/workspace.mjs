// The list of Lattice projects: one place that says where each lives, its import name and its tags.
// tools/sync-workspace.mjs writes project.json files and tsconfig paths from it. An optional
// fourth element lists extra Nx tags.
export const libraries = [
  ['libs/shared/util-config', 'shared', 'util'],
  ['libs/shared/util-errors', 'shared', 'util'],
  ['libs/shared/util-network', 'shared', 'util'],
  ['libs/shared/util-regions', 'shared', 'util'],
  ['libs/shared/esco', 'shared', 'util'],
  ['libs/shared/util-observability', 'shared', 'util'],
  ['libs/shared/contracts', 'shared', 'contracts'],
  ['libs/shared/redis', 'shared', 'data-access'],
  ['libs/shared/queue', 'shared', 'data-access'],
  ['libs/shared/data-access', 'shared', 'data-access'],
  ['libs/shared/auth', 'shared', 'platform'],
  ['libs/shared/rate-limit', 'shared', 'platform'],
  ['libs/shared/graphql', 'shared', 'platform'],
  ['libs/shared/worker', 'shared', 'platform'],
  ['libs/shared/organization-directory', 'shared', 'platform'],
  ['libs/shared/testing', 'shared', 'testing'],
  ['libs/identity/data-access', 'identity', 'data-access'],
  ['libs/identity/feature', 'identity', 'feature'],
  ['libs/marketplace/domain', 'marketplace', 'domain'],
  ['libs/marketplace/data-access', 'marketplace', 'data-access'],
  ['libs/marketplace/feature', 'marketplace', 'feature'],
  ['libs/credentials/domain', 'credentials', 'domain'],
  ['libs/credentials/data-access', 'credentials', 'data-access'],
  // Two feature libraries named from the product's words; trust builds on co-development (never
  // the other way): the `feature:co-development` tag lets a feature depend on it (eslint.config.mjs).
  ['libs/credentials/co-development', 'credentials', 'feature', ['feature:co-development']],
  ['libs/credentials/trust', 'credentials', 'feature', ['feature:trust']],
  ['libs/credentials/openbadges', 'credentials', 'domain'],
  ['libs/notifications/domain', 'notifications', 'domain'],
  ['libs/notifications/data-access', 'notifications', 'data-access'],
  ['libs/notifications/feature', 'notifications', 'feature'],
  ['libs/evidence/domain', 'evidence', 'domain'],
  ['libs/evidence/data-access', 'evidence', 'data-access'],
  ['libs/evidence/feature', 'evidence', 'feature'],
  ['libs/gateway/feature', 'gateway', 'feature'],
];
export const apps = [
  ['apps/gateway', 'gateway'],
  ['apps/identity', 'identity'],
  ['apps/marketplace', 'marketplace'],
  ['apps/credentials', 'credentials'],
  ['apps/notifications', 'notifications'],
  ['apps/evidence', 'evidence'],
  ['apps/worker', 'worker'],
];
/** Browser apps: built by vite (tools/build.mjs), no server code; scope:web reaches no library. */
export const webApps = [['apps/web', 'web']];
/** `libs/shared/util-config` → `@lattice/shared-util-config` */
export const importName = (dir) => '@lattice/' + dir.split('/').slice(1).join('-');
export const projectName = (dir) => dir.split('/').slice(1).join('-');

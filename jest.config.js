// Four suites, one config: unit tests beside the code (*.spec.ts), integration tests against real
// Postgres and Redis with the real migrations (*.int-spec.ts), and end-to-end tests that drive the
// composed graph through the gateway (*.e2e-spec.ts), and browser tests of the web app
// (e2e/web/*.browser-spec.ts). `npm test` runs all four.
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    `^${name}$`,
    `<rootDir>/${target.replace('./', '')}`,
  ]),
);
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};
// The digital-credentials libraries (@digitalbazaar/*) and a few of their dependencies ship only
// ES modules; jest's CommonJS runtime cannot load them, so swc turns them into CommonJS too.
const esmOnlyPackages = [
  '@digitalbazaar',
  'base58-universal',
  'base64url-universal',
  'ky',
  'serialize-error',
];
transform['^.+\\.m?js$'] = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Jest's usual order, but e2e/replica-failover.e2e-spec.ts (it kills replicas) last.
  testSequencer: '<rootDir>/e2e/support/sequencer.cjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/shared/testing/src/lib/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/lib/long-timeout.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/lib/long-timeout.ts'],
    },
    // The web app in Chromium (playwright-core) against the same real stack, gateway serving the build.
    {
      ...common,
      displayName: 'web',
      testMatch: ['<rootDir>/e2e/web/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/e2e/web/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/shared/testing/src/lib/long-timeout.ts'],
    },
  ],
};

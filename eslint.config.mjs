// Lint: strict TypeScript rules that catch real bugs, Nx module boundaries with real
// constraints (STYLE.md), and Lattice's own rule that every resolver is guarded.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const resolversGuarded = require('./tools/lint-rules/resolvers-guarded.cjs');

const banned = ['@nestjs/*', 'typeorm', '@nestjs/typeorm', 'bullmq', 'ioredis', 'pg'];

/** STYLE.md's boundaries. Tests may also use the testing library; production code may not. */
function constraints(inTests) {
  const testing = inTests ? ['type:testing'] : [];
  return [
    // Scopes: a service's code reaches only its own libraries and shared ones.
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
    { sourceTag: 'scope:marketplace', onlyDependOnLibsWithTags: ['scope:marketplace', 'scope:shared'] },
    { sourceTag: 'scope:credentials', onlyDependOnLibsWithTags: ['scope:credentials', 'scope:shared'] },
    { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
    // The worker hosts other services' job handlers.
    {
      sourceTag: 'scope:worker',
      onlyDependOnLibsWithTags: [
        'scope:worker',
        'scope:shared',
        'scope:notifications',
        'scope:marketplace',
        'scope:credentials',
        'scope:identity',
      ],
    },
    {
      sourceTag: 'scope:gateway',
      onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'],
      bannedExternalImports: ['typeorm', '@nestjs/typeorm', 'pg', 'bullmq', 'ioredis'],
    },
    // Types: apps compose; features never import features; domain and contracts stay pure.
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: [
        'type:feature',
        'type:platform',
        'type:data-access',
        'type:domain',
        'type:util',
        'type:contracts',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: [
        'type:data-access',
        'type:domain',
        'type:platform',
        'type:util',
        'type:contracts',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:platform',
      onlyDependOnLibsWithTags: [
        'type:platform',
        'type:data-access',
        'type:util',
        'type:contracts',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: [
        'type:data-access',
        'type:domain',
        'type:util',
        'type:contracts',
        ...testing,
      ],
    },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contracts', ...testing],
      bannedExternalImports: banned,
    },
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
      bannedExternalImports: banned,
    },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: banned },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: [
        'type:feature',
        'type:platform',
        'type:data-access',
        'type:domain',
        'type:util',
        'type:contracts',
        'type:testing',
      ],
    },
  ];
}

const boundaries = (inTests) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints(inTests) },
];

export default [
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'tmp-*/**',
      'node_modules/**',
      'tmp/**',
      '.lattice/**',
      '.nx/**',
      'apps/web/**',
      '**/*.cjs',
      '**/*.mjs',
      'jest.config.js',
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { lattice: { rules: { 'resolvers-guarded': resolversGuarded } } },
    rules: {
      'lattice/resolvers-guarded': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': boundaries(false),
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      'e2e/**/*.ts',
      'libs/shared/testing/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': boundaries(true),
    },
  },
];

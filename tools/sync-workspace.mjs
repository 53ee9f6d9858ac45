// Writes each project's project.json and the tsconfig path aliases from tools/workspace.mjs.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { relative } from 'node:path';
import { libraries, apps, webApps, importName, projectName } from './workspace.mjs';

const paths = {};
for (const [dir, scope, type, extraTags = []] of libraries) {
  paths[importName(dir)] = [`./${dir}/src/index.ts`];
  mkdirSync(`${dir}/src`, { recursive: true });
  const project = {
    name: projectName(dir),
    $schema: relative(dir, 'node_modules/nx/schemas/project-schema.json'),
    sourceRoot: `${dir}/src`,
    projectType: 'library',
    tags: [`scope:${scope}`, `type:${type}`, ...extraTags],
    targets: {
      test: {
        executor: 'nx:run-commands',
        options: { command: `npx jest --selectProjects unit integration --passWithNoTests ${dir}` },
        cache: false,
      },
    },
  };
  writeFileSync(`${dir}/project.json`, JSON.stringify(project, null, 2) + '\n');
  if (!existsSync(`${dir}/src/index.ts`)) writeFileSync(`${dir}/src/index.ts`, '');
}
function writeApp(dir, scope, targets) {
  mkdirSync(`${dir}/src`, { recursive: true });
  const project = {
    name: dir.split('/')[1],
    $schema: relative(dir, 'node_modules/nx/schemas/project-schema.json'),
    sourceRoot: `${dir}/src`,
    projectType: 'application',
    tags: [`scope:${scope}`, 'type:app'],
    targets,
  };
  writeFileSync(`${dir}/project.json`, JSON.stringify(project, null, 2) + '\n');
}
for (const [dir, scope] of apps) {
  const name = dir.split('/')[1];
  writeApp(dir, scope, {
    build: { executor: 'nx:run-commands', options: { command: 'node tools/build.mjs' } },
    serve: {
      executor: 'nx:run-commands',
      dependsOn: ['build'],
      options: { command: `node dist/${dir}/src/main.js` },
    },
    ...(name !== 'gateway' && name !== 'worker'
      ? {
          migrate: {
            executor: 'nx:run-commands',
            dependsOn: ['build'],
            options: { command: `node tools/migrate.mjs ${name}` },
          },
        }
      : {}),
  });
}
for (const [dir, scope] of webApps) {
  writeApp(dir, scope, {
    build: { executor: 'nx:run-commands', options: { command: 'WEB_BUILD=1 node tools/build.mjs' } },
    serve: { executor: 'nx:run-commands', options: { command: `vite --config ${dir}/vite.config.mjs` } },
    test: { executor: 'nx:run-commands', options: { command: 'node tools/test.mjs web' }, cache: false },
  });
}
const base = JSON.parse(readFileSync('tsconfig.base.json', 'utf8'));
base.compilerOptions.paths = paths;
writeFileSync('tsconfig.base.json', JSON.stringify(base, null, 2) + '\n');

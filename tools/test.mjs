// `npm test`: everything, in the order that fails fastest — types, lint, unit tests, integration
// tests (real Postgres and Redis, real migrations), end-to-end tests through the gateway, and
// the web app in Chromium against the same real stack.
// Ends with one plain summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], env: { NX_DAEMON: 'false' } },
  { name: 'unit', jest: ['--selectProjects', 'unit'] },
  { name: 'integration', jest: ['--selectProjects', 'integration', '--maxWorkers=2'] },
  { name: 'e2e', jest: ['--selectProjects', 'e2e', '--runInBand'] },
  { name: 'web', jest: ['--selectProjects', 'web', '--runInBand'] },
].filter((step) => only.length === 0 || only.includes(step.name));

mkdirSync(join(root, 'tmp'), { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const report = join(root, 'tmp', `jest-${step.name}.json`);
  if (existsSync(report)) rmSync(report);
  const command = step.jest ? ['npx', 'jest', ...step.jest, '--json', `--outputFile=${report}`] : step.command;
  const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...(step.env ?? {}) } });
  if (step.jest && existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
  }
  console.log(`◀ ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStep = step.name;
    if (!step.jest) totals.failed += 1;
    break;
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);

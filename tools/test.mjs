// `npm test`: everything, in the order that fails fastest — types, lint, unit tests, integration
// tests (real Postgres and Redis, real migrations), end-to-end tests through the gateway (on one
// process of each app, then on replicas of every app), and the web app in Chromium against the
// same real stack.
// The fault suite (tools/faults.mjs: its own Postgres, Redis and ports) runs last when asked for
// by name (`npm test -- faults`) or with LATTICE_FAULTS=1, as CI does; each of its checks counts
// as a test. Ends with one plain summary line: "tests: N passed, N failed, N skipped".
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
  // The same suites on 3 replicas of every subgraph, 2 workers and 2 gateways behind round-robin
  // proxies, then one replica of each kind killed under load (replica-failover.e2e-spec.ts, last).
  { name: 'e2e-replicas', jest: ['--selectProjects', 'e2e', '--runInBand'], env: { E2E_REPLICAS: '1' } },
  { name: 'web', jest: ['--selectProjects', 'web', '--runInBand'] },
  {
    name: 'faults',
    command: ['node', 'tools/faults.mjs'],
    checks: true,
    onlyWhenAsked: process.env.LATTICE_FAULTS !== '1',
  },
].filter((step) => (only.length === 0 ? !step.onlyWhenAsked : only.includes(step.name)));

mkdirSync(join(root, 'tmp'), { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const report = join(root, 'tmp', `jest-${step.name}.json`);
  if (existsSync(report)) rmSync(report);
  const command = step.jest
    ? ['npx', 'jest', ...step.jest, '--json', `--outputFile=${report}`]
    : step.command;
  const env = { ...process.env, ...(step.env ?? {}), ...(step.checks ? { FAULT_REPORT: report } : {}) };
  const result = spawnSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit', env });
  let failedInStep = 0;
  if (existsSync(report) && (step.jest || step.checks)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    failedInStep = step.jest ? summary.numFailedTests : summary.failed;
    totals.passed += step.jest ? summary.numPassedTests : summary.passed;
    totals.failed += failedInStep;
    totals.skipped += step.jest ? summary.numPendingTests + summary.numTodoTests : 0;
  }
  console.log(
    `◀ ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (result.status !== 0) {
    failedStep = step.name;
    if (failedInStep === 0) totals.failed += 1; // the step failed without reporting a failed test
    break;
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);

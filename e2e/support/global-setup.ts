// Builds Lattice, starts the whole stack (four subgraphs, worker, gateway) on its own ports
// against a fresh test database and Redis, and tells the suites where the gateway is.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
// Jest loads global setup outside its module mapper, so these come by path, not by alias.
import { recreateDatabase, testDatabaseUrl } from '../../libs/shared/testing/src/lib/test-database';
import { redisAnswers, redisRequired } from '../../libs/shared/testing/src/lib/redis';
const { startStack, ROOT, SUBGRAPHS } =
  require('../../tools/stack.cjs') as typeof import('../../tools/stack.cjs');

export const OPERATOR = { email: 'operator@e2e.lattice.test', password: 'operator-password-e2e' };

/** Where the worker sends e-mail during e2e runs. */
export const smtpPort = (portBase: number) => portBase + 25;

export default async function globalSetup(): Promise<void> {
  await startE2eStack('e2e');
}

/**
 * `E2E_REPLICAS=1`: 3 replicas of every subgraph, 2 workers, 2 gateways, each app behind a
 * round-robin proxy on its usual port (`E2E_REPLICAS=identity:2,worker:3` picks counts).
 */
export function e2eReplicas(setting = process.env['E2E_REPLICAS']): Record<string, number> | undefined {
  if (!setting || setting === '0') return undefined;
  if (setting === '1')
    return { ...Object.fromEntries(SUBGRAPHS.map((name) => [name, 3])), worker: 2, gateway: 2 };
  return Object.fromEntries(
    setting.split(',').map((pair) => [pair.split(':')[0]!.trim(), Number(pair.split(':')[1])]),
  );
}

/** Builds (the web app too), starts the stack on a fresh `<TEST_DATABASE_URL>_<suffix>` database. */
export async function startE2eStack(databaseSuffix: string): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'tools/build.mjs')], { stdio: 'inherit' });
  const databaseUrl = testDatabaseUrl(databaseSuffix);
  await recreateDatabase(databaseUrl);
  const pair = generateKeyPairSync('ed25519');
  const keys = {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const redis = await redisAnswers();
  if (!redis && redisRequired()) throw new Error('REQUIRE_REDIS=1 but Redis does not answer');
  const portBase = Number(process.env['E2E_PORT_BASE'] ?? 4100);
  const stack = await startStack({
    portBase,
    databaseUrl,
    keys,
    queueDriver: redis ? 'bullmq' : 'in-process',
    queuePrefix: `lattice-e2e-${process.pid}`,
    outboxPollMs: 200,
    replicas: e2eReplicas(),
    // Seventeen processes starting at once on two cores take a while.
    timeoutMs: e2eReplicas() ? 900_000 : undefined,
    logDir: join(ROOT, 'tmp/e2e-logs'),
    extraEnv: {
      // Every suite signs up and logs in from 127.0.0.1, so the per-address limits that many
      // accounts from one address would trip are raised here; per-account limits, per-token
      // budgets and POST /verify keep their defaults. The gateway trusts X-Forwarded-For from
      // loopback, so the limit tests can act as clients at other addresses.
      all: {
        RATE_LIMIT_SIGNUP_ADDRESS: '100000/3600',
        RATE_LIMIT_LOGIN_ADDRESS: '100000/900',
        RATE_LIMIT_GATEWAY_ADDRESS: '100000/60',
        RATE_LIMIT_EMAIL_VERIFICATION_ADDRESS: '100000/900',
      },
      gateway: { TRUST_PROXY: 'loopback' },
      identity: {
        OPERATOR_EMAIL: OPERATOR.email,
        OPERATOR_PASSWORD: OPERATOR.password,
        JWT_TTL_SECONDS: '900',
      },
      // The notifications e2e reads e-mail from an SMTP server it starts on this port; webhooks
      // retry fast so a dead letter shows within a test.
      worker: {
        SMTP_URL: `smtp://127.0.0.1:${smtpPort(portBase)}`,
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_BACKOFF_BASE_MS: '200',
        DELIVERY_SWEEP_MS: '5000',
      },
    },
  });
  (globalThis as Record<string, unknown>)['__LATTICE_STACK__'] = stack;
  process.env['LATTICE_E2E_GATEWAY'] = stack.gatewayUrl;
  process.env['LATTICE_E2E_PORTS'] = JSON.stringify(stack.ports);
  process.env['LATTICE_E2E_REPLICAS'] = JSON.stringify(e2eReplicas() ?? {});
  // Each process's own port, by app (one entry per replica), for tests that read per-process state.
  const processPorts: Record<string, number[]> = {};
  for (const child of stack.children) (processPorts[child.name] ??= []).push(child.port);
  process.env['LATTICE_E2E_PROCESS_PORTS'] = JSON.stringify(processPorts);
  // …and their process ids (replica-failover.e2e-spec.ts kills some).
  const processPids: Record<string, number[]> = {};
  for (const child of stack.children) (processPids[child.name] ??= []).push(child.child.pid ?? 0);
  process.env['LATTICE_E2E_PROCESS_PIDS'] = JSON.stringify(processPids);
  process.env['LATTICE_E2E_PRIVATE_KEY'] = keys.privateKeyPem;
  process.env['LATTICE_E2E_DATABASE_URL'] = databaseUrl;
  process.env['LATTICE_E2E_SMTP_PORT'] = String(smtpPort(portBase));
}

// Starts Lattice's processes (five subgraphs, the worker, the gateway) as child processes and
// waits until each answers. Used by `npm start`, the supergraph composer and the e2e suite.
// `replicas: { identity: 3, worker: 2, gateway: 2, … }` starts several of any app: each replica
// listens on its own port and a small round-robin proxy (tools/round-robin-proxy.cjs) takes the
// app's usual port, as a Kubernetes Service spreads traffic over pods.
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const { startRoundRobinProxy } = require('./round-robin-proxy.cjs');
const { createWriteStream, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SUBGRAPHS = ['identity', 'marketplace', 'credentials', 'notifications', 'evidence'];
const OFFSETS = {
  gateway: 0,
  identity: 1,
  marketplace: 2,
  credentials: 3,
  notifications: 4,
  worker: 5,
  evidence: 6,
};

function portsFor(base) {
  return Object.fromEntries(Object.entries(OFFSETS).map(([name, offset]) => [name, base + offset]));
}

/** Where replica `index` of an app listens when the app has several: base+30…, six per app. */
function replicaPort(base, name, index) {
  return base + 30 + OFFSETS[name] * 6 + index;
}

function envFor(name, options) {
  const ports = portsFor(options.portBase);
  const common = {
    NODE_ENV: options.nodeEnv ?? 'development',
    HOST: options.host ?? '127.0.0.1',
    PORT: String(ports[name]),
    DATABASE_URL: options.databaseUrl,
    JWT_PUBLIC_KEY: options.keys.publicKeyPem,
    IDENTITY_INTERNAL_URL: `http://127.0.0.1:${ports.identity}`,
    PUBLIC_BASE_URL: options.publicBaseUrl ?? `http://localhost:${ports.gateway}`,
    // The worker's queue, and the gateway's and identity's abuse limits, share one Redis and prefix.
    REDIS_URL: options.redisUrl ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: options.queuePrefix ?? 'lattice',
  };
  const specific = {
    identity: { JWT_PRIVATE_KEY: options.keys.privateKeyPem },
    credentials: { MARKETPLACE_INTERNAL_URL: `http://127.0.0.1:${ports.marketplace}` },
    worker: {
      QUEUE_DRIVER: options.queueDriver ?? 'auto',
      QUEUE_PREFIX: options.queuePrefix ?? 'lattice',
      OUTBOX_POLL_MS: String(options.outboxPollMs ?? 1000),
    },
    gateway: Object.fromEntries(
      SUBGRAPHS.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}/graphql`]),
    ),
  };
  return {
    ...process.env,
    ...common,
    ...(specific[name] ?? {}),
    ...(options.extraEnv?.[name] ?? {}),
    ...(options.extraEnv?.all ?? {}),
  };
}

/** Throws when something already listens on the port: its answers must never pass for ours. */
function assertPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      reject(
        new Error(
          `port ${port} is already in use (${error.code}): another stack? Give this checkout its own port base (E2E_PORT_BASE, SUPERGRAPH_PORT_BASE, …)`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(resolve));
  });
}

/**
 * How long one process may take to answer its health check. Each service migrates its schema at
 * start under one advisory lock per database (so a fresh database's services migrate one after
 * another), which on a 2-core machine busy with other work took over a minute (a CI run under
 * load ≈ 13 lost its web step to the old 60 s). A process that exits is reported at once, so a
 * generous budget only costs time when something truly hangs. STACK_START_TIMEOUT_MS overrides.
 */
function startTimeoutMs(options) {
  return options.timeoutMs ?? Number(process.env.STACK_START_TIMEOUT_MS ?? 300_000);
}

async function waitFor(url, child, name, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      // Answered by the child only if it is still running (the ports were free when it started).
      if (response.ok && child.exitCode === null) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * @param {object} options portBase, databaseUrl, keys {privateKeyPem, publicKeyPem}, redisUrl,
 *   queueDriver, queuePrefix, logDir (files) or log (line callback), services (names), timeoutMs
 */
async function startStack(options) {
  const ports = portsFor(options.portBase);
  const wanted = options.services ?? [...SUBGRAPHS, 'worker', 'gateway'];
  const replicasOf = (name) => Math.max(1, Math.min(6, options.replicas?.[name] ?? 1));
  /** The port replica `index` of an app listens on: its own port when it runs alone. */
  const portOf = (name, index) =>
    replicasOf(name) === 1 ? ports[name] : replicaPort(options.portBase, name, index);
  const proxies = [];
  const children = [];
  const logDir = options.logDir;
  if (logDir) mkdirSync(logDir, { recursive: true });

  function launch(name, index = 0) {
    const dist = join(ROOT, process.env.LATTICE_DIST ?? 'dist');
    // LATTICE_CPU_PROF=marketplace,gateway writes those apps' V8 CPU profiles to tmp/cpu-prof on exit.
    const profiled = (process.env.LATTICE_CPU_PROF ?? '').split(',').includes(name);
    const flags = profiled ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'tmp/cpu-prof')}`] : [];
    const child = spawn(
      process.execPath,
      [...flags, '--enable-source-maps', join(dist, 'apps', name, 'src/main.js')],
      {
        cwd: ROOT,
        env: { ...envFor(name, options), PORT: String(portOf(name, index)) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const label = replicasOf(name) === 1 ? name : `${name}-${index + 1}`;
    if (logDir) {
      const file = createWriteStream(join(logDir, `${label}.log`), { flags: 'a' });
      child.stdout.pipe(file);
      child.stderr.pipe(file);
    } else {
      const prefix = `[${label}] `.padEnd(16);
      const forward = (chunk) => {
        for (const line of chunk.toString().split('\n'))
          if (line.trim()) (options.log ?? console.log)(prefix + line);
      };
      child.stdout.on('data', forward);
      child.stderr.on('data', forward);
    }
    children.push({ name, index, port: portOf(name, index), child });
    return child;
  }

  /** Launches every replica of an app and waits for each; with several, a proxy on the app's port. */
  async function launchAll(name, path, timeoutMs) {
    const count = replicasOf(name);
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        waitFor(
          `http://127.0.0.1:${portOf(name, index)}${path}`,
          launch(name, index),
          `${name} #${index + 1}`,
          timeoutMs,
        ),
      ),
    );
    // Workers take little traffic (health, the queue dashboard) but get a proxy too, as their Service does.
    if (count > 1) {
      const upstreams = Array.from({ length: count }, (_, index) => ({
        host: '127.0.0.1',
        port: portOf(name, index),
      }));
      proxies.push(await startRoundRobinProxy({ port: ports[name], host: '127.0.0.1', upstreams, name }));
    }
  }

  const stop = async () => {
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
    await Promise.all(
      children.reverse().map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  try {
    await Promise.all(wanted.map((name) => assertPortFree(ports[name], '127.0.0.1')));
    const timeoutMs = startTimeoutMs(options);
    const backends = wanted.filter((name) => name !== 'gateway');
    await Promise.all(backends.map((name) => launchAll(name, '/health/live', timeoutMs)));
    if (wanted.includes('gateway')) await launchAll('gateway', '/health/ready', timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  /** Kills one process (SIGKILL by default: a crash, not a shutdown); `replica` picks which (0-based). */
  const kill = async (name, { signal = 'SIGKILL', replica = 0 } = {}) => {
    const position = children.findIndex((entry) => entry.name === name && entry.index === replica);
    if (position < 0) throw new Error(`${name} #${replica + 1} is not part of this stack`);
    const { child } = children[position];
    await new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill(signal);
    });
    children.splice(position, 1);
  };

  /** Kills one process and starts it again. */
  const restart = async (name, { signal = 'SIGKILL', downMs = 0, replica = 0 } = {}) => {
    await kill(name, { signal, replica });
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    const path = name === 'gateway' ? '/health/ready' : '/health/live';
    await waitFor(
      `http://127.0.0.1:${portOf(name, replica)}${path}`,
      launch(name, replica),
      name,
      startTimeoutMs(options),
    );
  };

  return {
    ports,
    gatewayUrl: `http://localhost:${ports.gateway}/graphql`,
    children,
    proxies,
    stop,
    kill,
    restart,
  };
}

module.exports = { startStack, portsFor, replicaPort, SUBGRAPHS, ROOT };

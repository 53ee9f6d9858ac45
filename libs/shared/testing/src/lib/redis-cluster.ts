// A local Redis Cluster for integration tests, from Debian's redis-server: 3 masters and 3
// replicas on their own ports (REDIS_CLUSTER_PORT_BASE, default 7410: 7410–7415, cluster bus
// +10000), data under tmp/. It stops what it started on every exit path: stop(), the process's
// exit, and — for a run that was killed outright — the next start, which first kills the
// redis-servers an earlier run left (found by their pid files) and wipes their data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Socket } from 'node:net';

const ROOT = join(__dirname, '../../../../..');

export interface LocalRedisCluster {
  /** Seed nodes, `127.0.0.1:port`. */
  readonly nodes: string[];
  readonly ports: number[];
  /** Kills (SIGKILL) the master serving `key`'s slot and waits until its replica took over; returns the killed port. */
  failoverMasterOf(key: string): Promise<number>;
  stop(): Promise<void>;
}

export function redisClusterPortBase(): number {
  return Number(process.env['REDIS_CLUSTER_PORT_BASE'] ?? 7410);
}

export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

function cli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return (result.stdout ?? '') + (result.stderr ?? '');
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    });
  });
}

async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Redis Cluster: ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Kills a redis-server an earlier run left on this port (only if its pid file names a redis-server). */
function killLeftover(dir: string): void {
  const pidFile = join(dir, 'redis.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  try {
    if (pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server'))
      process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

export async function startRedisCluster(
  options: { portBase?: number; masters?: number } = {},
): Promise<LocalRedisCluster> {
  const portBase = options.portBase ?? redisClusterPortBase();
  const masters = options.masters ?? 3;
  const ports = Array.from({ length: masters * 2 }, (_, index) => portBase + index);
  const base = join(ROOT, 'tmp', `redis-cluster-${portBase}`);
  for (const port of ports) killLeftover(join(base, String(port)));
  rmSync(base, { recursive: true, force: true });

  const children = new Map<number, ChildProcess>();
  const killAll = () => {
    for (const child of children.values())
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);

  const launch = (port: number) => {
    const dir = join(base, String(port));
    mkdirSync(dir, { recursive: true });
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--pidfile',
        join(dir, 'redis.pid'),
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        'nodes.conf',
        // A dead master is replaced by its replica after this long.
        '--cluster-node-timeout',
        '2000',
        '--maxmemory-policy',
        'noeviction',
        '--appendonly',
        'no',
        '--save',
        '',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    children.set(port, child);
  };

  const stop = async () => {
    const exits = [...children.values()]
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => new Promise((resolve) => child.once('exit', resolve)));
    killAll();
    await Promise.all(exits);
    process.removeListener('exit', killAll);
    rmSync(base, { recursive: true, force: true });
  };

  try {
    ports.forEach(launch);
    await until('every node answers', async () => (await Promise.all(ports.map(answers))).every(Boolean));
    const created = spawnSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    await until(
      'the cluster is ok with every replica attached',
      () =>
        ports.every((port) => cli(port, 'cluster', 'info').includes('cluster_state:ok')) &&
        (cli(ports[0]!, 'cluster', 'nodes').match(/ slave /g) ?? []).length === masters &&
        ports.every((port) => !cli(port, 'info', 'replication').includes('master_link_status:down')),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  const failoverMasterOf = async (key: string): Promise<number> => {
    const slot = Number(cli(ports[0]!, 'cluster', 'keyslot', key).trim());
    const ownerOf = (askPort: number) => {
      for (const line of cli(askPort, 'cluster', 'nodes').split('\n')) {
        const fields = line.trim().split(' ');
        if (!fields[2]?.includes('master') || fields[2].includes('fail')) continue;
        for (const range of fields.slice(8)) {
          const [from, to] = range.split('-').map(Number);
          if (slot >= from! && slot <= (to ?? from)!) return Number(fields[1]!.split(':')[1]!.split('@')[0]);
        }
      }
      return undefined;
    };
    const master = ownerOf(ports[0]!);
    if (!master) throw new Error(`no master serves slot ${slot}`);
    const child = children.get(master)!;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
    const witness = ports.find((port) => port !== master)!;
    await until('a replica took over the dead master', () => {
      const owner = ownerOf(witness);
      return (
        owner !== undefined &&
        owner !== master &&
        cli(witness, 'cluster', 'info').includes('cluster_state:ok')
      );
    });
    return master;
  };

  return { nodes: ports.map((port) => `127.0.0.1:${port}`), ports, failoverMasterOf, stop };
}

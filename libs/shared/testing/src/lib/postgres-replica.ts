// A local Postgres primary and a streaming replica for integration tests, from Debian's Postgres
// binaries (/usr/lib/postgresql/<version>/bin): initdb, pg_basebackup -R, pg_ctl, on their own
// ports (REPLICA_PG_PORT_BASE, default 55001: primary there, replica one above), data under the
// system's temporary folder. Postgres refuses to run as root, so as root every command runs as the
// `postgres` OS user (runuser). It stops what it started on every exit path: stop(), the process's
// exit, and — for a run that was killed outright — the next start, which first stops the servers
// an earlier run left in its folders and wipes them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalReplicatedPostgres {
  readonly primaryPort: number;
  readonly replicaPort: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` on the primary or the replica. */
  primaryUrl(database?: string): string;
  replicaUrl(database?: string): string;
  /** Stops the replica at once (a crash: `pg_ctl stop -m immediate`). */
  stopReplica(): void;
  /** Starts the stopped replica again; it resumes streaming from where it was. */
  startReplica(): void;
  stop(): void;
}

export function replicaPortBase(): number {
  return Number(process.env['REPLICA_PG_PORT_BASE'] ?? 55001);
}

/** The newest Debian Postgres bin folder, or null when none is installed. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, program: string, args: string[], allowFailure = false): string {
  const command = asRoot ? 'runuser' : join(bin, program);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 120_000, cwd: tmpdir() });
  if (result.status !== 0 && !allowFailure)
    throw new Error(
      `${program} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  return result.stdout ?? '';
}

export function startReplicatedPostgres(options: { portBase?: number } = {}): LocalReplicatedPostgres {
  const bin = postgresBinaries();
  if (!bin) throw new Error('No Postgres binaries under /usr/lib/postgresql');
  const primaryPort = options.portBase ?? replicaPortBase();
  const replicaPort = primaryPort + 1;
  const base = join(tmpdir(), `lattice-pg-replica-${primaryPort}`);
  const primaryDir = join(base, 'primary');
  const replicaDir = join(base, 'replica');
  const settings = (port: number) =>
    // fsync off: test data, and a much faster start on a busy disk.
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${base} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=60`;
  const stopServer = (dir: string) => {
    if (existsSync(join(dir, 'postmaster.pid')))
      run(bin, 'pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop'], true);
  };
  const wipe = () => {
    stopServer(replicaDir);
    stopServer(primaryDir);
    rmSync(base, { recursive: true, force: true });
  };
  wipe();
  mkdirSync(base, { recursive: true });
  if (asRoot) spawnSync('chown', ['postgres:postgres', base]);
  process.once('exit', wipe);

  run(bin, 'initdb', [
    '-D',
    primaryDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  run(bin, 'pg_ctl', [
    '-D',
    primaryDir,
    '-l',
    join(base, 'primary.log'),
    '-o',
    settings(primaryPort),
    '-w',
    'start',
  ]);
  // -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
  run(bin, 'pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
    '--no-sync',
  ]);
  const startReplica = () =>
    run(bin, 'pg_ctl', [
      '-D',
      replicaDir,
      '-l',
      join(base, 'replica.log'),
      '-o',
      settings(replicaPort),
      '-w',
      'start',
    ]);
  startReplica();

  const url = (port: number, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryPort,
    replicaPort,
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    stopReplica: () => stopServer(replicaDir),
    startReplica,
    stop: () => {
      wipe();
      process.removeListener('exit', wipe);
    },
  };
}

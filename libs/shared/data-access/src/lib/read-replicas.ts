// Postgres read replicas (DATABASE_REPLICA_URLS): a repository read method may run on a streaming
// replica instead of the primary by wrapping its statement in `readFromReplica(dataSource, …)`.
// Nothing else knows about replicas. A read goes to a replica only when all of these hold, else
// to the primary (never an error):
//   - it runs inside a read scope (`readScope.run`), which the subgraphs open for GraphQL queries
//     only — mutations, the worker, scripts and tests outside a scope always read the primary;
//   - a replica answered its last health check, is in recovery, and is at most `maxLagMs` behind;
//   - read-your-writes: that replica has replayed the caller's last write. After each mutation the
//     subgraph records the primary's WAL position (`pg_current_wal_insert_lsn()`, taken after the
//     mutation committed: past its commit record even with synchronous_commit off, where
//     `pg_current_wal_lsn()` may not be yet) as the caller's *write fence* in a store every replica of every service
//     shares (Redis; `keepMs` long). A read of that caller goes only to a replica whose
//     `pg_last_wal_replay_lsn()` is at or past the fence.
// A statement that fails on a replica (connection lost, recovery conflict) runs again on the
// primary; a replica whose connection failed is skipped until its next health check succeeds.
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ResilientPgClient } from './data-source';

/** What the current request allows: set by the subgraphs around GraphQL queries. */
export interface ReadScope {
  /** Whose writes this read must see: the verified caller (user or API key id); none when anonymous. */
  readonly caller?: string;
  /** A WAL position the request's later reads must include (see requireReplayed). */
  minLsn?: bigint;
}

/** The read scope of the running request; reads outside one always go to the primary. */
export const readScope = new AsyncLocalStorage<ReadScope>();

/**
 * Makes the running request's later replica reads include everything the primary had written at
 * `lsn` — for a read that must agree with something just read on the primary (a snapshot a
 * cached result is stamped with). Outside a read scope it does nothing (reads use the primary).
 */
export function requireReplayed(lsn: bigint): void {
  const scope = readScope.getStore();
  if (scope && (scope.minLsn ?? 0n) < lsn) scope.minLsn = lsn;
}

/** Where each caller's last write got to on the primary, shared by every process. */
export interface WriteFences {
  /** The caller's fence (an LSN as a number), 0n when none is kept. */
  get(caller: string): Promise<bigint>;
  /** Raises the caller's fence to `lsn` (never lowers it) and keeps it `keepMs`. */
  raise(caller: string, lsn: bigint, keepMs: number): Promise<void>;
}

/** Postgres `pg_lsn` text ("16/B374D848") as a number. */
export function lsnToBigInt(lsn: string | null | undefined): bigint {
  if (!lsn) return 0n;
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/** A fence as fixed-width hex, so stored fences compare as strings. */
export const fenceText = (lsn: bigint) => lsn.toString(16).padStart(16, '0');

/** Fences in this process only: enough for one replica of each service (tests, `npm start`). */
export class InProcessWriteFences implements WriteFences {
  private readonly fences = new Map<string, { lsn: bigint; until: number }>();

  async get(caller: string): Promise<bigint> {
    const fence = this.fences.get(caller);
    if (!fence || fence.until < Date.now()) return 0n;
    return fence.lsn;
  }

  async raise(caller: string, lsn: bigint, keepMs: number): Promise<void> {
    const current = await this.get(caller);
    if (this.fences.size > 100_000) this.fences.clear();
    this.fences.set(caller, { lsn: current > lsn ? current : lsn, until: Date.now() + keepMs });
  }
}

/** The Redis commands the shared fence store needs (an ioredis client or cluster). */
export interface FenceRedis {
  get(key: string): Promise<string | null>;
  eval(script: string, keys: number, ...args: Array<string | number>): Promise<unknown>;
}

const RAISE_FENCE = `local current = redis.call('GET', KEYS[1])
if (not current) or current < ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`;

/** Fences in Redis, one key per caller: `<prefix>:read-fence:{caller}`. */
export class RedisWriteFences implements WriteFences {
  constructor(
    private readonly redis: FenceRedis,
    private readonly prefix: string,
  ) {}

  private key(caller: string) {
    return `${this.prefix}:read-fence:{${caller}}`;
  }

  async get(caller: string): Promise<bigint> {
    const text = await this.redis.get(this.key(caller));
    return text ? BigInt(`0x${text}`) : 0n;
  }

  async raise(caller: string, lsn: bigint, keepMs: number): Promise<void> {
    await this.redis.eval(RAISE_FENCE, 1, this.key(caller), fenceText(lsn), Math.max(1, Math.round(keepMs)));
  }
}

export interface ReadReplicaOptions {
  /** The replicas' connection URLs (`DATABASE_REPLICA_URLS`). */
  readonly urls: readonly string[];
  readonly fences: WriteFences;
  /** A replica further behind the primary than this is not read from (default 10 s). */
  readonly maxLagMs?: number;
  /** How often replicas (and the primary's WAL position) are checked (default 1 s). */
  readonly checkMs?: number;
  /** How long a caller's write fence is kept (default 60 s; at least maxLagMs + 2 checks). */
  readonly keepMs?: number;
  /** Connections per replica (default: the primary's pool size). */
  readonly poolSize?: number;
  readonly log?: (line: string) => void;
}

/** Where reads went, for tests and metrics. */
export interface ReadCounts {
  replica: number;
  /** Sent to the primary because no replica was healthy and recent enough. */
  primaryNoReplica: number;
  /** Sent to the primary because no replica had replayed the caller's last write yet. */
  primaryFenced: number;
  /** Failed on a replica and ran again on the primary. */
  primaryAfterReplicaError: number;
  /** Writes whose fence could not be recorded (store down). */
  fenceErrors: number;
}

interface Replica {
  readonly url: string;
  readonly label: string;
  source: DataSource | null;
  healthy: boolean;
  replayLsn: bigint;
  lastError: string | null;
}

const registry = new WeakMap<DataSource, ReadReplicas>();

/**
 * Runs `work` (one read) on a replica when the current read scope allows and one is recent
 * enough for the caller, else on `primary`. The one call repositories make to opt a read in.
 */
export async function readFromReplica<T>(
  primary: DataSource,
  work: (source: DataSource) => Promise<T>,
): Promise<T> {
  const replicas = registry.get(primary);
  const scope = readScope.getStore();
  if (!replicas || !scope) return work(primary);
  return replicas.read(scope.caller, work, scope.minLsn ?? 0n);
}

/** The replicas serving reads for one service's primary data source. */
export class ReadReplicas {
  readonly counts: ReadCounts = {
    replica: 0,
    primaryNoReplica: 0,
    primaryFenced: 0,
    primaryAfterReplicaError: 0,
    fenceErrors: 0,
  };
  private readonly replicas: Replica[];
  private readonly maxLagMs: number;
  private readonly checkMs: number;
  private readonly keepMs: number;
  /** The primary's WAL position over the last maxLagMs, oldest first. */
  private samples: Array<{ at: number; lsn: bigint }> = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private next = 0;
  private closed = false;

  constructor(
    private readonly primary: DataSource,
    private readonly options: ReadReplicaOptions,
  ) {
    this.maxLagMs = options.maxLagMs ?? 10_000;
    this.checkMs = options.checkMs ?? 1_000;
    this.keepMs = Math.max(options.keepMs ?? 60_000, this.maxLagMs + 3 * this.checkMs);
    this.replicas = options.urls.map((url, index) => ({
      url,
      label: `replica ${index + 1} (${safeHost(url)})`,
      source: null,
      healthy: false,
      replayLsn: 0n,
      lastError: null,
    }));
  }

  /** Registers these replicas for `primary`, checks them once and keeps checking them. */
  async start(): Promise<this> {
    registry.set(this.primary, this);
    await this.check();
    this.timer = setInterval(() => void this.check(), this.checkMs);
    this.timer.unref();
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (registry.get(this.primary) === this) registry.delete(this.primary);
    await this.checking;
    await Promise.all(this.replicas.map((replica) => this.drop(replica)));
  }

  /** The replicas' state, for health endpoints and tests. */
  status(): Array<{
    replica: string;
    healthy: boolean;
    recent: boolean;
    replayLsn: string;
    lastError: string | null;
  }> {
    return this.replicas.map((replica) => ({
      replica: replica.label,
      healthy: replica.healthy,
      recent: this.recent(replica),
      replayLsn: fenceText(replica.replayLsn),
      lastError: replica.lastError,
    }));
  }

  /** Records `caller`'s write fence: the primary's WAL position now (call after the write committed). */
  async recordWrite(caller: string): Promise<void> {
    try {
      const [row] = (await this.primary.query(`SELECT pg_current_wal_insert_lsn()::text AS "lsn"`)) as Array<{
        lsn: string;
      }>;
      await this.options.fences.raise(caller, lsnToBigInt(row?.lsn), this.keepMs);
    } catch (error) {
      this.counts.fenceErrors++;
      this.log(`read replicas: could not record a write fence (${(error as Error).message})`);
    }
  }

  /** One read: on a recent replica that has the caller's last write, else on the primary. */
  async read<T>(
    caller: string | undefined,
    work: (source: DataSource) => Promise<T>,
    minLsn = 0n,
  ): Promise<T> {
    const candidates = this.replicas.filter(
      (replica) => replica.healthy && replica.source && this.recent(replica),
    );
    if (candidates.length === 0) {
      this.counts.primaryNoReplica++;
      return work(this.primary);
    }
    let fence = minLsn;
    if (caller) {
      try {
        const written = await this.options.fences.get(caller);
        if (written > fence) fence = written;
      } catch {
        // The fence store is down: whether the caller wrote lately is unknown, so the primary.
        this.counts.primaryFenced++;
        return work(this.primary);
      }
    }
    const caughtUp = candidates.filter((replica) => replica.replayLsn >= fence);
    if (caughtUp.length === 0) {
      this.counts.primaryFenced++;
      return work(this.primary);
    }
    const replica = caughtUp[this.next++ % caughtUp.length]!;
    try {
      const result = await work(replica.source!);
      this.counts.replica++;
      return result;
    } catch (error) {
      this.counts.primaryAfterReplicaError++;
      if (connectionLost(error)) {
        replica.healthy = false;
        replica.lastError = (error as Error).message;
        this.log(
          `read replicas: ${replica.label} lost its connection (${replica.lastError}); reading the primary`,
        );
      }
      return work(this.primary);
    }
  }

  /** Checks the primary's WAL position and every replica; runs every checkMs (never two at once). */
  check(): Promise<void> {
    if (!this.checking)
      this.checking = this.checkOnce().finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    if (this.closed) return;
    const now = Date.now();
    try {
      const [row] = (await this.primary.query(`SELECT pg_current_wal_insert_lsn()::text AS "lsn"`)) as Array<{
        lsn: string;
      }>;
      this.samples.push({ at: now, lsn: lsnToBigInt(row?.lsn) });
    } catch {
      // The primary is not answering: replicas are judged on the samples already taken.
    }
    // Keep the newest sample at or before now − maxLag (the recency bar) and everything after it.
    const bar = now - this.maxLagMs;
    let firstKept = 0;
    while (firstKept + 1 < this.samples.length && this.samples[firstKept + 1]!.at <= bar) firstKept++;
    this.samples = this.samples.slice(firstKept);
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica)));
  }

  private async checkReplica(replica: Replica): Promise<void> {
    try {
      if (!replica.source) replica.source = await this.open(replica.url);
      const [row] = (await replica.source.query(
        `SELECT pg_is_in_recovery() AS "standby", pg_last_wal_replay_lsn()::text AS "lsn"`,
      )) as Array<{ standby: boolean; lsn: string | null }>;
      const wasHealthy = replica.healthy;
      replica.replayLsn = lsnToBigInt(row?.lsn);
      // A server out of recovery is no longer this primary's replica (promoted, or misconfigured).
      replica.healthy = row?.standby === true && row.lsn !== null;
      replica.lastError = replica.healthy ? null : 'not a streaming replica (pg_is_in_recovery() is false)';
      if (replica.healthy && !wasHealthy) this.log(`read replicas: ${replica.label} is serving reads`);
    } catch (error) {
      if (replica.healthy || replica.lastError === null)
        this.log(
          `read replicas: ${replica.label} is not answering (${(error as Error).message}); reading the primary`,
        );
      replica.healthy = false;
      replica.lastError = (error as Error).message;
      if (connectionLost(error)) await this.drop(replica);
    }
  }

  /** At most maxLagMs behind: it has replayed what the primary had written maxLagMs ago. */
  private recent(replica: Replica): boolean {
    const bar = this.samples[0];
    return bar !== undefined && replica.replayLsn >= bar.lsn;
  }

  private async open(url: string): Promise<DataSource> {
    const primaryOptions = this.primary.options as DataSourceOptions & { extra?: Record<string, unknown> };
    const source = new DataSource({
      ...(primaryOptions as object),
      url,
      migrationsRun: false,
      synchronize: false,
      // A replica is read-only: nothing to install (extensions come from the primary's migrations).
      installExtensions: false,
      // A failed replica read runs again on the primary: not an error to log.
      logging: false,
      applicationName: `${String((primaryOptions as { applicationName?: string }).applicationName ?? 'lattice')}-read`,
      extra: {
        ...(primaryOptions.extra ?? {}),
        max: this.options.poolSize ?? (primaryOptions.extra?.['max'] as number | undefined) ?? 10,
        connectionTimeoutMillis: 2_000,
        Client: ResilientPgClient,
      },
    } as DataSourceOptions);
    await source.initialize();
    return source;
  }

  private async drop(replica: Replica): Promise<void> {
    const source = replica.source;
    replica.source = null;
    if (source?.isInitialized) await source.destroy().catch(() => undefined);
  }

  private log(line: string): void {
    (this.options.log ?? console.warn)(line);
  }
}

/** `postgres://user:secret@host:port/db` → `host:port` (no credentials in logs). */
function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unparsable URL';
  }
}

/** A broken or refused connection (as opposed to an error in the statement). */
function connectionLost(error: unknown): boolean {
  const code =
    (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ??
    (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
    ].includes(code ?? '') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

export interface StackKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}
export interface StartStackOptions {
  portBase: number;
  databaseUrl: string;
  keys: StackKeys;
  redisUrl?: string;
  queueDriver?: 'auto' | 'bullmq' | 'in-process';
  queuePrefix?: string;
  outboxPollMs?: number;
  logDir?: string;
  log?: (line: string) => void;
  services?: string[];
  timeoutMs?: number;
  nodeEnv?: string;
  publicBaseUrl?: string;
  extraEnv?: Record<string, Record<string, string>>;
  /** Replicas per app (default 1, at most 6); several get a round-robin proxy on the app's port. */
  replicas?: Record<string, number>;
}
export interface ProxyStats {
  forwarded: number;
  skipped: number;
  failed: number;
}
export interface RunningStack {
  ports: Record<string, number>;
  gatewayUrl: string;
  proxies: Array<{ port: number; stats: ProxyStats }>;
  /** The running processes: app, replica index (0-based), own port. */
  children: Array<{ name: string; index: number; port: number; child: { pid?: number } }>;
  stop(): Promise<void>;
  kill(name: string, options?: { signal?: NodeJS.Signals; replica?: number }): Promise<void>;
  restart(
    name: string,
    options?: { signal?: NodeJS.Signals; downMs?: number; replica?: number },
  ): Promise<void>;
}
export function startStack(options: StartStackOptions): Promise<RunningStack>;
export function portsFor(base: number): Record<string, number>;
export function replicaPort(base: number, name: string, index: number): number;
export const SUBGRAPHS: string[];
export const ROOT: string;

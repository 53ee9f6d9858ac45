export interface StackKeys { privateKeyPem: string; publicKeyPem: string }
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
}
export interface RunningStack {
  ports: Record<string, number>;
  gatewayUrl: string;
  stop(): Promise<void>;
  restart(name: string, options?: { signal?: NodeJS.Signals; downMs?: number }): Promise<void>;
}
export function startStack(options: StartStackOptions): Promise<RunningStack>;
export function portsFor(base: number): Record<string, number>;
export const SUBGRAPHS: string[];
export const ROOT: string;

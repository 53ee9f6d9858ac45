import { databaseEnv, env, loadEnv, queueEnv, serviceEnv } from '@lattice/shared-util-config';

export const workerEnvSchema = {
  ...serviceEnv(4005),
  ...databaseEnv,
  ...queueEnv,
  OUTBOX_SCHEMAS: env.string({ default: 'identity,marketplace,credentials,notifications' }),
  WORKER_CONCURRENCY: env.int({ default: 8, min: 1, max: 256 }),
  OUTBOX_POLL_MS: env.int({ default: 1000, min: 10, max: 60_000 }),
};

export const loadWorkerEnv = () => loadEnv(workerEnvSchema);
export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;

import { env, loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const evidenceEnvSchema = {
  ...subgraphEnv(4006),
  /** AES-256-GCM key (64 hex digits or base64 of 32 bytes): self-identification at rest, learner lookups; the same on the worker; required in production. */
  EVIDENCE_KEY: env.string({ optional: true, sensitive: true }),
  /** The smallest group a learner-derived figure is shown for: at least 10 (it may only be raised). */
  EVIDENCE_MIN_GROUP_SIZE: env.int({ default: 10, min: 1, max: 10_000 }),
};
export const loadEvidenceEnv = () => loadEnv(evidenceEnvSchema);
export type EvidenceEnv = ReturnType<typeof loadEvidenceEnv>;

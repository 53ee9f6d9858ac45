import { loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const credentialsEnvSchema = subgraphEnv(4003);
export const loadCredentialsEnv = () => loadEnv(credentialsEnvSchema);
export type CredentialsEnv = ReturnType<typeof loadCredentialsEnv>;

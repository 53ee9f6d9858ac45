import { loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const marketplaceEnvSchema = subgraphEnv(4002);
export const loadMarketplaceEnv = () => loadEnv(marketplaceEnvSchema);
export type MarketplaceEnv = ReturnType<typeof loadMarketplaceEnv>;

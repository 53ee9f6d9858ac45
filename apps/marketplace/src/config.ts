import { env, loadEnv, subgraphEnv } from '@lattice/shared-util-config';

export const marketplaceEnvSchema = {
  ...subgraphEnv(4002),
  /** The ESCO CSV folder imported at first start (when no ESCO skill is stored yet). */
  ESCO_DATA_DIR: env.string({ default: 'data/esco' }),
  /** The small-institution exposure term, in hundredths of a score point (10 = +0.10 for capable small institutions). */
  MATCH_SMALL_INSTITUTION_BOOST_PERCENT: env.int({ default: 20, min: 0, max: 100 }),
};
export const loadMarketplaceEnv = () => loadEnv(marketplaceEnvSchema);
export type MarketplaceEnv = ReturnType<typeof loadMarketplaceEnv>;

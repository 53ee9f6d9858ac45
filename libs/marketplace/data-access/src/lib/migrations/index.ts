import { MarketplaceInitial1764300000200 } from './1764300000200-marketplace-initial';

export const MARKETPLACE_MIGRATIONS = [MarketplaceInitial1764300000200];

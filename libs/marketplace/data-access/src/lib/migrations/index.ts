import { MarketplaceInitial1764300000200 } from './1764300000200-marketplace-initial';
import { MarketplaceExchange1764300000210 } from './1764300000210-marketplace-exchange';
import { MarketplaceOutboxRepublish1764400000000 } from './1764400000000-marketplace-outbox-republish';
import { MarketplaceNeedExpiry1764500000000 } from './1764500000000-marketplace-need-expiry';
import { MarketplaceMatchCache1764600000000 } from './1764600000000-marketplace-match-cache';
import { MarketplaceDemandRollup1764600000100 } from './1764600000100-marketplace-demand-rollup';
import { MarketplaceSkillSearchWords1764600000200 } from './1764600000200-marketplace-skill-search-words';
import { MarketplaceOutboxMetadata1765200000000 } from './1765200000000-marketplace-outbox-metadata';
import { MarketplaceMatchChangesColumns1766000000000 } from './1766000000000-marketplace-match-changes-columns';
import { MarketplaceDemandTotals1767000000000 } from './1767000000000-marketplace-demand-totals';
import { MarketplaceMatchCacheHead1767000000100 } from './1767000000100-marketplace-match-cache-head';
import { MarketplaceNeedSkillCount1767600000000 } from './1767600000000-marketplace-need-skill-count';
import { MarketplaceOrganizationDirectory1768000000000 } from './1768000000000-marketplace-organization-directory';
import { MarketplaceDemandRebuildGroups1768400000000 } from './1768400000000-marketplace-demand-rebuild-groups';

export const MARKETPLACE_MIGRATIONS = [
  MarketplaceInitial1764300000200,
  MarketplaceExchange1764300000210,
  MarketplaceOutboxRepublish1764400000000,
  MarketplaceNeedExpiry1764500000000,
  MarketplaceMatchCache1764600000000,
  MarketplaceDemandRollup1764600000100,
  MarketplaceSkillSearchWords1764600000200,
  MarketplaceOutboxMetadata1765200000000,
  MarketplaceMatchChangesColumns1766000000000,
  MarketplaceDemandTotals1767000000000,
  MarketplaceMatchCacheHead1767000000100,
  MarketplaceNeedSkillCount1767600000000,
  MarketplaceOrganizationDirectory1768000000000,
  MarketplaceDemandRebuildGroups1768400000000,
];

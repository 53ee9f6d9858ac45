// Runs expiring-need detection every minute inside the marketplace service, which owns the data,
// and drops match-cache rows no ranking can depend on any more. Both are idempotent, and only the
// replica holding the watch's leader lease runs them, so N replicas announce once.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@lattice/shared-worker';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs.use-case';

export const NEED_EXPIRY_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class NeedExpiryWatch extends PeriodicTask {
  constructor(
    private readonly detect: DetectExpiringNeedsUseCase,
    private readonly repository: MarketplaceRepository,
    dataSource: DataSource,
  ) {
    super('expiring needs announced', NEED_EXPIRY_WATCH_INTERVAL_MS, dataSource, 'marketplace.need-expiry');
  }

  protected async run(): Promise<number> {
    await this.repository.pruneMatchCache();
    return (await this.detect.execute()).length;
  }
}

// Runs expiring-need detection every minute inside the marketplace service, which owns the data,
// and drops match-cache rows no ranking can depend on any more. Both are idempotent, so several
// replicas running them is harmless.
import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '@lattice/shared-worker';
import { MarketplaceRepository } from '@lattice/marketplace-data-access';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs.use-case';

export const NEED_EXPIRY_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class NeedExpiryWatch extends PeriodicTask {
  constructor(
    private readonly detect: DetectExpiringNeedsUseCase,
    private readonly repository: MarketplaceRepository,
  ) {
    super('expiring needs announced', NEED_EXPIRY_WATCH_INTERVAL_MS);
  }

  protected async run(): Promise<number> {
    await this.repository.pruneMatchCache();
    return (await this.detect.execute()).length;
  }
}

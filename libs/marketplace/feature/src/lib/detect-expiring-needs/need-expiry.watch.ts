// Runs expiring-need detection every minute inside the marketplace service, which owns the data.
// Detection is idempotent per need and date, and only the replica holding the
// watch's leader lease runs it, so N replicas announce once.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@lattice/shared-worker';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs.use-case';

export const NEED_EXPIRY_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class NeedExpiryWatch extends PeriodicTask {
  constructor(
    private readonly detect: DetectExpiringNeedsUseCase,
    dataSource: DataSource,
  ) {
    super('expiring needs announced', NEED_EXPIRY_WATCH_INTERVAL_MS, dataSource, 'marketplace.need-expiry');
  }

  protected async run(): Promise<number> {
    return (await this.detect.execute()).length;
  }
}

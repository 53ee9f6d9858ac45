// Runs expiring-need detection every minute inside the marketplace service, which owns the data.
// Detection is idempotent per need and date, so several replicas running it is harmless.
import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '@lattice/shared-worker';
import { DetectExpiringNeedsUseCase } from './detect-expiring-needs.use-case';

export const NEED_EXPIRY_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class NeedExpiryWatch extends PeriodicTask {
  constructor(private readonly detect: DetectExpiringNeedsUseCase) {
    super('expiring needs announced', NEED_EXPIRY_WATCH_INTERVAL_MS);
  }

  protected async run(): Promise<number> {
    return (await this.detect.execute()).length;
  }
}

// Runs overdue-review detection every minute inside the credentials service, which owns the
// data. Detection is idempotent per design version, so several replicas running it is harmless.
import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '@lattice/shared-worker';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews.use-case';

export const REVIEW_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class ReviewOverdueWatch extends PeriodicTask {
  constructor(private readonly detect: DetectOverdueReviewsUseCase) {
    super('overdue reviews announced', REVIEW_WATCH_INTERVAL_MS);
  }

  protected async run(): Promise<number> {
    return (await this.detect.execute()).length;
  }
}

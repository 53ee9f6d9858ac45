// Runs overdue-review detection every minute inside the credentials service, which owns the
// data. Detection is idempotent per design version, and only the replica holding the
// watch's leader lease runs it, so N replicas announce once.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '@lattice/shared-worker';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews.use-case';

export const REVIEW_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class ReviewOverdueWatch extends PeriodicTask {
  constructor(
    private readonly detect: DetectOverdueReviewsUseCase,
    dataSource: DataSource,
  ) {
    super('overdue reviews announced', REVIEW_WATCH_INTERVAL_MS, dataSource, 'credentials.review-overdue');
  }

  protected async run(): Promise<number> {
    return (await this.detect.execute()).length;
  }
}

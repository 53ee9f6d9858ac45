// Runs overdue-review detection every minute inside the credentials service, which owns the
// data. Detection is idempotent per design version, so several replicas running it is harmless.
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DetectOverdueReviewsUseCase } from './detect-overdue-reviews.use-case';

export const REVIEW_WATCH_INTERVAL_MS = 60_000;

@Injectable()
export class ReviewOverdueWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('review-overdue');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly detect: DetectOverdueReviewsUseCase) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), REVIEW_WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const announced = await this.detect.execute();
      if (announced.length > 0) this.logger.log(`announced ${announced.length} overdue review(s)`);
      return announced.length;
    } catch (error) {
      this.logger.warn(`overdue-review detection failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}

// A task a service runs on a timer while it is up (detections that announce what became due):
// one run at a time, a failure logged and retried at the next tick, the timer stopped on shutdown.
// With a data source, only the replica holding the task's leader lease runs it (once across
// replicas, not N times; another takes over when the leader dies). The task stays idempotent all
// the same: a leader that lost its connection mid-run may overlap its successor's first run.
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { LeaderLease } from '@lattice/shared-data-access';

export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly lease?: LeaderLease;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    /** Where the leader lease lives; without it every replica runs the task. */
    dataSource?: DataSource,
    leaseName = name,
  ) {
    this.logger = new Logger(name);
    if (dataSource) this.lease = new LeaderLease(dataSource, leaseName);
  }

  /** Does the work once; returns how many things it announced. */
  protected abstract run(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.lease?.release();
  }

  /** Runs the task once if this replica leads (or no lease is used); returns how many things it announced. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      if (this.lease && !(await this.lease.holds())) return 0;
      const count = await this.run();
      if (count > 0) this.logger.log(`${this.name}: ${count}`);
      return count;
    } catch (error) {
      this.logger.warn(`${this.name} failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}

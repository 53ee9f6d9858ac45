// A task a service runs on a timer while it is up (detections that announce what became due):
// one run at a time, a failure logged and retried at the next tick, the timer stopped on shutdown.
// The task must be idempotent, so several replicas running it is harmless.
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running = false;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(name);
  }

  /** Does the work once; returns how many things it announced. */
  protected abstract run(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
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

// One replica at a time: a Postgres session-level advisory lock held on a connection of its own.
// The replica that takes it leads until it stops or its connection drops (a crash, a network
// cut, a Postgres restart); then Postgres releases the lock and another replica takes it at its
// next try. Periodic tasks (detections that announce what became due) run only on the leader, so
// with N replicas they run once, not N times.
import type { DataSource, QueryRunner } from 'typeorm';

export class LeaderLease {
  private runner?: QueryRunner;

  constructor(
    private readonly dataSource: DataSource,
    /** What is led, e.g. 'marketplace.need-expiry'; one lock per name across the database. */
    readonly name: string,
  ) {}

  /** True while this process leads: keeps the lease it has (checking its connection still lives) or takes a free one. */
  async holds(): Promise<boolean> {
    if (this.runner) {
      try {
        // A session-level lock lasts as long as its session: a live connection still holds it.
        await this.runner.query('SELECT 1');
        return true;
      } catch {
        // The connection is gone, and the lock with it.
      }
      await this.drop();
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row] = (await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS taken`, [
        this.lockName(),
      ])) as Array<{ taken: boolean }>;
      if (row?.taken) {
        this.runner = runner;
        return true;
      }
    } catch {
      // No database now: not the leader; try again next time.
    }
    await runner.release().catch(() => undefined);
    return false;
  }

  /** Gives the lease up (on shutdown), so another replica leads at once. */
  async release(): Promise<void> {
    if (!this.runner) return;
    await this.runner
      .query(`SELECT pg_advisory_unlock(hashtext($1))`, [this.lockName()])
      .catch(() => undefined);
    await this.drop();
  }

  private async drop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.release().catch(() => undefined);
  }

  private lockName(): string {
    return `lattice.leader.${this.name}`;
  }
}

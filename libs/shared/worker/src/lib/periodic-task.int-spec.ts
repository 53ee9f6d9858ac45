// Periodic tasks on several replicas: only the holder of the leader lease runs a tick, so three
// replicas ticking together run the task once; when the leader's connection dies (a crash), the
// next replica to tick takes over; a leader that shuts down hands over at once.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testDatabaseUrl } from '@lattice/shared-testing';
import { PeriodicTask } from './periodic-task';

const url = testDatabaseUrl('int');

class CountingTask extends PeriodicTask {
  runs = 0;
  constructor(dataSource: DataSource, lease: string) {
    super('counting', 60_000, dataSource, lease);
  }
  protected async run(): Promise<number> {
    this.runs++;
    return 0;
  }
}

describe('PeriodicTask across replicas', () => {
  const sources: DataSource[] = [];
  const replica = async (lease: string) => {
    const dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 3 } }).initialize();
    sources.push(dataSource);
    return { dataSource, task: new CountingTask(dataSource, lease) };
  };
  afterAll(async () => {
    await Promise.all(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
  });

  it('runs once per tick across three replicas, and another replica leads when the leader dies', async () => {
    const lease = `test.${randomUUID()}`;
    const replicas = [await replica(lease), await replica(lease), await replica(lease)];
    for (let round = 1; round <= 3; round++) {
      await Promise.all(replicas.map(({ task }) => task.tick()));
      expect(replicas.reduce((sum, { task }) => sum + task.runs, 0)).toBe(round);
    }
    const leader = replicas.find(({ task }) => task.runs > 0)!;
    expect(leader.task.runs).toBe(3);

    // A crash: the leader's connections close without unlocking.
    await leader.dataSource.destroy();
    const survivors = replicas.filter((r) => r !== leader);
    // Postgres ends the dead session (and its lock) a moment after the client is gone: tick in rounds until one leads.
    const total = () => survivors.reduce((sum, { task }) => sum + task.runs, 0);
    for (let round = 0; round < 50 && total() === 0; round++) {
      await Promise.all(survivors.map(({ task }) => task.tick()));
      if (total() === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(total()).toBe(1);

    // A graceful stop hands over at once.
    const next = survivors.find(({ task }) => task.runs > 0)!;
    await next.task.onApplicationShutdown();
    const last = survivors.find((r) => r !== next)!;
    await last.task.tick();
    expect(last.task.runs).toBe(1);
  });

  it('different tasks lead independently', async () => {
    const a = await replica(`test.${randomUUID()}`);
    const b = await replica(`test.${randomUUID()}`);
    await Promise.all([a.task.tick(), b.task.tick()]);
    expect([a.task.runs, b.task.runs]).toEqual([1, 1]);
  });
});

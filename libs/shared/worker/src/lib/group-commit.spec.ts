import { GroupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('applies the first item at once and everything that arrived meanwhile together next', async () => {
    const calls: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCommit<number>(
      async (items) => {
        calls.push(items);
        if (calls.length === 1) await gate;
      },
      { maxBatch: 3, maxInFlight: 1 },
    );
    const done = [1, 2, 3, 4, 5, 6].map((n) => group.submit(n));
    await tick();
    expect(calls).toEqual([[1]]);
    release();
    await Promise.all(done);
    expect(calls).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('isolates a failing item: its batch is applied one by one and only that job fails', async () => {
    const applied: number[] = [];
    let first = true;
    const group = new GroupCommit<number>(
      async (items) => {
        if (first) {
          first = false;
          await tick();
          return void applied.push(...items);
        }
        if (items.includes(13)) throw new Error('bad item 13');
        applied.push(...items);
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const results = await Promise.allSettled([0, 12, 13, 14].map((n) => group.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('bad item 13'));
    expect(applied.sort((a, b) => a - b)).toEqual([0, 12, 14]);
  });

  it.each([
    ['', {}],
    [' (with a runsAlone rule no item meets)', { runsAlone: (n: number) => n < 0 }],
  ])('never runs more batches at once than allowed, and runs that many%s', async (_title, rule) => {
    let running = 0;
    let most = 0;
    const group = new GroupCommit<number>(
      async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
      },
      { maxBatch: 1, maxInFlight: 2, ...rule },
    );
    await Promise.all(Array.from({ length: 10 }, (_x, n) => group.submit(n)));
    expect(most).toBe(2);
    expect(group.batches).toBe(10);
  });
  it('runs a batch holding a runsAlone item alone: after the batches in flight, before any later one', async () => {
    // Items < 0 write what later items read (a directory change); each batch takes three ticks.
    const log: string[] = [];
    const group = new GroupCommit<number>(
      async (items) => {
        log.push(`start ${items.join(',')}`);
        for (let i = 0; i < 3; i++) await tick();
        log.push(`end ${items.join(',')}`);
      },
      { maxBatch: 2, maxInFlight: 2, runsAlone: (n) => n < 0 },
    );
    const first = [1, 2, 3, 4].map((n) => group.submit(n));
    await tick();
    await Promise.all([...first, ...[-5, 6, 7, 8, 9].map((n) => group.submit(n))]);
    expect(log).toEqual([
      'start 1',
      'start 2',
      'end 1',
      'start 3,4',
      'end 2',
      // [-5, 6] waits for [3, 4], and nothing starts beside it.
      'end 3,4',
      'start -5,6',
      'end -5,6',
      'start 7,8',
      'start 9',
      'end 7,8',
      'end 9',
    ]);
  });
});

// Group commit for job handlers: a job's item waits while a batch is being applied, and every
// item that arrived meanwhile is applied together next — one transaction for many jobs under
// load, no added delay when jobs trickle in. Each job still succeeds or fails on its own: when a
// batch fails, its items are applied one by one, so one bad item fails only its own job.

export interface GroupCommitOptions<T = unknown> {
  /** Most items applied in one call. */
  readonly maxBatch: number;
  /** Batches applied at the same time. */
  readonly maxInFlight: number;
  /**
   * Items whose batch runs alone: it starts once the batches in flight have ended, and no batch
   * starts until it has ended — so every item submitted after such an item is applied after it
   * committed (a batch that writes what later batches read).
   */
  readonly runsAlone?: (item: T) => boolean;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private readonly waiting: Array<Waiting<T>> = [];
  private inFlight = 0;
  /** A batch that runs alone is being applied. */
  private alone = false;
  /** Sizes of the batches applied so far (for tests and the bench). */
  batches = 0;
  items = 0;

  constructor(
    private readonly apply: (items: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions<T>,
  ) {}

  /** Resolves once the item was applied (in some batch), rejects with its own failure. */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (!this.alone && this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const size = Math.min(this.options.maxBatch, this.waiting.length);
      const runsAlone = this.options.runsAlone;
      const alone =
        runsAlone !== undefined && this.waiting.slice(0, size).some((entry) => runsAlone(entry.item));
      // It waits for the batches in flight; each one that ends drains again.
      if (alone && this.inFlight > 0) return;
      const batch = this.waiting.splice(0, size);
      this.alone = alone;
      this.inFlight++;
      this.batches++;
      this.items += batch.length;
      void this.run(batch).finally(() => {
        this.inFlight--;
        if (alone) this.alone = false;
        this.drain();
      });
    }
  }

  private async run(batch: Array<Waiting<T>>): Promise<void> {
    try {
      await this.apply(batch.map((entry) => entry.item));
      for (const entry of batch) entry.resolve();
      return;
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
    }
    for (const entry of batch) {
      try {
        await this.apply([entry.item]);
        entry.resolve();
      } catch (error) {
        entry.reject(error);
      }
    }
  }
}

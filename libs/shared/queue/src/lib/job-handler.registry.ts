// Every job a queue can carry has exactly one handler: the worker refuses to start otherwise,
// so a new event type cannot be published into a queue that silently drops it.
import { jobNamesOf, type QueueName } from '@lattice/shared-contracts';
import type { JobHandler, QueuedJob } from './queue.port';

export class JobHandlerRegistry {
  private readonly handlers = new Map<string, Map<string, { handler: JobHandler; owner: string }>>();
  private readonly problems: string[] = [];

  register(queue: QueueName, name: string, handler: JobHandler, owner: string): void {
    let byName = this.handlers.get(queue);
    if (!byName) this.handlers.set(queue, (byName = new Map()));
    const existing = byName.get(name);
    if (existing) {
      this.problems.push(`${queue}/${name} has two handlers: ${existing.owner} and ${owner}`);
      return;
    }
    byName.set(name, { handler, owner });
  }

  /** Throws, naming every job without a handler and every job with two. */
  assertComplete(queues: readonly QueueName[]): void {
    const problems = [...this.problems];
    for (const queue of queues) {
      const byName = this.handlers.get(queue) ?? new Map();
      for (const name of jobNamesOf(queue))
        if (!byName.has(name)) problems.push(`${queue}/${name} has no handler`);
      for (const name of byName.keys())
        if (!jobNamesOf(queue).includes(name)) problems.push(`${queue}/${name} is not a job of that queue`);
    }
    if (problems.length > 0) throw new Error(`Job handlers are incomplete:\n  - ${problems.join('\n  - ')}`);
  }

  /** One dispatching handler for a queue. */
  dispatcher(queue: QueueName): JobHandler {
    const byName = this.handlers.get(queue) ?? new Map<string, { handler: JobHandler }>();
    return async (job: QueuedJob) => {
      const entry = byName.get(job.name);
      if (!entry) throw new Error(`no handler for ${queue}/${job.name}`);
      await entry.handler(job);
    };
  }
}

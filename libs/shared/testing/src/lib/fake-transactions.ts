// A DataSource for use-case unit tests: `transaction` runs the work at once on a stand-in
// EntityManager (its `query` records the outbox rows inTransaction appends), and `manager` is the
// same stand-in for reads outside a transaction. The data-access functions the use case calls are
// the test's fakes (jest.mock of the service's data-access library); this only carries the
// transaction and tells which events it committed, or that it rolled back (the work threw).
import type { DataSource, EntityManager } from 'typeorm';

export interface FakeTransactions {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
  /** The types of the events committed, in order (events of a transaction that threw are not). */
  readonly committedEvents: () => string[];
  /** Every committed event with its payload. */
  readonly committed: () => Array<{ type: string; actorId: string | null; payload: Record<string, unknown> }>;
  /** How many transactions ran, committed or not. */
  readonly transactions: () => number;
}

export function fakeTransactions(): FakeTransactions {
  let pending: Array<{ type: string; actorId: string | null; payload: Record<string, unknown> }> = [];
  const committed: typeof pending = [];
  let count = 0;
  const manager = {
    queryRunner: { isTransactionActive: true },
    create: (_entity: unknown, values: object) => ({ ...values }),
    query: async (sql: string, values: unknown[] = []) => {
      if (sql.includes('"outbox"')) {
        for (let i = 0; i < values.length; i += 5) {
          pending.push({
            type: String(values[i + 1]),
            actorId: (values[i + 2] as string | null) ?? null,
            payload: JSON.parse(String(values[i + 3])) as Record<string, unknown>,
          });
        }
      }
      return [];
    },
  } as unknown as EntityManager;
  const dataSource = {
    manager,
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      count++;
      pending = [];
      const result = await work(manager);
      committed.push(...pending);
      return result;
    },
  } as unknown as DataSource;
  return {
    dataSource,
    manager,
    committedEvents: () => committed.map((event) => event.type),
    committed: () => [...committed],
    transactions: () => count,
  };
}

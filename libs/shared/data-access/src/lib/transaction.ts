// Runs a use case's writes and its outbox events in one transaction.
import type { DataSource, EntityManager } from 'typeorm';
import { appendToOutbox, type PendingEvent } from './outbox';

export interface UnitOfWork {
  readonly manager: EntityManager;
  /** Queue an event; it is written to the outbox inside the same transaction. */
  emit(event: PendingEvent): void;
}

export async function inTransaction<T>(
  dataSource: DataSource,
  schema: string,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const events: PendingEvent[] = [];
    const result = await work({ manager, emit: (event) => void events.push(event) });
    await appendToOutbox(manager, schema, events);
    return result;
  });
}

/** Postgres unique violation (23505), for turning a race into a CONFLICT. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ??
    (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/**
 * Runs `work` under a savepoint of the caller's transaction: when it throws, only its own writes
 * are undone, the transaction stays usable, and the error is rethrown.
 */
export async function underSavepoint<T>(
  manager: EntityManager,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a savepoint name: ${name}`);
  await manager.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await manager.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

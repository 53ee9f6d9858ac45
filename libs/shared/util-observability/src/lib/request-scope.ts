// The request a piece of work belongs to. The gateway creates the id (or keeps a valid incoming
// `x-request-id`); subgraphs take it from the header, the outbox stores it in each event's
// metadata and the worker restores it around each job, so one id finds every log line.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestScope {
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** A header value is kept only when it looks like an id (no spaces, quotes or newlines, at most 128 characters). */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: unknown): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && VALID_REQUEST_ID.test(value) ? value : randomUUID();
}

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

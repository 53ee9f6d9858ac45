// The one error base every Lattice domain shares: a stable domain code (`IDENTITY.EMAIL_TAKEN`)
// and the API category a client branches on (`CONFLICT`). Use cases throw these, never HTTP
// exceptions, so the worker can run the same code.

export const ERROR_CATEGORIES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'FAILED_PRECONDITION',
  /** Too many attempts; `details.retryAfterSeconds` says when to try again (also `extensions.retryAfter`, and a Retry-After header). */
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** A domain's error table: every code names its category, so mapping is exhaustive by type. */
export type ErrorTable<Code extends string> = { readonly [K in Code]: ErrorCategory };

export class AppError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly category: ErrorCategory,
    message: string,
    /** Safe, client-visible details (field names, limits) — never internals. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Builds a domain's error factory from its table: `IdentityError.of('EMAIL_TAKEN', '…')`
 * yields code `IDENTITY.EMAIL_TAKEN` with the category the table gives it.
 */
export function defineErrors<Code extends string>(domain: string, table: ErrorTable<Code>) {
  return {
    domain,
    table,
    of(code: Code, message: string, details?: Record<string, unknown>): AppError<`${string}.${Code}`> {
      return new AppError(`${domain}.${code}`, table[code], message, details);
    },
  };
}

/** Errors every service can raise, whatever its domain. */
export const CommonErrors = defineErrors('COMMON', {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  STALE_VERSION: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
});

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

// Turns the API's typed errors into what a person reads: a translated message chosen by
// `extensions.reason` (IDENTITY.EMAIL_TAKEN), else by `extensions.code` (CONFLICT), else the
// server's own message; and, for forms, the field the error is about (details.field or
// details.fields[].field), so react-hook-form shows it next to that input.
import { CombinedGraphQLErrors } from '@apollo/client';
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

export interface ApiError {
  readonly code: string;
  readonly reason?: string;
  readonly message: string;
  /** Input fields named by the server, last path segment (`input.email` → `email`). */
  readonly fields: string[];
}

const lastSegment = (field: string) => field.split('.').pop() ?? field;

/** The API errors inside whatever Apollo threw; a network failure becomes code NETWORK. */
export function apiErrors(error: unknown): ApiError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const extensions = (e.extensions ?? {}) as {
        code?: string;
        reason?: string;
        details?: { field?: string; fields?: Array<{ field: string }> };
      };
      const details = extensions.details ?? {};
      const fields = [
        ...(details.field ? [details.field] : []),
        ...(details.fields ?? []).map((f) => f.field),
      ].map(lastSegment);
      return {
        code: extensions.code ?? 'INTERNAL_SERVER_ERROR',
        reason: extensions.reason,
        message: e.message,
        fields,
      };
    });
  }
  return [{ code: 'NETWORK', message: error instanceof Error ? error.message : String(error), fields: [] }];
}

export const hasCode = (error: unknown, code: string) => apiErrors(error).some((e) => e.code === code);

/** The message to show: errors:reason.<REASON>, else errors:code.<CODE>, else the server's text. */
export function errorMessage(t: TFunction, error: ApiError): string {
  const keys = [...(error.reason ? [`errors:reason.${error.reason}`] : []), `errors:code.${error.code}`];
  return t(keys, { defaultValue: error.message });
}

/** Codes that say only "it failed": shown when the answer holds nothing more specific. */
const GENERIC = new Set(['INTERNAL_SERVER_ERROR', 'NETWORK']);

/**
 * The errors worth telling, each with its message: the same message (on the same field) once, and
 * the generic "went wrong on our side" only when the answer says nothing more specific.
 */
function distinctErrors(t: TFunction, error: unknown): Array<ApiError & { text: string }> {
  const errors = apiErrors(error);
  const specific = errors.filter((e) => !GENERIC.has(e.code));
  const seen = new Set<string>();
  return (specific.length > 0 ? specific : errors)
    .map((e) => ({ ...e, text: errorMessage(t, e) }))
    .filter((e) => {
      const key = `${e.fields.join(',')}|${e.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * The one thing a person reads about a failed operation (an answer with an error per field used
 * to show "Something went wrong on our side" six times in one box). Every screen shows an
 * operation's errors through this, or through `setServerErrors` for forms.
 */
export function errorText(t: TFunction, error: unknown): string {
  return [...new Set(distinctErrors(t, error).map((e) => e.text))].join(' ');
}

/**
 * Puts each API error on its field when the form has one (`fieldFor` renames server fields to
 * form fields), the rest on `root.server`. Returns the messages shown.
 */
export function setServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: TFunction,
  formFields: ReadonlyArray<Path<T>>,
  fieldFor: Partial<Record<string, Path<T>>> = {},
): string[] {
  const shown: string[] = [];
  for (const apiError of distinctErrors(t, error)) {
    const message = apiError.text;
    const field = apiError.fields
      .map((f) => fieldFor[f] ?? (f as Path<T>))
      .find((f) => formFields.includes(f));
    const byReason = apiError.reason ? fieldFor[apiError.reason] : undefined;
    const target = field ?? byReason;
    if (target) setError(target, { type: 'server', message });
    else setError('root.server' as Path<T>, { type: 'server', message });
    shown.push(message);
  }
  return shown;
}

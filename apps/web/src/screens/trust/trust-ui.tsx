// Small pieces the trust screens share: the details of an API error (for messages with numbers
// in them), the current organization's kind and role, and dates in the reader's language.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useCurrentOrganization } from '../../app/current-organization';
import { errorText } from '../../graphql/errors';
import { FormError } from '../../ui/FormError';

/**
 * For queries refetched after a mutation: a refetch must not join a request that started before
 * the mutation (Apollo's deduplication would hand back the stale answer).
 */
export const FRESH = { queryDeduplication: false } as const;

/** The first API error with this reason, and its details (e.g. the mastery threshold). */
export function reasonDetails(error: unknown, reason: string): Record<string, unknown> | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const found = error.errors.find((e) => e.extensions?.['reason'] === reason);
  return found ? ((found.extensions?.['details'] as Record<string, unknown> | undefined) ?? {}) : null;
}

/** The organization the user works as, with its kind and the user's role there. */
export function useWorkingAs() {
  const { current, loading, me } = useCurrentOrganization();
  return {
    loading,
    me,
    organization: current?.organization,
    kind: current?.organization.kind,
    isAdmin: current?.role === 'OWNER' || current?.role === 'ADMIN',
  };
}

export function useDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (value: string | null | undefined) => (value ? format.format(new Date(value)) : '—');
}

/** A native file input with its label, hint and error tied together. */
export function FileField({
  label,
  hint,
  error,
  accept,
  onFile,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  accept: string;
  onFile: (file: File | undefined) => void;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      {hint && (
        <span id={`${id}-hint`} className="description">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The errors of a failed query or mutation, in words, announced (nothing when there is none). */
export function ApiErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <FormError>{error ? errorText(t, error) : null}</FormError>;
}

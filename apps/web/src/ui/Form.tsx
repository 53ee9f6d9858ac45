import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { FormError } from './fields';

/**
 * A form as every screen lays it out: no browser validation (zod does it, in our words), the
 * fields, the error that belongs to no field, and the submit button (off while sending).
 */
export function Form({
  onSubmit,
  serverError,
  submitting,
  submitLabel,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  serverError?: string;
  submitting: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="form">
      {children}
      <FormError>{serverError}</FormError>
      <Button type="submit" isDisabled={submitting}>
        {submitLabel}
      </Button>
    </form>
  );
}

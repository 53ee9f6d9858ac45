import type { ReactNode } from 'react';

/** The error that belongs to no field (root.server), announced when it appears. */
export function FormError({ children }: { children?: ReactNode }) {
  return children ? (
    <p role="alert" className="notice notice-error">
      {children}
    </p>
  ) : null;
}

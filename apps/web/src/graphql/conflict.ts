// A stale edit (CONFLICT: someone saved first) is answered the same way on every screen: say
// so, list what changed between the copy the user started from and the server's copy now, and
// offer to reload. `changedFields` is the pure part; <ConflictNotice> (ui/) shows it.
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs between `base` (what the form loaded) and `current` (server now). */
export function changedFields(
  base: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: readonly string[] = Object.keys(current),
): FieldChange[] {
  return fields
    .filter((field) => !same(base[field], current[field]))
    .map((field) => ({ field, before: base[field], after: current[field] }));
}

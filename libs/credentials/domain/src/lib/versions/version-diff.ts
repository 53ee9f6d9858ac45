// Field-by-field difference between two version snapshots: every leaf that changed, by its path
// (`assessment.masteryThreshold`, `outcomes.1.statement`), with the value before and after.

export interface FieldChange {
  readonly field: string;
  /** undefined when the field did not exist on that side (an added or removed list item). */
  readonly before: unknown;
  readonly after: unknown;
}

export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const left = flatten(before);
  const right = flatten(after);
  // In the newer snapshot's order, then whatever only the older one had.
  const fields = [...new Set([...right.keys(), ...left.keys()])];
  return fields
    .filter((field) => !sameValue(left.get(field), right.get(field)))
    .map((field) => ({ field, before: left.get(field), after: right.get(field) }));
}

/** Leaves by path, in document order; empty lists and objects are leaves themselves. */
function flatten(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flatten(item, path ? `${path}.${index}` : String(index), out));
  } else if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  ) {
    for (const [key, item] of Object.entries(value)) flatten(item, path ? `${path}.${key}` : key, out);
  } else if (path) {
    out.set(path, value);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

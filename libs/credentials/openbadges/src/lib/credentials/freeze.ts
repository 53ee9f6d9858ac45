/**
 * Parts shared by every learner's credential (issuer, achievement, endorsements) are frozen: they
 * cannot drift between learners, and the batch issuer recognizes them as shared.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Drops undefined and null members so optional inputs never reach the JSON. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value))
    if (member !== undefined && member !== null) out[key] = member;
  return out as T;
}

// Small-cell suppression for every aggregate that touches learners. A cell counting fewer than k
// people (but some) is suppressed (primary). Then complementary suppression: a table publishes
// totals, and each total with the cells it adds up forms a line; a line whose total is shown must
// hide either none of its cells or at least two whose combined count is ≥ k, and no line may hide
// exactly one entry (it would be the total minus the others). Cells are added, smallest first,
// until every line holds — so no suppressed cell, nor a group of them smaller than k, can be
// recovered from what is shown.

export interface Line {
  /** The index of the total this line adds up to (in `values`). */
  readonly total: number;
  readonly members: readonly number[];
}

/** Which of `values` to hide, given the additive lines between them. */
export function suppressCells(
  values: readonly number[],
  lines: readonly Line[],
  k: number,
  preset: readonly boolean[] = [],
): boolean[] {
  const hidden = values.map((value, i) => (value > 0 && value < k) || preset[i] === true);
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenMembers = line.members.filter((i) => hidden[i]);
      const hiddenCount = hiddenMembers.length + (hidden[line.total] ? 1 : 0);
      const hiddenSum = hiddenMembers.reduce((sum, i) => sum + values[i]!, 0);
      const broken = hiddenCount === 1 || (!hidden[line.total] && hiddenMembers.length > 0 && hiddenSum < k);
      if (!broken) continue;
      // Hide the smallest visible member that holds someone (zeros add nothing); else the total.
      const candidates = line.members
        .filter((i) => !hidden[i] && values[i]! > 0)
        .sort((a, b) => values[a]! - values[b]! || a - b);
      const next = candidates[0] ?? (hidden[line.total] ? line.members.find((i) => !hidden[i]) : line.total);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

/** A one-way table: a count per row and their total. */
export function suppressRows(counts: readonly number[], k: number): { rows: boolean[]; total: boolean } {
  const values = [...counts, counts.reduce((a, b) => a + b, 0)];
  const hidden = suppressCells(values, [{ total: counts.length, members: counts.map((_, i) => i) }], k);
  return { rows: hidden.slice(0, counts.length), total: hidden[counts.length]! };
}

/**
 * A two-way table whose columns each have a total (column totals add rows up; rows need not add up,
 * e.g. categories a person may belong to several of). Returns hidden flags per cell and per column total.
 */
export function suppressColumns(
  counts: readonly (readonly number[])[],
  k: number,
  options: {
    preset?: readonly (readonly boolean[])[];
    presetTotals?: readonly boolean[];
    additive?: boolean;
  } = {},
): { cells: boolean[][]; totals: boolean[] } {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const values: number[] = [];
  for (const row of counts) values.push(...row);
  const lines: Line[] = [];
  for (let c = 0; c < columns; c++) {
    let total = 0;
    for (let r = 0; r < rows; r++) total += counts[r]![c]!;
    values.push(total);
    lines.push({
      total: values.length - 1,
      members: Array.from({ length: rows }, (_, r) => r * columns + c),
    });
  }
  const preset = values.map(
    (_, i) =>
      (i < rows * columns
        ? options.preset?.[Math.floor(i / columns)]?.[i % columns]
        : options.presetTotals?.[i - rows * columns]) === true,
  );
  // Rows that overlap (one person in several) add up to no total: no line ties them, so only small cells go.
  const hidden = suppressCells(values, options.additive === false ? [] : lines, k, preset);
  if (options.additive === false) for (let c = 0; c < columns; c++) hidden[rows * columns + c] = true;
  return {
    cells: Array.from({ length: rows }, (_, r) => hidden.slice(r * columns, (r + 1) * columns)),
    totals: hidden.slice(rows * columns),
  };
}

/**
 * What an attacker recovers from a suppressed table: repeatedly solve any line with exactly one
 * unknown. Used by tests to prove suppression holds; returns the indexes it could recover.
 */
export function recoverable(
  values: readonly number[],
  hidden: readonly boolean[],
  lines: readonly Line[],
): number[] {
  const known = hidden.map((h) => !h);
  const recovered: number[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const line of lines) {
      const unknown = [line.total, ...line.members].filter((i) => !known[i]);
      if (unknown.length === 1) {
        known[unknown[0]!] = true;
        recovered.push(unknown[0]!);
        progress = true;
      }
    }
  }
  void values;
  return recovered;
}

/** The smallest k Lattice accepts: it may be raised, never lowered. */
export const MINIMUM_K = 10;

/** The k in force: from the environment, refusing anything below the minimum. */
export function privacyThreshold(value: number | undefined): number {
  const k = value ?? MINIMUM_K;
  if (!Number.isInteger(k) || k < MINIMUM_K)
    throw new Error(
      `EVIDENCE_MIN_GROUP_SIZE must be a whole number of at least ${MINIMUM_K} (it may only be raised), got ${value}`,
    );
  return k;
}

import {
  type Line,
  privacyThreshold,
  recoverable,
  suppressCells,
  suppressColumns,
  suppressRows,
} from './suppression';

/** A deterministic generator, so a failure names the seed that broke it. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
const smallish = (next: () => number) =>
  next() < 0.3 ? 0 : next() < 0.6 ? Math.floor(next() * 12) : Math.floor(next() * 60);

function assertSafe(values: number[], hidden: boolean[], lines: Line[], k: number) {
  values.forEach((value, i) => {
    if (value > 0 && value < k) expect(hidden[i]).toBe(true);
  });
  for (const line of lines) {
    const hiddenMembers = line.members.filter((i) => hidden[i]);
    const count = hiddenMembers.length + (hidden[line.total] ? 1 : 0);
    expect(count === 0 || count >= 2).toBe(true);
    if (!hidden[line.total] && hiddenMembers.length)
      expect(hiddenMembers.reduce((s, i) => s + values[i]!, 0)).toBeGreaterThanOrEqual(k);
  }
  // Solving lines one unknown at a time recovers nothing hidden.
  expect(recoverable(values, hidden, lines)).toEqual([]);
}

describe('suppression', () => {
  it('hides a row below k and one more, so the total cannot give it away', () => {
    const { rows, total } = suppressRows([3, 40, 25, 12], 10);
    expect(rows).toEqual([true, false, false, true]);
    expect(total).toBe(false);
  });

  it('hides the total when all rows together are below k', () => {
    const { rows, total } = suppressRows([3, 4], 10);
    expect(rows).toEqual([true, true]);
    expect(total).toBe(true);
  });

  it('leaves a table with no small cell alone, zeros included', () => {
    expect(suppressRows([0, 10, 30], 10)).toEqual({ rows: [false, false, false], total: false });
  });

  it('keeps adding complements until the hidden group reaches k', () => {
    // 2 and 3 hidden make 5 < 10: the next smallest (11) joins them.
    expect(suppressRows([2, 3, 11, 50], 10).rows).toEqual([true, true, true, false]);
  });

  it.each(Array.from({ length: 300 }, (_, seed) => seed + 1))(
    'one-way tables are safe against their total (seed %i)',
    (seed) => {
      const next = random(seed);
      const k = 10 + Math.floor(next() * 5);
      const counts = Array.from({ length: 1 + Math.floor(next() * 8) }, () => smallish(next));
      const { rows, total } = suppressRows(counts, k);
      const values = [...counts, counts.reduce((a, b) => a + b, 0)];
      assertSafe(values, [...rows, total], [{ total: counts.length, members: counts.map((_, i) => i) }], k);
    },
  );

  it.each(Array.from({ length: 300 }, (_, seed) => seed + 1000))(
    'two-way tables are safe against column totals (seed %i)',
    (seed) => {
      const next = random(seed);
      const k = 10;
      const rows = 1 + Math.floor(next() * 7);
      const columns = 1 + Math.floor(next() * 6);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => smallish(next)),
      );
      const result = suppressColumns(counts, k);
      const values = [...counts.flat()];
      const lines: Line[] = [];
      for (let c = 0; c < columns; c++) {
        values.push(counts.reduce((s, row) => s + row[c]!, 0));
        lines.push({
          total: values.length - 1,
          members: Array.from({ length: rows }, (_, r) => r * columns + c),
        });
      }
      assertSafe(values, [...result.cells.flat(), ...result.totals], lines, k);
    },
  );

  it('is safe on crossed lines (rows and columns both add up)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const rows = 2 + Math.floor(next() * 4);
      const columns = 2 + Math.floor(next() * 4);
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => smallish(next)),
      );
      const values = counts.flat();
      const lines: Line[] = [];
      for (let r = 0; r < rows; r++) {
        values.push(counts[r]!.reduce((a, b) => a + b, 0));
        lines.push({
          total: values.length - 1,
          members: Array.from({ length: columns }, (_, c) => r * columns + c),
        });
      }
      for (let c = 0; c < columns; c++) {
        values.push(counts.reduce((s, row) => s + row[c]!, 0));
        lines.push({
          total: values.length - 1,
          members: Array.from({ length: rows }, (_, r) => r * columns + c),
        });
      }
      assertSafe(values, suppressCells(values, lines, 10), lines, 10);
    }
  });

  it('refuses a k below 10 at boot, and accepts a higher one', () => {
    expect(privacyThreshold(undefined)).toBe(10);
    expect(privacyThreshold(25)).toBe(25);
    expect(() => privacyThreshold(5)).toThrow(/at least 10/);
    expect(() => privacyThreshold(10.5)).toThrow();
  });
});

import { diffSnapshots } from './version-diff';

describe('version diff', () => {
  it('lists every changed leaf with its path, before and after', () => {
    const before = {
      title: 'A',
      hours: 10,
      assessment: { methods: ['EXAM_QUIZ'], masteryThreshold: 80 },
      outcomes: [{ statement: 'x', skillIds: ['s1'] }],
    };
    const after = {
      title: 'A',
      hours: 12,
      assessment: { methods: ['EXAM_QUIZ', 'PORTFOLIO'], masteryThreshold: 80 },
      outcomes: [
        { statement: 'y', skillIds: ['s1'] },
        { statement: 'z', skillIds: [] },
      ],
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'hours', before: 10, after: 12 },
      { field: 'assessment.methods.1', before: undefined, after: 'PORTFOLIO' },
      { field: 'outcomes.0.statement', before: 'x', after: 'y' },
      { field: 'outcomes.1.statement', before: undefined, after: 'z' },
      { field: 'outcomes.1.skillIds', before: undefined, after: [] },
    ]);
  });

  it('is empty for equal snapshots and symmetric in what it names', () => {
    const snapshot = { a: [1, 2], b: { c: null } };
    expect(diffSnapshots(snapshot, structuredClone(snapshot))).toEqual([]);
    expect(diffSnapshots({ a: [] }, { a: [1] })).toEqual([
      { field: 'a.0', before: undefined, after: 1 },
      { field: 'a', before: [], after: undefined },
    ]);
  });
});

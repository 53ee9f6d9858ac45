import { changedFields } from './conflict';

describe('changedFields', () => {
  it('lists only the fields whose value the server changed, with before and after', () => {
    const loaded = { title: 'Welding', openings: 3, skills: ['a', 'b'], note: null };
    const now = { title: 'Welding', openings: 5, skills: ['a', 'c'], note: null };
    expect(changedFields(loaded, now)).toEqual([
      { field: 'openings', before: 3, after: 5 },
      { field: 'skills', before: ['a', 'b'], after: ['a', 'c'] },
    ]);
  });
  it('looks only at the fields asked for', () => {
    expect(changedFields({ a: 1, version: 1 }, { a: 1, version: 2 }, ['a'])).toEqual([]);
  });
});

import { earliestToday, requireNeededByNotPast } from './needed-by';

describe('needed-by dates', () => {
  const now = new Date('2026-03-10T05:00:00Z'); // 10 March in UTC, still 9 March in UTC−12

  it('takes the date that is still today somewhere as the earliest', () => {
    expect(earliestToday(now)).toBe('2026-03-09');
  });

  it('accepts that date and later ones, and no date at all', () => {
    expect(() => requireNeededByNotPast('2026-03-09', now)).not.toThrow();
    expect(() => requireNeededByNotPast('2099-01-01', now)).not.toThrow();
    expect(() => requireNeededByNotPast(null, now)).not.toThrow();
  });

  it('refuses a date past everywhere with a typed error on the field', () => {
    expect(() => requireNeededByNotPast('2026-03-08', now)).toThrow(
      expect.objectContaining({
        code: 'MARKETPLACE.NEEDED_BY_PAST',
        details: expect.objectContaining({ field: 'neededBy', earliest: '2026-03-09' }),
      }),
    );
  });
});

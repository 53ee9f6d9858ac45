import { groupBySector, naicsSector } from './naics-sectors';

describe('NAICS sectors of endorsers', () => {
  it('names the sector of a code of any length, ranges included', () => {
    expect(naicsSector('212')).toEqual({ code: '21', name: 'Mining, quarrying, and oil and gas extraction' });
    expect(naicsSector('332')).toEqual({ code: '31-33', name: 'Manufacturing' });
    expect(naicsSector('31')).toEqual(naicsSector('336411'));
    expect(naicsSector('4853')).toEqual({ code: '48-49', name: 'Transportation and warehousing' });
  });

  it('keeps an unknown sector under its digits and gives none for no code', () => {
    expect(naicsSector('99')).toEqual({ code: '99', name: 'NAICS sector 99' });
    expect(naicsSector(null)).toBeNull();
    expect(naicsSector('')).toBeNull();
    expect(naicsSector('x1')).toBeNull();
  });

  it('groups by sector in code order, without a sector last, members in their order', () => {
    const endorsers = [
      { name: 'Umbrella', sector: null },
      { name: 'Mill', sector: '331' },
      { name: 'Mine', sector: '212' },
      { name: 'Fab', sector: '332' },
    ];
    const groups = groupBySector(endorsers, (e) => e.sector);
    expect(groups.map((g) => [g.sector?.code ?? null, g.members.map((m) => m.name)])).toEqual([
      ['21', ['Mine']],
      ['31-33', ['Mill', 'Fab']],
      [null, ['Umbrella']],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allRegions,
  isRegionCode,
  regionAndAncestors,
  regionAndDescendants,
  regionContains,
  regionLabel,
} from './region';

describe('regions', () => {
  it('carries the list from data/regions/ca-regions.csv, row for row', () => {
    const [, ...rows] = readFileSync(join(__dirname, '../../../../../data/regions/ca-regions.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(
      allRegions().map(({ code, kind, nameEn, nameFr, within, aliases }) => [
        code,
        kind,
        nameEn,
        nameFr,
        within ?? '',
        aliases.join('|'),
      ]),
    ).toEqual(rows);
    expect(allRegions()).toHaveLength(63);
    expect(isRegionCode('ON-Toronto')).toBe(true);
    expect(isRegionCode('ON-Atlantis')).toBe(false);
    expect(isRegionCode('on')).toBe(false);
  });

  it('walks the containment chain from a CMA to its province', () => {
    expect(regionAndAncestors('ON-Sudbury')).toEqual(['ON-Sudbury', 'ON-Northeast', 'ON']);
    expect(regionContains('ON', 'ON-Sudbury')).toBe(true);
    expect(regionContains('ON-Northwest', 'ON-Sudbury')).toBe(false);
    expect(regionContains('ON-Sudbury', 'ON')).toBe(false);
  });

  it('lists what a region contains', () => {
    const northeast = regionAndDescendants('ON-Northeast');
    expect(northeast).toContain('ON-Sudbury');
    expect(northeast).not.toContain('ON-Toronto');
    expect(regionAndDescendants('nowhere')).toEqual([]);
  });

  it('names regions in both languages', () => {
    expect(regionLabel('QC', 'fr')).toBe('Québec');
    expect(regionLabel('QC')).toBe('Quebec');
  });
});

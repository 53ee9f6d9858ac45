import { skillGroupLevel } from './skill-identity';

describe('skillGroupLevel', () => {
  it('reads the depth from ESCO and ISCED-F codes', () => {
    expect(skillGroupLevel('S1')).toBe(1);
    expect(skillGroupLevel('S1.2')).toBe(2);
    expect(skillGroupLevel('S1.2.3')).toBe(3);
    expect(skillGroupLevel('06')).toBe(1);
    expect(skillGroupLevel('061')).toBe(2);
    expect(skillGroupLevel('0612')).toBe(3);
    expect(skillGroupLevel(undefined)).toBe(1);
  });
});

import { badgeLines, renderBadgeImage } from './badge-image';

describe('the badge image', () => {
  it('wraps the title in short lines and cuts what does not fit in four', () => {
    expect(badgeLines('Safe CNC setup and care')).toEqual(['Safe CNC setup and', 'care']);
    const long = badgeLines(
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    );
    expect(long).toHaveLength(4);
    expect(long[3]!.endsWith('…')).toBe(true);
    expect(badgeLines('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilistice…']);
  });

  it('escapes the title and the issuer, and names the image by its title', () => {
    const svg = renderBadgeImage({ title: 'Safe <CNC> & "care"', issuerName: 'Boreal & "Lakes" College' });
    expect(svg).toContain('<title>Safe &lt;CNC&gt; &amp; &quot;care&quot;</title>');
    expect(svg).toContain('Boreal &amp; &quot;Lakes&quot; College');
    expect(svg).not.toContain('<CNC>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});

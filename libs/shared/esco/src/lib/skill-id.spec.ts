import { skillIdForUri } from './skill-id';

describe('skillIdForUri', () => {
  it('is a stable version-5 UUID per URI', () => {
    const uri = 'http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0';
    expect(skillIdForUri(uri)).toBe(skillIdForUri(uri));
    expect(skillIdForUri(uri)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(skillIdForUri(uri)).not.toBe(skillIdForUri(`${uri}x`));
    // Same as Python's uuid.uuid5(uuid.NAMESPACE_URL, 'http://python.org/')
    expect(skillIdForUri('http://python.org/')).toBe('4c565f0d-3f5a-5890-b41b-20cf47701c5e');
  });
});

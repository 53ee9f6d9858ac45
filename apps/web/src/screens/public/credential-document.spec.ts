import { badgeSrc, awardIdFromLink, isCredentialLike, readCredential } from './credential-document';

describe('awardIdFromLink', () => {
  const origin = 'https://lattice.example.ca';
  it('reads the award id from the API path and from the app page, on this origin', () => {
    expect(awardIdFromLink('https://lattice.example.ca/credentials/abc-123', origin)).toBe('abc-123');
    expect(awardIdFromLink(' https://lattice.example.ca/public/credentials/abc-123/ ', origin)).toBe(
      'abc-123',
    );
    expect(awardIdFromLink('/credentials/abc-123', origin)).toBe('abc-123');
  });
  it('refuses other sites, other pages and what is not a link', () => {
    expect(awardIdFromLink('https://elsewhere.example.org/credentials/abc-123', origin)).toBeNull();
    expect(awardIdFromLink('https://lattice.example.ca/issuers/abc-123', origin)).toBeNull();
    expect(awardIdFromLink('https://lattice.example.ca/credentials/abc/extra', origin)).toBeNull();
    expect(awardIdFromLink('http://[bad', origin)).toBeNull();
  });
});

describe('readCredential', () => {
  it('reads an OpenBadgeCredential in words and tolerates missing parts', () => {
    const view = readCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://x/issuers/1', name: 'Boreal College' },
      validFrom: '2026-01-02T00:00:00Z',
      credentialSubject: {
        achievement: {
          id: 'https://x/achievements/0b7e4c1a-7d52-4a7e-9c1e-2f3a4b5c6d7e',
          name: 'CNC setup',
          alignment: [
            {
              targetName: 'operate CNC',
              targetUrl: 'http://data.europa.eu/esco/skill/1',
              targetFramework: 'ESCO',
            },
          ],
          resultDescription: [{ requiredValue: '80' }],
          endorsement: [
            { issuer: { name: 'Maple Machining' }, credentialSubject: { endorsementComment: 'In demand.' } },
          ],
        },
        result: [{ value: '92' }],
      },
      evidence: [{ id: 'https://e/1', narrative: 'Did it.' }],
    });
    expect(view).toMatchObject({
      name: 'CNC setup',
      issuerName: 'Boreal College',
      score: '92',
      requiredScore: '80',
      kind: 'badge',
      credentialId: '0b7e4c1a-7d52-4a7e-9c1e-2f3a4b5c6d7e',
    });
    expect(view.skills).toEqual([
      { name: 'operate CNC', url: 'http://data.europa.eu/esco/skill/1', framework: 'ESCO' },
    ]);
    expect(view.evidence).toEqual([{ url: 'https://e/1', narrative: 'Did it.' }]);
    expect(view.endorsements).toEqual([{ endorser: 'Maple Machining', comment: 'In demand.' }]);
    expect(readCredential({ hello: 'world' })).toMatchObject({
      name: '',
      skills: [],
      evidence: [],
      endorsements: [],
      kind: 'other',
      credentialId: null,
    });
    expect(isCredentialLike({ type: ['VerifiableCredential', 'ClrCredential'] })).toBe(true);
    expect(isCredentialLike('text')).toBe(false);
  });

  it('takes the badge image from the achievement, and loads a Lattice badge from this site', () => {
    const id = '0b7e4c1a-7d52-4a7e-9c1e-2f3a4b5c6d7e';
    const image = `https://lattice.example/achievements/${id}/badge.svg`;
    const view = readCredential({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: {
        achievement: {
          id: `https://lattice.example/achievements/${id}`,
          image: { id: image, type: 'Image' },
        },
      },
    });
    expect(view.image).toBe(image);
    expect(badgeSrc(view.image)).toBe(`/achievements/${id}/badge.svg`);
    expect(badgeSrc('https://other.example/badge.png')).toBe('https://other.example/badge.png');
    expect(badgeSrc('http://other.example/badge.png')).toBeNull();
    expect(badgeSrc('javascript:alert(1)')).toBeNull();
    expect(badgeSrc(null)).toBeNull();
  });
});

import { renderAwardPage } from './award-page';

const credential = {
  name: 'Safe <script>alert(1)</script> setup',
  validFrom: '2026-03-05T10:00:00Z',
  issuer: { id: 'https://lattice.example/issuers/x', name: 'O\'Neil & Sons "College"' },
  credentialSubject: {
    identifier: [{ identityHash: 'sha256$abc', salt: 's' }],
    achievement: {
      name: 'Safe <script>alert(1)</script> setup',
      inLanguage: 'fr',
      alignment: [{ targetName: 'operate CNC <machines>' }],
      endorsement: [
        {
          type: ['VerifiableCredential', 'EndorsementCredential'],
          issuer: { id: 'https://lattice.example/issuers/e', name: 'Maple <Machining>' },
        },
      ],
    },
  },
  evidence: [{ narrative: 'Did it in <b>25</b> minutes' }],
};

describe('renderAwardPage', () => {
  const html = renderAwardPage({
    credential,
    status: 'ACTIVE',
    publicUrl: 'https://lattice.example/credentials/a-1',
    awardId: 'a-1',
  });

  it('escapes everything the credential says', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('Safe &lt;script&gt;alert(1)&lt;/script&gt; setup');
    expect(html).toContain('O&#39;Neil &amp; Sons &quot;College&quot;');
    expect(html).toContain('<li>operate CNC &lt;machines&gt;</li>');
    expect(html).toContain('Did it in &lt;b&gt;25&lt;/b&gt; minutes');
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(
      /<h2>Endorsed by<\/h2>\n<h3>Sector not stated<\/h3>\n<ul><li>Maple &lt;Machining&gt;<\/li><\/ul>/,
    );
  });

  it('links to LinkedIn with the certification filled in, and to the download', () => {
    const href = /<a href="([^"]+)">Add to LinkedIn profile/.exec(html)![1]!.replace(/&amp;/g, '&');
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      name: 'Safe <script>alert(1)</script> setup',
      organizationName: 'O\'Neil & Sons "College"',
      issueYear: '2026',
      issueMonth: '3',
      certUrl: 'https://lattice.example/credentials/a-1',
      certId: 'a-1',
    });
    expect(html).toContain('download="credential-a-1.jsonld"');
  });

  it('groups endorsers by the NAICS sector of their organization', () => {
    const endorsed = structuredClone(credential);
    const endorser = (id: string, name: string) => ({
      id: `https://lattice.example/endorsements/${id}`,
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: 'https://lattice.example/issuers/e', name },
    });
    endorsed.credentialSubject.achievement.endorsement = [
      endorser('1', 'Boreal Mill'),
      endorser('2', 'Skills Council'),
      endorser('3', 'Deep Mine'),
      endorser('4', 'Fab Shop'),
    ];
    const sectors = new Map([
      ['https://lattice.example/endorsements/1', '331'],
      ['https://lattice.example/endorsements/3', '212'],
      ['https://lattice.example/endorsements/4', '332'],
    ]);
    const page = renderAwardPage({
      credential: endorsed,
      status: 'ACTIVE',
      publicUrl: 'https://lattice.example/credentials/a-1',
      awardId: 'a-1',
      endorserSectors: sectors,
    });
    const section = page.slice(page.indexOf('<h2>Endorsed by</h2>'), page.indexOf('Add to LinkedIn'));
    expect(section.match(/<h3>[^<]+<\/h3>|<li>[^<]+<\/li>/g)).toEqual([
      '<h3>Mining, quarrying, and oil and gas extraction (NAICS 21)</h3>',
      '<li>Deep Mine</li>',
      '<h3>Manufacturing (NAICS 31-33)</h3>',
      '<li>Boreal Mill</li>',
      '<li>Fab Shop</li>',
      '<h3>Sector not stated</h3>',
      '<li>Skills Council</li>',
    ]);
  });

  it('shows a revoked award as revoked', () => {
    expect(
      renderAwardPage({ credential, status: 'REVOKED', publicUrl: 'https://x.example/c/1', awardId: '1' }),
    ).toContain('Status: <strong>Revoked</strong>');
  });
});

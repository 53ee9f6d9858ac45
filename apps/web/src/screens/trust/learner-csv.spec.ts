import { parseLearnerCsv } from './learner-csv';

describe('parseLearnerCsv', () => {
  it('reads learners with headers in any order and case, attempt 1 by default, evidence when given', () => {
    const parsed = parseLearnerCsv(
      '\uFEFFEmail,Name,Score,Evidence URL,Evidence narrative\nada@example.org,Ada,92,https://p.example.org/ada,"Clean, fast"\nbo@example.org,Bo,80%,,\n',
    );
    expect(parsed.rowErrors).toEqual([]);
    expect(parsed.learners).toEqual([
      {
        row: 2,
        recipient: { email: 'ada@example.org', name: 'Ada' },
        result: { score: 92, attempt: 1 },
        evidence: [{ url: 'https://p.example.org/ada', narrative: 'Clean, fast' }],
      },
      { row: 3, recipient: { email: 'bo@example.org', name: 'Bo' }, result: { score: 80, attempt: 1 } },
    ]);
  });

  it('reports every problem by spreadsheet row, and keeps the valid rows to send', () => {
    const parsed = parseLearnerCsv(
      'name,email,score,attempt,evidence_url\nAda,ada@example.org,92,1,\n,not-an-email,101,0,ftp://x\nCy,ADA@example.org,abc,1,\n',
    );
    expect(parsed.learners.map((l) => l.row)).toEqual([2]);
    expect(parsed.rowErrors).toEqual([
      {
        row: 3,
        problems: ['nameMissing', 'emailInvalid', 'scoreInvalid', 'attemptInvalid', 'evidenceUrlInvalid'],
      },
      { row: 4, problems: ['duplicateEmail', 'scoreInvalid'] },
    ]);
  });

  it('names missing columns, and refuses empty and oversized files', () => {
    expect(parseLearnerCsv('name,mail\nAda,a@example.org\n')).toMatchObject({
      fileProblem: 'missingColumns',
      missingColumns: ['email', 'score'],
    });
    expect(parseLearnerCsv('name,email,score\n')).toMatchObject({ fileProblem: 'empty' });
    const many =
      'name,email,score\n' + Array.from({ length: 1001 }, (_, i) => `L${i},l${i}@example.org,90`).join('\n');
    expect(parseLearnerCsv(many)).toMatchObject({ fileProblem: 'tooMany' });
  });

  it('checks each row with the single-learner form’s rules: the threshold, the attempts, an https:// evidence link', () => {
    const parsed = parseLearnerCsv(
      'name,email,score,attempt,evidence_url\nAda,ada@example.org,92,1,https://p.example.org/ada\nBo,bo@example.org,79.5,1,\nCy,cy@example.org,95,3,\nDi,di@example.org,90,1,http://p.example.org/di\n',
      { masteryThreshold: 80, attemptsAllowed: 2 },
    );
    expect(parsed.learners.map((l) => l.recipient.name)).toEqual(['Ada']);
    expect(parsed.rowErrors).toEqual([
      { row: 3, problems: ['belowThreshold'] },
      { row: 4, problems: ['attemptsExceeded'] },
      { row: 5, problems: ['evidenceUrlInvalid'] },
    ]);
  });
});

import { learnerProblems } from './award-rules';

const valid = {
  name: 'Ada',
  email: 'ada@example.org',
  score: '92',
  attempt: '1',
  evidenceUrl: 'https://p.example.org/ada',
};

describe('learnerProblems', () => {
  it('finds nothing wrong with a learner who meets the published assessment', () => {
    expect(learnerProblems(valid, { masteryThreshold: 80, attemptsAllowed: 2 })).toEqual([]);
    expect(
      learnerProblems({ ...valid, score: '80%', attempt: '', evidenceUrl: '' }, { masteryThreshold: 80 }),
    ).toEqual([]);
  });

  it('puts each problem on its field', () => {
    expect(
      learnerProblems(
        { name: ' ', email: 'nope', score: '79,9', attempt: '3', evidenceUrl: 'http://p.example.org' },
        { masteryThreshold: 80, attemptsAllowed: 2 },
      ),
    ).toEqual([
      { field: 'name', problem: 'nameMissing' },
      { field: 'email', problem: 'emailInvalid' },
      { field: 'score', problem: 'belowThreshold' },
      { field: 'attempt', problem: 'attemptsExceeded' },
      { field: 'evidenceUrl', problem: 'evidenceUrlInvalid' },
    ]);
    expect(learnerProblems({ ...valid, score: '101', attempt: '0' }, {})).toEqual([
      { field: 'score', problem: 'scoreInvalid' },
      { field: 'attempt', problem: 'attemptInvalid' },
    ]);
  });
});

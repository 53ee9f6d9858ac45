import { assertValidOutcomeReport } from './outcomes';
import { normalizeSelfIdentification } from './self-identification';
import { assertValidQuestions, FRAMEWORK_SURVEY_V1, LEARNER_SURVEY_V1, normalizeAnswers } from './survey';

const required = [
  { key: 'relevance', value: 5 },
  { key: 'workload', value: 1 },
  { key: 'authenticity', value: 3 },
  { key: 'recommend', value: 4 },
];

describe('surveys as data', () => {
  it('ships valid learner and framework surveys, in English and French', () => {
    expect(() => assertValidQuestions(LEARNER_SURVEY_V1)).not.toThrow();
    expect(() => assertValidQuestions(FRAMEWORK_SURVEY_V1)).not.toThrow();
    expect(LEARNER_SURVEY_V1.map((q) => q.key)).toEqual([
      'relevance',
      'workload',
      'authenticity',
      'recommend',
      'changes',
      'comment',
    ]);
    expect(LEARNER_SURVEY_V1.find((q) => q.key === 'changes')!.options!.map((o) => o.value)).toEqual([
      'new_job',
      'promotion',
      'raise',
      'new_duties',
      'none_yet',
    ]);
  });

  it('refuses malformed question lists', () => {
    const scale = LEARNER_SURVEY_V1[0]!;
    expect(() => assertValidQuestions([])).toThrow(
      expect.objectContaining({ code: 'EVIDENCE.INVALID_SURVEY' }),
    );
    expect(() => assertValidQuestions([scale, scale])).toThrow(/appears twice/);
    expect(() => assertValidQuestions([{ ...scale, label: { en: 'Only English', fr: ' ' } }])).toThrow(
      /French/,
    );
    expect(() => assertValidQuestions([{ ...scale, min: 5, max: 1 }])).toThrow(/min < max/);
    expect(() => assertValidQuestions([{ ...scale, key: 'Bad Key' }])).toThrow(/key/);
  });

  it('keeps scores, choices and trimmed text; skips empty optional answers', () => {
    const normalized = normalizeAnswers(LEARNER_SURVEY_V1, [
      ...required,
      { key: 'changes', choices: ['raise', 'new_job', 'raise'] },
      { key: 'comment', text: '  ' },
    ]);
    expect(normalized).toEqual({
      scores: { relevance: 5, workload: 1, authenticity: 3, recommend: 4 },
      choices: { changes: ['new_job', 'raise'] },
      text: {},
    });
  });

  it.each([
    [{ key: 'relevance', value: 6 }, 'EVIDENCE.RATING_OUT_OF_RANGE'],
    [{ key: 'relevance', value: 0 }, 'EVIDENCE.RATING_OUT_OF_RANGE'],
    [{ key: 'relevance', value: 2.5 }, 'EVIDENCE.RATING_OUT_OF_RANGE'],
    [{ key: 'changes', choices: ['lottery'] }, 'EVIDENCE.INVALID_ANSWER'],
    [{ key: 'comment', text: 'x'.repeat(2001) }, 'EVIDENCE.INVALID_ANSWER'],
    [{ key: 'salary', value: 3 }, 'EVIDENCE.INVALID_ANSWER'],
  ])('refuses %j', (answer, code) => {
    const others = required.filter((a) => a.key !== answer.key);
    expect(() => normalizeAnswers(LEARNER_SURVEY_V1, [...others, answer])).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('refuses a missing required answer and a question answered twice', () => {
    expect(() => normalizeAnswers(LEARNER_SURVEY_V1, required.slice(1))).toThrow(/relevance/);
    expect(() => normalizeAnswers(LEARNER_SURVEY_V1, [...required, { key: 'relevance', value: 2 }])).toThrow(
      /twice/,
    );
  });
});

describe('self-identification and outcome reports', () => {
  it('takes known categories and answers once each', () => {
    expect(normalizeSelfIdentification([{ group: 'NEWCOMER', answer: 'PREFER_NOT_TO_SAY' }])).toEqual({
      NEWCOMER: 'PREFER_NOT_TO_SAY',
    });
    expect(() => normalizeSelfIdentification([{ group: 'NEWCOMER', answer: 'MAYBE' }])).toThrow(
      expect.objectContaining({ code: 'EVIDENCE.INVALID_SELF_IDENTIFICATION' }),
    );
    expect(() =>
      normalizeSelfIdentification([
        { group: 'NEWCOMER', answer: 'YES' },
        { group: 'NEWCOMER', answer: 'NO' },
      ]),
    ).toThrow(/twice/);
  });

  it('checks counts within the cohort and ratings 1–5 of the credential’s competencies', () => {
    const report = {
      cohortSize: 5,
      hired: 5,
      promoted: 0,
      retained: 4,
      assessmentReflectedJobPerformance: false,
      ratings: [{ competency: 'a', rating: 1 }],
    };
    expect(() => assertValidOutcomeReport(report, ['a'])).not.toThrow();
    expect(() => assertValidOutcomeReport({ ...report, cohortSize: 0 }, ['a'])).toThrow(
      expect.objectContaining({ code: 'EVIDENCE.INVALID_OUTCOME' }),
    );
    expect(() => assertValidOutcomeReport({ ...report, retained: 6 }, ['a'])).toThrow(
      expect.objectContaining({ code: 'EVIDENCE.INVALID_OUTCOME' }),
    );
    expect(() =>
      assertValidOutcomeReport({ ...report, ratings: [{ competency: 'a', rating: 0 }] }, ['a']),
    ).toThrow(expect.objectContaining({ code: 'EVIDENCE.RATING_OUT_OF_RANGE' }));
    expect(() =>
      assertValidOutcomeReport({ ...report, ratings: [{ competency: 'b', rating: 3 }] }, ['a']),
    ).toThrow(expect.objectContaining({ code: 'EVIDENCE.UNKNOWN_COMPETENCY' }));
  });
});

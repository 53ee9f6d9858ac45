import { parseNumber, toInput, toValues } from './design-values';
import type { DesignDetail } from './documents';

const design = {
  title: 'Crew leadership',
  description: null,
  framework: { id: 'f1', key: 'ecampusontario', name: 'eCampusOntario', version: '2020' },
  competencies: [{ skillId: 's1' }, { skillId: 's2' }],
  outcomes: [{ statement: 'Leads a hand-over', kind: 'SKILL', skillIds: ['s1'] }],
  assessment: {
    methods: ['PORTFOLIO'],
    masteryThreshold: 80,
    attemptsAllowed: 2,
    authentic: true,
    evidenceVisibleToEmployers: false,
    evidenceRequirements: null,
  },
  hours: 12.5,
  weeks: null,
  deliveryMode: 'HYBRID',
  credit: null,
  transcriptable: true,
  stackableInto: ['Certificate A', 'Certificate B'],
  careerStage: null,
  price: 0,
  language: 'fr',
  level: null,
  qualityAssurance: 'Committee',
  evidenceOfNeed: null,
  annualReview: false,
} as unknown as DesignDetail;

describe('design form values', () => {
  it('reads numbers typed with a comma or a point, and blank as nothing', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber(' 90 ')).toBe(90);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('many')).toBeNaN();
  });

  it('keeps "not stated" apart from "no", and sends back exactly what it loaded', () => {
    const values = toValues(design);
    expect(values).toMatchObject({
      credit: '',
      annualReview: 'no',
      authentic: 'yes',
      weeks: '',
      hours: '12.5',
      price: '0',
      stackableInto: 'Certificate A\nCertificate B',
    });
    // What the API gave back is what a save sends: the design's own fields, as they were.
    const { framework, competencies, outcomes, assessment, ...rest } = design;
    const sameFields = Object.fromEntries(
      Object.keys(rest).map((key) => [key, rest[key as keyof typeof rest]]),
    );
    expect(toInput(values)).toEqual({
      ...sameFields,
      frameworkId: framework.id,
      competencies,
      outcomes,
      assessment,
    });
  });

  it('clears blank text and drops blank pathway lines', () => {
    const input = toInput({ ...toValues(design), qualityAssurance: '  ', stackableInto: 'A\n\n  \nB ' });
    expect(input).toMatchObject({ qualityAssurance: null, stackableInto: ['A', 'B'] });
  });
});

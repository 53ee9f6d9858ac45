// The design form holds what people type (numbers as text, yes/no/not stated, one pathway a
// line); the API holds typed, nullable values. These two functions convert between them, so a
// save sends exactly the form and a reload shows exactly the server's copy.
import type { AssessmentMethod, OutcomeKind } from '../../graphql/generated/graphql';
import type { DesignDetail, DesignInput } from './documents';

export type YesNo = '' | 'yes' | 'no';
export interface DesignValues {
  title: string;
  description: string;
  frameworkId: string;
  competencies: string[];
  outcomes: Array<{ statement: string; kind: OutcomeKind; skillIds: string[] }>;
  methods: AssessmentMethod[];
  masteryThreshold: string;
  attemptsAllowed: string;
  authentic: YesNo;
  evidenceVisibleToEmployers: YesNo;
  evidenceRequirements: string;
  hours: string;
  weeks: string;
  deliveryMode: '' | NonNullable<DesignDetail['deliveryMode']>;
  credit: YesNo;
  transcriptable: YesNo;
  stackableInto: string;
  careerStage: '' | NonNullable<DesignDetail['careerStage']>;
  price: string;
  language: 'en' | 'fr';
  level: string;
  qualityAssurance: string;
  evidenceOfNeed: string;
  annualReview: YesNo;
}

const yesNo = (value: boolean | null): YesNo => (value === null ? '' : value ? 'yes' : 'no');
const fromYesNo = (value: YesNo): boolean | null => (value === '' ? null : value === 'yes');
const text = (value: string | number | null) => (value === null ? '' : String(value));
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** "12,5" and "12.5" both read as 12.5; blank is null. */
export function parseNumber(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

export function toValues(design: DesignDetail): DesignValues {
  const { assessment } = design;
  return {
    title: design.title,
    description: design.description ?? '',
    frameworkId: design.framework.id,
    competencies: design.competencies.map((c) => c.skillId),
    outcomes: design.outcomes.map((o) => ({
      statement: o.statement,
      kind: o.kind,
      skillIds: [...o.skillIds],
    })),
    methods: [...assessment.methods],
    masteryThreshold: text(assessment.masteryThreshold),
    attemptsAllowed: text(assessment.attemptsAllowed),
    authentic: yesNo(assessment.authentic),
    evidenceVisibleToEmployers: yesNo(assessment.evidenceVisibleToEmployers),
    evidenceRequirements: assessment.evidenceRequirements ?? '',
    hours: text(design.hours),
    weeks: text(design.weeks),
    deliveryMode: design.deliveryMode ?? '',
    credit: yesNo(design.credit),
    transcriptable: yesNo(design.transcriptable),
    stackableInto: design.stackableInto.join('\n'),
    careerStage: design.careerStage ?? '',
    price: text(design.price),
    language: design.language === 'fr' ? 'fr' : 'en',
    level: design.level ?? '',
    qualityAssurance: design.qualityAssurance ?? '',
    evidenceOfNeed: design.evidenceOfNeed ?? '',
    annualReview: yesNo(design.annualReview),
  };
}

export function toInput(values: DesignValues): DesignInput {
  return {
    title: values.title.trim(),
    description: orNull(values.description),
    frameworkId: values.frameworkId,
    competencies: values.competencies.map((skillId) => ({ skillId })),
    outcomes: values.outcomes.map((o) => ({
      statement: o.statement.trim(),
      kind: o.kind,
      skillIds: o.skillIds,
    })),
    assessment: {
      methods: values.methods,
      masteryThreshold: parseNumber(values.masteryThreshold),
      attemptsAllowed: parseNumber(values.attemptsAllowed),
      authentic: fromYesNo(values.authentic),
      evidenceVisibleToEmployers: fromYesNo(values.evidenceVisibleToEmployers),
      evidenceRequirements: orNull(values.evidenceRequirements),
    },
    hours: parseNumber(values.hours),
    weeks: parseNumber(values.weeks),
    deliveryMode: values.deliveryMode || null,
    credit: fromYesNo(values.credit),
    transcriptable: fromYesNo(values.transcriptable),
    stackableInto: values.stackableInto
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    careerStage: values.careerStage || null,
    price: parseNumber(values.price),
    language: values.language,
    level: orNull(values.level),
    qualityAssurance: orNull(values.qualityAssurance),
    evidenceOfNeed: orNull(values.evidenceOfNeed),
    annualReview: fromYesNo(values.annualReview),
  };
}

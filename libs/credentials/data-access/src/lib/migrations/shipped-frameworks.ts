// The frameworks Lattice ships, as the data migration 1764300000310 inserts them. Frozen with that
// migration: a change to a framework is a new version row (a later migration or an operator's
// addFramework), never an edit here.

export interface ShippedFramework {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly publisher: string;
  readonly description: string;
  readonly rules: ReadonlyArray<Record<string, unknown>>;
}

/** Marketplace skill ids (ESCO and Skills for Success concepts) are UUIDs derived from their URIs. */
const TAXONOMY_SKILL_ID = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

export const SHIPPED_FRAMEWORKS: readonly ShippedFramework[] = [
  {
    id: '6a0f8f0e-4c1b-4d4e-9a57-0e1c0a6f0001',
    key: 'ecampusontario',
    name: 'eCampusOntario micro-credential framework',
    version: '2020',
    publisher: 'eCampusOntario',
    description:
      'The six elements of the Ontario pilots: issuing body, competencies aligned to a common framework, outcomes, summative assessment with evidence, transcriptable where possible, partner endorsement.',
    rules: [
      { id: 'issuing-body', label: 'An issuing body is named', kind: 'present', field: 'issuerId' },
      {
        id: 'competencies-aligned',
        label: 'Competencies are targeted in a common framework (ESCO or Skills for Success)',
        kind: 'allOf',
        checks: [
          { kind: 'count', field: 'competencies', min: 1 },
          {
            kind: 'every',
            field: 'competencies',
            check: { kind: 'matches', field: 'skillId', pattern: TAXONOMY_SKILL_ID },
          },
        ],
      },
      {
        id: 'outcomes',
        label: 'Outcomes state performance competencies, each tied to targeted skills',
        kind: 'every',
        field: 'outcomes',
        check: {
          kind: 'allOf',
          checks: [
            { kind: 'present', field: 'statement' },
            { kind: 'count', field: 'skillIds', min: 1 },
          ],
        },
      },
      {
        id: 'summative-assessment',
        label: 'Summative assessment requires evidence that employers can see',
        kind: 'allOf',
        checks: [
          { kind: 'count', field: 'assessment.methods', min: 1 },
          { kind: 'present', field: 'assessment.evidenceRequirements' },
          { kind: 'equals', field: 'assessment.evidenceVisibleToEmployers', value: true },
        ],
      },
      {
        id: 'transcriptable',
        label: 'Transcriptable where possible',
        kind: 'equals',
        field: 'transcriptable',
        value: true,
        severity: 'WARNING',
      },
      {
        id: 'partner-endorsement',
        label: 'A partner organization is on board to endorse it',
        kind: 'count',
        field: 'partnerIds',
        min: 1,
      },
    ],
  },
  {
    id: '6a0f8f0e-4c1b-4d4e-9a57-0e1c0a6f0002',
    key: 'eu-council-2022',
    name: 'EU Council standard elements of a micro-credential',
    version: '2022',
    publisher: 'Council of the European Union (Recommendation 2022/C 243/02, Annex I)',
    description:
      'The mandatory elements every micro-credential describes, so it can be understood and compared across Europe.',
    rules: [
      {
        id: 'learner',
        label: 'Identification of the learner',
        kind: 'equals',
        field: 'awardIdentifiesLearner',
        value: true,
      },
      { id: 'title', label: 'Title of the micro-credential', kind: 'present', field: 'title' },
      { id: 'country', label: 'Country or region of the issuer', kind: 'present', field: 'issuerCountry' },
      { id: 'awarding-body', label: 'Awarding body', kind: 'present', field: 'issuerId' },
      {
        id: 'date-of-issuing',
        label: 'Date of issuing',
        kind: 'equals',
        field: 'awardRecordsIssueDate',
        value: true,
      },
      { id: 'learning-outcomes', label: 'Learning outcomes', kind: 'count', field: 'outcomes', min: 1 },
      {
        id: 'workload',
        label: 'Notional workload needed to achieve the learning outcomes',
        kind: 'range',
        field: 'hours',
        above: 0,
      },
      {
        id: 'level',
        label: 'Level of the learning experience, if applicable',
        kind: 'present',
        field: 'level',
        severity: 'WARNING',
      },
      {
        id: 'assessment-type',
        label: 'Type of assessment',
        kind: 'count',
        field: 'assessment.methods',
        min: 1,
      },
      {
        id: 'form-of-participation',
        label: 'Form of participation in the learning activity',
        kind: 'present',
        field: 'deliveryMode',
      },
      {
        id: 'quality-assurance',
        label: 'Type of quality assurance used',
        kind: 'present',
        field: 'qualityAssurance',
      },
    ],
  },
  {
    id: '6a0f8f0e-4c1b-4d4e-9a57-0e1c0a6f0003',
    key: 'nzqa',
    name: 'NZQA micro-credential approval rules',
    version: '2022',
    publisher: 'New Zealand Qualifications Authority',
    description:
      'Size of 5 to 40 credits (Lattice counts 1 credit per 10 hours of learning), evidence of need, and an annual review.',
    rules: [
      {
        id: 'credits',
        label: 'Between 5 and 40 credits (1 credit = 10 hours)',
        kind: 'range',
        field: 'credits',
        min: 5,
        max: 40,
      },
      {
        id: 'evidence-of-need',
        label: 'Evidence of need from employers, industry or community',
        kind: 'atLeastOf',
        min: 1,
        checks: [
          { kind: 'count', field: 'partnerIds', min: 1 },
          { kind: 'present', field: 'partnershipId' },
          { kind: 'present', field: 'evidenceOfNeed' },
        ],
      },
      {
        id: 'annual-review',
        label: 'Reviewed every year for continued relevance',
        kind: 'equals',
        field: 'annualReview',
        value: true,
      },
    ],
  },
  {
    id: '6a0f8f0e-4c1b-4d4e-9a57-0e1c0a6f0004',
    key: 'ontario-osap',
    name: 'Ontario student aid (OSAP) micro-credential eligibility',
    version: '2021',
    publisher: 'Ontario Ministry of Colleges and Universities',
    description: 'Micro-credentials eligible for OSAP run for less than 12 weeks.',
    rules: [
      { id: 'duration', label: 'Runs for less than 12 weeks', kind: 'range', field: 'weeks', below: 12 },
    ],
  },
];

// Canada's Skills for Success as data, so skill needs and credentials can name them beside ESCO
// skills. Each is linked to the ESCO transversal skills closest to it, which lets a need phrased in
// one framework be matched against an offer phrased in the other.

/** Lattice's own namespace for the nine skills: ESDC publishes no URIs for them. */
export const SKILLS_FOR_SUCCESS_BASE_URI = 'https://lattice.example/sfs/';

export const SKILL_FOR_SUCCESS_IDS = [
  'reading',
  'writing',
  'numeracy',
  'digital',
  'problem-solving',
  'communication',
  'collaboration',
  'adaptability',
  'creativity-and-innovation',
] as const;
export type SkillForSuccessId = (typeof SKILL_FOR_SUCCESS_IDS)[number];

export interface EscoSkillReference {
  uri: string;
  /** The ESCO v1.2 English preferred label, kept so a reader can check the mapping without a lookup. */
  preferredLabel: string;
}

export interface SkillForSuccess {
  id: SkillForSuccessId;
  uri: string;
  labels: { en: string; fr: string };
  descriptions: { en: string; fr: string };
  /** 1–4 skills from ESCO's transversal skills collection. */
  relatedEscoSkills: readonly EscoSkillReference[];
}

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';

function esco(id: string, preferredLabel: string): EscoSkillReference {
  return { uri: `${ESCO_SKILL}${id}`, preferredLabel };
}

function skill(definition: Omit<SkillForSuccess, 'uri'>): SkillForSuccess {
  return { ...definition, uri: `${SKILLS_FOR_SUCCESS_BASE_URI}${definition.id}` };
}

export const SKILLS_FOR_SUCCESS: readonly SkillForSuccess[] = [
  skill({
    id: 'reading',
    labels: { en: 'Reading', fr: 'Lecture' },
    descriptions: {
      en: 'Finding, understanding and judging written information to act on it.',
      fr: 'Trouver, comprendre et évaluer l’information écrite pour pouvoir agir.',
    },
    // ESCO has no transversal "read" skill; judging what one reads is the nearest it comes.
    relatedEscoSkills: [
      esco('db33c0f3-43ee-4ba3-ba47-9269ac837697', 'critically evaluate information and its sources'),
      esco('7dd94ad3-13d6-43fe-8b94-51fcbf67ced9', 'think critically'),
    ],
  }),
  skill({
    id: 'writing',
    labels: { en: 'Writing', fr: 'Rédaction' },
    descriptions: {
      en: 'Putting ideas and facts into text that suits its reader and purpose.',
      fr: 'Mettre des idées et des faits par écrit d’une façon adaptée au lecteur et au but visé.',
    },
    // Nor a transversal "write" skill: "report facts" lists "write minutes" among its labels.
    relatedEscoSkills: [
      esco('be6ab363-3de1-427f-a8ef-85d5b0250822', 'report facts'),
      esco('d822b4b2-26c7-4bd9-970d-229c6504f615', 'create digital content'),
    ],
  }),
  skill({
    id: 'numeracy',
    labels: { en: 'Numeracy', fr: 'Calcul' },
    descriptions: {
      en: 'Using numbers, measurements and data to reason about and solve everyday work tasks.',
      fr: 'Se servir des nombres, des mesures et des données pour raisonner et accomplir les tâches du travail.',
    },
    relatedEscoSkills: [
      esco('19ba11f3-9c99-41fd-a7c9-f77e6a026186', 'carry out calculations'),
      esco('6fc6f757-6baa-49fe-9a82-6ba6a52f2e13', 'interpret mathematical information'),
      esco('1dabb413-18e8-48ed-a963-44978e67ad32', 'calculate probabilities'),
    ],
  }),
  skill({
    id: 'digital',
    labels: { en: 'Digital', fr: 'Compétences numériques' },
    descriptions: {
      en: 'Using digital devices, software and online tools safely to find, make and share information.',
      fr: 'Utiliser en toute sécurité appareils, logiciels et outils en ligne pour trouver, créer et partager de l’information.',
    },
    relatedEscoSkills: [
      esco('6b2f8802-0cbf-436e-a37f-ca55ede41bbc', 'operate digital hardware'),
      esco('b080a008-a35d-4bd0-92e9-edf3773bb2b7', 'use communication and collaboration software'),
      esco('ba93b71b-c433-4a01-8246-ed2daa85a9a2', 'conduct web searches'),
      esco('f4346299-e22a-4686-8e61-2c9b0cd51c7d', 'apply digital security measures'),
    ],
  }),
  skill({
    id: 'problem-solving',
    labels: { en: 'Problem Solving', fr: 'Résolution de problèmes' },
    descriptions: {
      en: 'Spotting a problem, weighing the options and carrying a workable solution through.',
      fr: 'Repérer un problème, peser les options et mener à bien une solution réaliste.',
    },
    relatedEscoSkills: [
      esco('a628d2d1-f40a-4c37-a357-2801726f2996', 'identify problems'),
      esco('adc6dc11-3376-467b-96c5-9b0a21edc869', 'solve problems'),
      esco('4707da90-9cfc-46ca-8de0-38a0b7bfb137', 'think analytically'),
      esco('d62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47', 'make decisions'),
    ],
  }),
  skill({
    id: 'communication',
    labels: { en: 'Communication', fr: 'Communication' },
    descriptions: {
      en: 'Listening to others and speaking so that the message is understood in context.',
      fr: 'Écouter les autres et s’exprimer de manière à être compris selon le contexte.',
    },
    relatedEscoSkills: [
      esco('609a8ac1-9d29-4237-9886-596dbbe7ca8a', 'address an audience'),
      esco('be6ab363-3de1-427f-a8ef-85d5b0250822', 'report facts'),
      esco('5b46f572-7ced-4efd-b270-a81a164d521c', 'moderate a discussion'),
      esco('7954861c-86d4-4529-afbb-2c23dab9ac74', 'negotiate compromises'),
    ],
  }),
  skill({
    id: 'collaboration',
    labels: { en: 'Collaboration', fr: 'Collaboration' },
    descriptions: {
      en: 'Working with others toward a shared goal while respecting their roles and differences.',
      fr: 'Travailler avec d’autres vers un but commun en respectant leurs rôles et leurs différences.',
    },
    relatedEscoSkills: [
      esco('60c78287-22eb-4103-9c8c-28deaa460da0', 'work in teams'),
      esco('bf983f2a-e941-4646-811d-cc81060cb53f', 'build networks'),
      esco('96de2e86-e287-41f2-88ab-15a2343afc6f', 'resolve conflicts'),
      esco('c10d5d87-36cf-42f5-8a12-e560fb5f4af8', 'demonstrate intercultural competence'),
    ],
  }),
  skill({
    id: 'adaptability',
    labels: { en: 'Adaptability', fr: 'Adaptabilité' },
    descriptions: {
      en: 'Adjusting plans, habits and learning when work or circumstances change.',
      fr: 'Ajuster ses plans, ses habitudes et ses apprentissages quand le travail ou la situation change.',
    },
    relatedEscoSkills: [
      esco('49de9958-2aa4-4eef-a89d-fe5d5bcd28c4', 'adapt to change'),
      esco('5cd1930c-278d-4929-b413-27352f5b3687', 'cope with uncertainty'),
      esco('9bf266a6-188b-4d17-a22f-2f266d76832b', 'demonstrate willingness to learn'),
      esco('7a147904-22b3-498a-b4d9-7bceeb86b45d', 'cope with stress'),
    ],
  }),
  skill({
    id: 'creativity-and-innovation',
    labels: { en: 'Creativity and Innovation', fr: 'Créativité et innovation' },
    descriptions: {
      en: 'Coming up with new ideas or new uses of old ones and turning them into practice.',
      fr: 'Imaginer des idées nouvelles, ou de nouveaux usages d’idées existantes, et les mettre en pratique.',
    },
    relatedEscoSkills: [
      esco('c624c6a3-b0ba-4a31-a296-0d433fe47e41', 'think creatively'),
      esco('c2a0c52c-0b4b-4180-a918-92650ea3b458', 'think innovatively'),
      esco('b40584aa-7c63-4eed-9422-a9798fb95fdc', 'improvise'),
    ],
  }),
];

const BY_ID_OR_URI = new Map<string, SkillForSuccess>(
  SKILLS_FOR_SUCCESS.flatMap((sfs) => [
    [sfs.id, sfs],
    [sfs.uri, sfs],
  ]),
);

/** Looks a skill up by its slug (`problem-solving`) or its full URI. */
export function findSkillForSuccess(idOrUri: string): SkillForSuccess | undefined {
  return BY_ID_OR_URI.get(idOrUri);
}

/** The Skills for Success an ESCO skill counts toward, e.g. "work in teams" → Collaboration. */
export function skillsForSuccessRelatedTo(escoSkillUri: string): SkillForSuccess[] {
  return SKILLS_FOR_SUCCESS.filter((sfs) => sfs.relatedEscoSkills.some(({ uri }) => uri === escoSkillUri));
}

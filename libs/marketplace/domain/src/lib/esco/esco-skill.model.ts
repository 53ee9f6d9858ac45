// The normalized ESCO skills-pillar model Lattice matches on, whichever official CSV layouts fed it.

export const ESCO_CONCEPT_TYPES = ['KnowledgeSkillCompetence', 'SkillGroup'] as const;
export type EscoConceptType = (typeof ESCO_CONCEPT_TYPES)[number];

export const ESCO_SKILL_TYPES = ['skill/competence', 'knowledge'] as const;
export type EscoSkillType = (typeof ESCO_SKILL_TYPES)[number];

export const ESCO_REUSE_LEVELS = [
  'transversal',
  'cross-sector',
  'sector-specific',
  'occupation-specific',
] as const;
export type EscoReuseLevel = (typeof ESCO_REUSE_LEVELS)[number];

/** Lattice serves Canada: ESCO ships 28 languages, we keep the two official ones. */
export const ESCO_LANGUAGES = ['en', 'fr'] as const;
export type EscoLanguage = (typeof ESCO_LANGUAGES)[number];

export interface EscoLocalizedLabels {
  preferred: string;
  alt: string[];
  hidden: string[];
  description?: string;
}

export type EscoLabelsByLanguage = Partial<Record<EscoLanguage, EscoLocalizedLabels>>;

/**
 * A skill, knowledge item or skill group. The top-level labels are English, falling back to the
 * first other language when ESCO only published the concept in French; `labels` keeps each one.
 */
export interface EscoSkill {
  uri: string;
  conceptType: EscoConceptType;
  preferredLabel: string;
  altLabels: string[];
  hiddenLabels: string[];
  description?: string;
  skillType?: EscoSkillType;
  reuseLevel?: EscoReuseLevel;
  /** Skill groups only: the hierarchy code, e.g. `S1.2` or ISCED-F `0612`. */
  code?: string;
  broaderUris: string[];
  /** ESCO collections the concept appears in, named from their files: `digital`, `green`, `transversal`… */
  collections: string[];
  labels: EscoLabelsByLanguage;
}

/** Every "broader" edge seen, narrower URI → broader URIs, including concepts that carry no label. */
export type BroaderMap = ReadonlyMap<string, readonly string[]>;

/** Every layout recognized; the last three are outside the skills pillar and are only ever skipped. */
export const ESCO_LAYOUTS = [
  'skills',
  'skillGroups',
  'skillsCollection',
  'broaderRelations',
  'skillsHierarchy',
  'occupations',
  'iscoGroups',
  'skillSkillRelations',
] as const;
export type EscoLayout = (typeof ESCO_LAYOUTS)[number];

export interface EscoSourceSummary {
  /** The file path, or the name the caller gave a stream. */
  name: string;
  /** Absent when the header matched no ESCO layout (the file was then skipped). */
  layout?: EscoLayout;
  language?: EscoLanguage;
  collection?: string;
  records: number;
  /** True when the layout is not part of the skills pillar and the file was passed over. */
  skipped: boolean;
}

export interface EscoCatalog {
  /** Labelled concepts by URI: skills, knowledge and skill groups alike. */
  skills: ReadonlyMap<string, EscoSkill>;
  broader: BroaderMap;
  /** The type of every URI seen, labelled or not (the broader-relations file names 13,939 skills). */
  conceptTypes: ReadonlyMap<string, EscoConceptType>;
  sources: readonly EscoSourceSummary[];
}

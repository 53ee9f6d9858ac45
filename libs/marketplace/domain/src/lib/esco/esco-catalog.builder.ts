// Merges rows from any mix of ESCO files into one concept per URI: the same skill appears in the
// full skills file, in several collections, in the broader-relations file and once per language.
import { CsvRecord } from '@lattice/shared-esco';
import {
  BroaderMap,
  ESCO_CONCEPT_TYPES,
  ESCO_LANGUAGES,
  ESCO_REUSE_LEVELS,
  ESCO_SKILL_TYPES,
  EscoCatalog,
  EscoConceptType,
  EscoLanguage,
  EscoLocalizedLabels,
  EscoReuseLevel,
  EscoSkill,
  EscoSkillType,
  EscoSourceSummary,
} from './esco-skill.model';
import { EscoErrors } from './esco.errors';

/** Where a record came from, so an error names the file and row an operator must fix. */
export interface EscoRecordOrigin {
  source: string;
  /** 1-based data record number, header excluded. */
  record: number;
}

interface LabelDraft {
  preferred?: string;
  alt: Set<string>;
  hidden: Set<string>;
  description?: string;
}

interface ConceptDraft {
  uri: string;
  conceptType: EscoConceptType;
  skillType?: EscoSkillType;
  reuseLevel?: EscoReuseLevel;
  code?: string;
  collections: Set<string>;
  labels: Map<EscoLanguage, LabelDraft>;
}

const HIERARCHY_LEVELS = [0, 1, 2, 3] as const;

export class EscoCatalogBuilder {
  private readonly concepts = new Map<string, ConceptDraft>();
  private readonly edges = new Map<string, Set<string>>();
  private readonly conceptTypes = new Map<string, EscoConceptType>();

  /** A row of the full `skills_<lang>.csv` export: labels are newline separated there. */
  addSkillsRecord(record: CsvRecord, language: EscoLanguage, origin: EscoRecordOrigin): void {
    const concept = this.conceptOf(record, origin);
    this.addSkillClassification(concept, record, origin);
    this.addLabels(concept, language, {
      preferred: record['preferredLabel'],
      alt: splitLines(record['altLabels']),
      hidden: splitLines(record['hiddenLabels']),
      description: record['description'],
    });
  }

  /** A row of `skillGroups_<lang>.csv`. */
  addSkillGroupsRecord(record: CsvRecord, language: EscoLanguage, origin: EscoRecordOrigin): void {
    const concept = this.conceptOf(record, origin);
    concept.code ??= nonEmpty(record['code']);
    this.addLabels(concept, language, {
      preferred: record['preferredLabel'],
      alt: splitLines(record['altLabels']),
      hidden: splitLines(record['hiddenLabels']),
      description: record['description'],
    });
  }

  /** A row of a `<name>SkillsCollection_<lang>.csv`: " | " separated labels and broader URIs. */
  addCollectionRecord(
    record: CsvRecord,
    language: EscoLanguage,
    collection: string,
    origin: EscoRecordOrigin,
  ): void {
    const concept = this.conceptOf(record, origin);
    this.addSkillClassification(concept, record, origin);
    concept.collections.add(collection);
    for (const broaderUri of splitPipes(record['broaderConceptUri'])) this.addEdge(concept.uri, broaderUri);
    this.addLabels(concept, language, {
      preferred: record['preferredLabel'],
      alt: splitPipes(record['altLabels']),
      hidden: [],
      description: record['description'],
    });
  }

  /**
   * A row of `broaderRelationsSkillPillar_<lang>.csv`. URIs only, so it adds edges and types but no
   * labelled concept. The occupation pillar's file has the same header; its rows are not skills
   * and are passed over rather than refused, so a whole ESCO download can be read as it comes.
   */
  addBroaderRecord(record: CsvRecord, origin: EscoRecordOrigin): void {
    const conceptType = asConceptType(record['conceptType']);
    const broaderType = asConceptType(record['broaderType']);
    if (!conceptType || !broaderType) return;
    const uri = requiredUri(record['conceptUri'], 'conceptUri', origin);
    const broaderUri = requiredUri(record['broaderUri'], 'broaderUri', origin);
    this.recordType(uri, conceptType, origin);
    this.recordType(broaderUri, broaderType, origin);
    this.addEdge(uri, broaderUri);
  }

  /**
   * A row of `skillsHierarchy_<lang>.csv`: one path from a pillar root down to a group, Level 0..3.
   * Its Description column is ignored: the French file carries the English descriptions, and
   * skillGroups files hold the same text per language.
   */
  addHierarchyRecord(record: CsvRecord, language: EscoLanguage, origin: EscoRecordOrigin): void {
    let parentUri: string | undefined;
    for (const level of HIERARCHY_LEVELS) {
      const uri = record[`Level ${level} URI`]?.trim();
      if (!uri) break;
      this.recordType(uri, 'SkillGroup', origin);
      const concept = this.draftOf(uri, 'SkillGroup');
      concept.code ??= nonEmpty(record[`Level ${level} code`]);
      this.addLabels(concept, language, {
        preferred: record[`Level ${level} preferred term`],
        alt: [],
        hidden: [],
      });
      if (parentUri) this.addEdge(uri, parentUri);
      parentUri = uri;
    }
  }

  build(sources: readonly EscoSourceSummary[] = []): EscoCatalog {
    const skills = new Map<string, EscoSkill>();
    for (const draft of this.concepts.values()) {
      const skill = this.toSkill(draft);
      if (skill) skills.set(skill.uri, skill);
    }
    const broader: BroaderMap = new Map([...this.edges].map(([uri, targets]) => [uri, [...targets]]));
    return { skills, broader, conceptTypes: new Map(this.conceptTypes), sources: [...sources] };
  }

  private toSkill(draft: ConceptDraft): EscoSkill | undefined {
    const labels: EscoSkill['labels'] = {};
    for (const language of ESCO_LANGUAGES) {
      const label = draft.labels.get(language);
      if (label?.preferred) labels[language] = toLocalized(label, label.preferred);
    }
    // English first because it is the pivot language of ESCO and of Lattice's search index.
    const main = labels.en ?? ESCO_LANGUAGES.map((language) => labels[language]).find(Boolean);
    if (!main) return undefined;
    // No description fallback across languages: an English label over a French text reads as a bug.
    const description = main.description;
    return {
      uri: draft.uri,
      conceptType: draft.conceptType,
      preferredLabel: main.preferred,
      altLabels: [...main.alt],
      hiddenLabels: [...main.hidden],
      ...(description !== undefined && { description }),
      ...(draft.skillType && { skillType: draft.skillType }),
      ...(draft.reuseLevel && { reuseLevel: draft.reuseLevel }),
      ...(draft.code && { code: draft.code }),
      broaderUris: [...(this.edges.get(draft.uri) ?? [])],
      collections: [...draft.collections],
      labels,
    };
  }

  private conceptOf(record: CsvRecord, origin: EscoRecordOrigin): ConceptDraft {
    const uri = requiredUri(record['conceptUri'], 'conceptUri', origin);
    const conceptType = asConceptType(record['conceptType']);
    if (!conceptType) {
      throw EscoErrors.of(
        'INVALID_VALUE',
        `${where(origin)}: conceptType "${record['conceptType']}" is not a skill`,
        {
          ...origin,
          column: 'conceptType',
          value: record['conceptType'],
        },
      );
    }
    this.recordType(uri, conceptType, origin);
    return this.draftOf(uri, conceptType);
  }

  private draftOf(uri: string, conceptType: EscoConceptType): ConceptDraft {
    let draft = this.concepts.get(uri);
    if (!draft) {
      draft = { uri, conceptType, collections: new Set(), labels: new Map() };
      this.concepts.set(uri, draft);
    }
    return draft;
  }

  /** A URI that is a skill in one file and a group in another would corrupt matching: refuse it. */
  private recordType(uri: string, conceptType: EscoConceptType, origin: EscoRecordOrigin): void {
    const known = this.conceptTypes.get(uri);
    if (known && known !== conceptType) {
      throw EscoErrors.of(
        'CONFLICTING_CONCEPT_TYPE',
        `${where(origin)}: ${uri} is a ${conceptType} here but a ${known} elsewhere`,
        { ...origin, uri, conceptType, known },
      );
    }
    this.conceptTypes.set(uri, conceptType);
  }

  private addSkillClassification(concept: ConceptDraft, record: CsvRecord, origin: EscoRecordOrigin): void {
    concept.skillType ??= oneOf(ESCO_SKILL_TYPES, record, 'skillType', origin);
    concept.reuseLevel ??= oneOf(ESCO_REUSE_LEVELS, record, 'reuseLevel', origin);
  }

  private addEdge(uri: string, broaderUri: string): void {
    let targets = this.edges.get(uri);
    if (!targets) {
      targets = new Set();
      this.edges.set(uri, targets);
    }
    targets.add(broaderUri);
  }

  /** First preferred label and description win; alternative and hidden labels accumulate. */
  private addLabels(
    concept: ConceptDraft,
    language: EscoLanguage,
    incoming: { preferred?: string; alt: string[]; hidden: string[]; description?: string },
  ): void {
    let label = concept.labels.get(language);
    if (!label) {
      label = { alt: new Set(), hidden: new Set() };
      concept.labels.set(language, label);
    }
    label.preferred ??= nonEmpty(incoming.preferred);
    label.description ??= normalizedText(incoming.description);
    for (const alt of incoming.alt) label.alt.add(alt);
    for (const hidden of incoming.hidden) label.hidden.add(hidden);
  }
}

function toLocalized(label: LabelDraft, preferred: string): EscoLocalizedLabels {
  return {
    preferred,
    alt: [...label.alt],
    hidden: [...label.hidden],
    ...(label.description !== undefined && { description: label.description }),
  };
}

function asConceptType(value: string | undefined): EscoConceptType | undefined {
  return ESCO_CONCEPT_TYPES.find((type) => type === value?.trim());
}

function oneOf<T extends string>(
  allowed: readonly T[],
  record: CsvRecord,
  column: string,
  origin: EscoRecordOrigin,
): T | undefined {
  const value = record[column]?.trim();
  // ESCO v1.2 leaves skillType and reuseLevel empty on a handful of rows: absent, not invalid.
  if (!value) return undefined;
  const known = allowed.find((candidate) => candidate === value);
  if (!known) {
    throw EscoErrors.of(
      'INVALID_VALUE',
      `${where(origin)}: ${column} "${value}" is not one of ${allowed.join(', ')}`,
      {
        ...origin,
        column,
        value,
      },
    );
  }
  return known;
}

function requiredUri(value: string | undefined, column: string, origin: EscoRecordOrigin): string {
  const uri = value?.trim();
  if (!uri) {
    throw EscoErrors.of('INVALID_VALUE', `${where(origin)}: ${column} is empty`, {
      ...origin,
      column,
      value: '',
    });
  }
  return uri;
}

function where(origin: EscoRecordOrigin): string {
  return `${origin.source}, record ${origin.record}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Descriptions keep their paragraph breaks, but as LF: the collection files write them as CRLF. */
function normalizedText(value: string | undefined): string | undefined {
  return nonEmpty(value?.replace(/\r\n?/g, '\n'));
}

/** Full skills and skill-group files put one label per line inside the quoted cell. */
function splitLines(value: string | undefined): string[] {
  return splitOn(value, /\r\n|\r|\n/);
}

/**
 * Collection files join labels and broader URIs with " | ", sometimes with stray spaces or an
 * empty last item; line breaks are accepted too in case a re-export switches separators.
 */
function splitPipes(value: string | undefined): string[] {
  return splitOn(value, /\||\r\n|\r|\n/);
}

function splitOn(value: string | undefined, separator: RegExp): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

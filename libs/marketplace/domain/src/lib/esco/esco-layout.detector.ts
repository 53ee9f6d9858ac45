// ESCO ships one concept per row in several layouts whose names an operator may change; the header
// row is the only reliable signature, so the layout is read from it and never from the file name.
import { ESCO_LANGUAGES, EscoLanguage, EscoLayout } from './esco-skill.model';

const HIERARCHY_LEVELS = [0, 1, 2, 3] as const;

/**
 * Checked in order, first match wins. Order matters where one header is a superset of another:
 * occupations carry every skill-group column plus `iscoGroup`; skill groups carry every ISCO-group
 * column plus `hiddenLabels`.
 */
const SIGNATURES: readonly { layout: EscoLayout; columns: readonly string[] }[] = [
  { layout: 'skillSkillRelations', columns: ['originalSkillUri', 'relationType', 'relatedSkillUri'] },
  { layout: 'broaderRelations', columns: ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'] },
  {
    layout: 'skillsHierarchy',
    columns: HIERARCHY_LEVELS.flatMap((level) => [`Level ${level} URI`, `Level ${level} preferred term`]),
  },
  { layout: 'occupations', columns: ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel'] },
  {
    layout: 'skills',
    columns: [
      'conceptType',
      'conceptUri',
      'skillType',
      'reuseLevel',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'description',
    ],
  },
  {
    layout: 'skillsCollection',
    columns: [
      'conceptType',
      'conceptUri',
      'skillType',
      'reuseLevel',
      'preferredLabel',
      'altLabels',
      'description',
      'broaderConceptUri',
    ],
  },
  {
    layout: 'skillGroups',
    columns: [
      'conceptType',
      'conceptUri',
      'preferredLabel',
      'altLabels',
      'hiddenLabels',
      'description',
      'code',
    ],
  },
  {
    layout: 'iscoGroups',
    columns: ['conceptType', 'conceptUri', 'code', 'preferredLabel', 'altLabels', 'description'],
  },
];

/** The ESCO layout a header row belongs to, or undefined when it is none we know. */
export function detectEscoLayout(header: readonly string[]): EscoLayout | undefined {
  const present = new Set(header);
  return SIGNATURES.find(({ columns }) => columns.every((column) => present.has(column)))?.layout;
}

/**
 * Official exports end in `_<language>.csv`; the rows themselves never say which language they are
 * in, so the name is the only hint when the caller gives none.
 */
export function languageFromFileName(fileName: string): EscoLanguage | undefined {
  const suffix = /_([a-z]{2})\.csv$/i.exec(fileName)?.[1]?.toLowerCase();
  return ESCO_LANGUAGES.find((language) => language === suffix);
}

/** `greenSkillsCollection_en.csv` → `green`: collection rows do not name their collection either. */
export function collectionFromFileName(fileName: string): string | undefined {
  return /([A-Za-z]+)SkillsCollection_[^/\\]*$/.exec(fileName)?.[1];
}

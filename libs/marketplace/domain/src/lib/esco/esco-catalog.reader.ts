// Reads official ESCO CSV exports (files or streams) into an EscoCatalog, choosing each file's
// layout from its header row.
import { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CsvSource, parseCsv } from '@lattice/shared-esco';
import { EscoCatalogBuilder, EscoRecordOrigin } from './esco-catalog.builder';
import { collectionFromFileName, detectEscoLayout, languageFromFileName } from './esco-layout.detector';
import { EscoCatalog, EscoLanguage, EscoLayout, EscoSourceSummary } from './esco-skill.model';
import { EscoErrors } from './esco.errors';

export interface EscoSourceInput {
  source: CsvSource;
  /** Required for streams; for paths the file name is used, and hints language and collection. */
  name?: string;
  /** Overrides the `_<language>.csv` suffix of the name. */
  language?: EscoLanguage;
  /** Overrides the `<name>SkillsCollection_` prefix of the name; collection layout only. */
  collection?: string;
}

export interface ReadEscoOptions {
  /**
   * Pass over files whose layout is not part of the skills pillar (occupations, ISCO groups,
   * skill-to-skill relations, unknown headers) instead of refusing them.
   */
  skipOtherLayouts?: boolean;
}

/** Reads the sources in order and merges them; later files add to, never replace, earlier ones. */
export async function readEscoCatalog(
  inputs: Iterable<string | EscoSourceInput>,
  options: ReadEscoOptions = {},
): Promise<EscoCatalog> {
  const builder = new EscoCatalogBuilder();
  const sources: EscoSourceSummary[] = [];
  for (const input of inputs) {
    const summary = await readEscoSource(
      builder,
      typeof input === 'string' ? { source: input } : input,
      options,
    );
    if (summary) sources.push(summary);
  }
  return builder.build(sources);
}

/**
 * Reads every `.csv` in a directory and in its immediate subdirectories (ESCO's per-language
 * folders such as `fr/`), in name order, skipping files outside the skills pillar.
 */
export async function readEscoDirectory(directory: string): Promise<EscoCatalog> {
  return readEscoCatalog(await csvFilesIn(directory), { skipOtherLayouts: true });
}

async function csvFilesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files = csvNamesAmong(entries).map((name) => join(directory, name));
  for (const subdirectory of entries.filter((entry) => entry.isDirectory()).sort(byName)) {
    const nested = await readdir(join(directory, subdirectory.name), { withFileTypes: true });
    files.push(...csvNamesAmong(nested).map((name) => join(directory, subdirectory.name, name)));
  }
  return files;
}

function csvNamesAmong(entries: Dirent[]): string[] {
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .sort(byName)
    .map((entry) => entry.name);
}

/** Code-point order, not locale order: the merge order must not depend on the host's ICU data. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** What to do with a source's records, decided from its header before the first one arrives. */
type SourcePlan =
  | { layout: 'skills' | 'skillGroups' | 'skillsHierarchy'; language: EscoLanguage }
  | { layout: 'skillsCollection'; language: EscoLanguage; collection: string }
  | { layout: 'broaderRelations' }
  | { layout: 'skip'; detected?: EscoLayout };

async function readEscoSource(
  builder: EscoCatalogBuilder,
  input: EscoSourceInput,
  options: ReadEscoOptions,
): Promise<EscoSourceSummary | undefined> {
  const name = input.name ?? (typeof input.source === 'string' ? input.source : 'stream');
  // A holder rather than a `let`: TypeScript would keep a closure-assigned `let` narrowed to undefined.
  const chosen: { plan?: SourcePlan } = {};
  const csv = parseCsv(input.source, {
    onHeader: (header) => {
      chosen.plan = planFor(header, input, name, options);
    },
  });
  let records = 0;
  for await (const record of csv) {
    const plan = chosen.plan;
    // Stopping early also closes the file: the generator's return() reaches the stream.
    if (!plan || plan.layout === 'skip') break;
    records++;
    const origin: EscoRecordOrigin = { source: name, record: records };
    switch (plan.layout) {
      case 'skills':
        builder.addSkillsRecord(record, plan.language, origin);
        break;
      case 'skillGroups':
        builder.addSkillGroupsRecord(record, plan.language, origin);
        break;
      case 'skillsHierarchy':
        builder.addHierarchyRecord(record, plan.language, origin);
        break;
      case 'skillsCollection':
        builder.addCollectionRecord(record, plan.language, plan.collection, origin);
        break;
      case 'broaderRelations':
        builder.addBroaderRecord(record, origin);
        break;
    }
  }
  const plan = chosen.plan;
  if (!plan) return undefined; // an empty file: nothing read, nothing to report
  if (plan.layout === 'skip') {
    return { name, ...(plan.detected && { layout: plan.detected }), records: 0, skipped: true };
  }
  return {
    name,
    layout: plan.layout,
    ...('language' in plan && { language: plan.language }),
    ...('collection' in plan && { collection: plan.collection }),
    records,
    skipped: false,
  };
}

function planFor(
  header: readonly string[],
  input: EscoSourceInput,
  name: string,
  options: ReadEscoOptions,
): SourcePlan {
  const layout = detectEscoLayout(header);
  const fileName = basename(name);
  switch (layout) {
    case 'skills':
    case 'skillGroups':
    case 'skillsHierarchy':
      return { layout, language: input.language ?? requireLanguage(fileName, name) };
    case 'skillsCollection':
      return {
        layout,
        language: input.language ?? requireLanguage(fileName, name),
        collection: input.collection ?? requireCollection(fileName, name),
      };
    case 'broaderRelations':
      return { layout };
    case 'occupations':
    case 'iscoGroups':
    case 'skillSkillRelations':
    case undefined:
      if (options.skipOtherLayouts) return { layout: 'skip', ...(layout && { detected: layout }) };
      throw EscoErrors.of(
        'UNSUPPORTED_LAYOUT',
        `${name}: ${layout ? `the ${layout} layout is not part of the skills pillar` : 'the header matches no ESCO layout'}`,
        { source: name, layout: layout ?? null, header: [...header] },
      );
  }
}

function requireLanguage(fileName: string, name: string): EscoLanguage {
  const language = languageFromFileName(fileName);
  if (!language) {
    throw EscoErrors.of(
      'UNKNOWN_LANGUAGE',
      `${name}: give a language, the name does not end in _en.csv or _fr.csv`,
      {
        source: name,
      },
    );
  }
  return language;
}

function requireCollection(fileName: string, name: string): string {
  const collection = collectionFromFileName(fileName);
  if (!collection) {
    throw EscoErrors.of('UNKNOWN_COLLECTION', `${name}: give a collection, the name does not say which one`, {
      source: name,
    });
  }
  return collection;
}

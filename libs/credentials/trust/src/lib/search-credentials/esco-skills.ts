// The ESCO skills the catalogue knows, read once from the bundled ESCO folder (data/esco): each
// concept's URI and English/French labels under the Lattice skill id the marketplace gives it, and
// the "broader" edges between concepts. The catalogue uses it twice, without asking the
// marketplace (which owns the skill tree but answers only signed-in callers, while the catalogue
// and its exports are public):
//  - a skill filter also finds credentials that teach the skill's narrower skills;
//  - the CTDL export aligns competencies to ESCO URIs with their labels.
// Both read the same bundled files the marketplace imports, with the same CSV reader and skill ids
// (`@lattice/shared-esco`), so ids and edges agree with it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvRecord, parseCsvText, skillIdForUri } from '@lattice/shared-esco';

export interface EscoConcept {
  readonly id: string;
  readonly uri: string;
  /** Preferred labels by language (`en`, `fr`), when the bundled collections have them. */
  readonly labels: { readonly en?: string; readonly fr?: string };
}

/** A skill filter widened by more than this many narrower skills is cut there (the tree's roots hold thousands). */
export const MAX_NARROWER_SKILLS = 5_000;

/** Rows of a bundled CSV file as objects keyed by its header row (the one shared CSV reader). */
function records(file: string): CsvRecord[] {
  return parseCsvText(readFileSync(file, 'utf8'));
}

export class EscoSkills {
  private readonly concepts = new Map<string, EscoConcept>();
  /** Skill id → the ids of the concepts directly narrower than it. */
  private readonly narrowerOf = new Map<string, string[]>();

  constructor(
    concepts: readonly { uri: string; en?: string; fr?: string }[],
    broaderEdges: readonly { uri: string; broaderUri: string }[],
  ) {
    for (const c of concepts) {
      const id = skillIdForUri(c.uri);
      const known = this.concepts.get(id);
      const labels = { ...known?.labels, ...(c.en ? { en: c.en } : {}), ...(c.fr ? { fr: c.fr } : {}) };
      this.concepts.set(id, { id, uri: c.uri, labels });
    }
    for (const edge of broaderEdges) {
      const parent = skillIdForUri(edge.broaderUri);
      const child = skillIdForUri(edge.uri);
      const list = this.narrowerOf.get(parent) ?? [];
      if (!list.includes(child)) list.push(child);
      this.narrowerOf.set(parent, list);
      for (const uri of [edge.uri, edge.broaderUri]) {
        const id = skillIdForUri(uri);
        if (!this.concepts.has(id)) this.concepts.set(id, { id, uri, labels: {} });
      }
    }
  }

  /** Reads the bundled folder (data/esco layout: *_en.csv at the top, *_fr.csv under fr/). */
  static fromFolder(dir: string): EscoSkills {
    const concepts: { uri: string; en?: string; fr?: string }[] = [];
    const edges: { uri: string; broaderUri: string }[] = [];
    const csvs = (folder: string, suffix: string) =>
      existsSync(folder)
        ? readdirSync(folder)
            .filter((name) => name.endsWith(suffix))
            .sort()
            .map((name) => join(folder, name))
        : [];
    for (const file of csvs(dir, '_en.csv')) {
      if (file.includes('broaderRelations')) {
        for (const r of records(file))
          if (r['conceptUri'] && r['broaderUri'])
            edges.push({ uri: r['conceptUri'], broaderUri: r['broaderUri'] });
      } else {
        for (const r of records(file))
          if (r['conceptUri']) concepts.push({ uri: r['conceptUri'], en: r['preferredLabel'] || undefined });
      }
    }
    for (const file of csvs(join(dir, 'fr'), '_fr.csv')) {
      for (const r of records(file))
        if (r['conceptUri']) concepts.push({ uri: r['conceptUri'], fr: r['preferredLabel'] || undefined });
    }
    return new EscoSkills(concepts, edges);
  }

  /** The ESCO concept behind a Lattice skill id, or undefined (not ESCO, or not in the bundled subset). */
  concept(skillId: string): EscoConcept | undefined {
    return this.concepts.get(skillId.toLowerCase());
  }

  /**
   * These skills and every skill below them (narrower, transitively), each once, the given ones
   * first; at most `limit` ids. Ids ESCO does not know are kept as they are.
   */
  withNarrower(skillIds: readonly string[], limit = MAX_NARROWER_SKILLS): string[] {
    const seen = new Set<string>(skillIds.map((id) => id.toLowerCase()));
    let frontier = [...seen];
    while (frontier.length > 0 && seen.size < limit) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const child of this.narrowerOf.get(id) ?? []) {
          if (seen.size >= limit) break;
          if (seen.has(child)) continue;
          seen.add(child);
          next.push(child);
        }
      }
      frontier = next;
    }
    return [...seen];
  }
}

// The ESCO skills the catalogue knows, read once from the bundled ESCO folder (data/esco): each
// concept's URI and English/French labels under the Lattice skill id the marketplace gives it, and
// the "broader" edges between concepts. The catalogue uses it twice, without asking the
// marketplace (which owns the skill tree but answers only signed-in callers, while the catalogue
// and its exports are public):
//  - a skill filter also finds credentials that teach the skill's narrower skills;
//  - the CTDL export aligns competencies to ESCO URIs with their labels.
// Both read the same bundled files the marketplace imports, so ids and edges agree with it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EscoConcept {
  readonly id: string;
  readonly uri: string;
  /** Preferred labels by language (`en`, `fr`), when the bundled collections have them. */
  readonly labels: { readonly en?: string; readonly fr?: string };
}

/** A skill filter widened by more than this many narrower skills is cut there (the tree's roots hold thousands). */
export const MAX_NARROWER_SKILLS = 5_000;

const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * The Lattice skill id of an ESCO concept: RFC 4122 version 5 of its URI in the URL namespace —
 * the marketplace's `skillIdForUri`, which credentials may not import (service boundaries); a unit
 * test pins both to the same value.
 */
export function escoSkillId(uri: string): string {
  const hash = createHash('sha1').update(URL_NAMESPACE).update(uri, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Rows as objects keyed by the header row. */
function records(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
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
      const id = escoSkillId(c.uri);
      const known = this.concepts.get(id);
      const labels = { ...known?.labels, ...(c.en ? { en: c.en } : {}), ...(c.fr ? { fr: c.fr } : {}) };
      this.concepts.set(id, { id, uri: c.uri, labels });
    }
    for (const edge of broaderEdges) {
      const parent = escoSkillId(edge.broaderUri);
      const child = escoSkillId(edge.uri);
      const list = this.narrowerOf.get(parent) ?? [];
      if (!list.includes(child)) list.push(child);
      this.narrowerOf.set(parent, list);
      for (const uri of [edge.uri, edge.broaderUri]) {
        const id = escoSkillId(uri);
        if (!this.concepts.has(id)) this.concepts.set(id, { id, uri, labels: {} });
      }
    }
  }

  /** Reads the bundled folder (data/esco layout: *_en.csv at the top, *_fr.csv under fr/). */
  static fromFolder(dir: string): EscoSkills {
    const concepts: { uri: string; en?: string; fr?: string }[] = [];
    const edges: { uri: string; broaderUri: string }[] = [];
    const csvs = (folder: string, suffix: string) =>
      existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(suffix)).sort().map((name) => join(folder, name)) : [];
    for (const file of csvs(dir, '_en.csv')) {
      if (file.includes('broaderRelations')) {
        for (const r of records(file)) if (r['conceptUri'] && r['broaderUri']) edges.push({ uri: r['conceptUri'], broaderUri: r['broaderUri'] });
      } else {
        for (const r of records(file)) if (r['conceptUri']) concepts.push({ uri: r['conceptUri'], en: r['preferredLabel'] || undefined });
      }
    }
    for (const file of csvs(join(dir, 'fr'), '_fr.csv')) {
      for (const r of records(file)) if (r['conceptUri']) concepts.push({ uri: r['conceptUri'], fr: r['preferredLabel'] || undefined });
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

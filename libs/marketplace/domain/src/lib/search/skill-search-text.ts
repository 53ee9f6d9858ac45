// How skill labels and searches are compared: both become words without accents or case, a
// trailing plural s/x dropped ("bases de données" → base de donnee), and each multi-word label
// also gives its words run together ("projectmanagement"), so a missing space still meets it.
// Words then match within an edit distance that grows with their length (adjacent letters
// swapped count as one edit), and a skill scores by how well each searched word met one of its
// words. The database finds candidate words (trigram nearest neighbours, a bounded number per
// searched word); this decides which of them count and how much.

/** Searched words considered (the rest are ignored), and candidate words fetched per searched word. */
export const SEARCH_MAX_WORDS = 8;
export const SEARCH_CANDIDATES_PER_WORD = 40;
const MAX_WORD_LENGTH = 40;

/** Lower case, accents removed, split on anything not a letter or digit, plural endings dropped. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => stem(word.slice(0, MAX_WORD_LENGTH)));
}

function stem(word: string): string {
  if (word.length > 3 && /[sx]$/.test(word) && !/ss$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The words a label offers to search: its own words, and all of them run together when there are several. */
export function labelSearchWords(label: string): string[] {
  const words = searchWords(label);
  return words.length > 1 ? [...new Set([...words, words.join('')])] : words;
}

/** Edits allowed between a searched word and a label word: none up to 2 letters, one up to 5, two beyond. */
export function allowedEdits(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps),
 * or `max + 1` as soon as it must exceed `max` — bounded work per pair.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_v, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** English endings taken off to find a word's root, longest first within each family. */
const ENDINGS = ['ability', 'ibility', 'ment', 'ing', 'ion', 'ed', 'e'];

/**
 * A word's root for meeting its relatives: what employers write ("time management", "mentoring",
 * "driving", "communication") against how ESCO labels the skill ("manage time", "mentor
 * individuals", "drive", "communicate"). Endings come off while the root keeps 4 letters; a
 * consonant doubled before -ing/-ed is single again ("programming" → program).
 */
export function wordRoot(word: string): string {
  let root = word;
  for (let round = 0; round < 2; round++) {
    const ending = ENDINGS.find((e) => root.endsWith(e) && root.length - e.length >= 4);
    if (!ending) break;
    root = root.slice(0, -ending.length);
    if (
      (ending === 'ing' || ending === 'ed') &&
      /([b-df-hj-km-rtv-z])\1$/.test(root) &&
      !/(ll|ss|ff|zz)$/.test(root)
    )
      root = root.slice(0, -1);
  }
  return root;
}

/** Quality of a word met only through its root (below one edit on a long word). */
export const ROOT_MATCH_QUALITY = 0.8;

/**
 * How well a searched word meets a label word, 0..1: 1 when equal, less per edit, a little less
 * for a relative sharing its root (management/manage), a little for a searched word that is the
 * start of a longer label word (typing in progress); 0 beyond the allowed edits.
 */
export function wordMatchQuality(searched: string, candidate: string): number {
  if (searched === candidate) return 1;
  const edits = editDistance(searched, candidate, allowedEdits(searched));
  if (edits <= allowedEdits(searched)) return 1 - (0.5 * edits) / Math.max(searched.length, 2) - 0.05 * edits;
  if (searched.length >= 5 && candidate.length >= 4 && wordRoot(searched) === wordRoot(candidate))
    return ROOT_MATCH_QUALITY;
  if (searched.length >= 3 && candidate.startsWith(searched)) return 0.6;
  return 0;
}

export interface WordMatch {
  /** Which searched word (1-based) this vocabulary word met. */
  readonly ord: number;
  readonly word: string;
  readonly quality: number;
}

/**
 * The vocabulary of label words, indexed by trigram: a searched word's candidates are the words
 * sharing most trigrams with it (at most CANDIDATES_CHECKED), each then checked by edit distance.
 * Work per searched word is bounded by the trigram lists it touches and that cap.
 */
export class SearchVocabulary {
  private readonly postings = new Map<string, number[]>();
  static readonly CANDIDATES_CHECKED = 200;

  constructor(private readonly words: readonly string[]) {
    words.forEach((word, index) => {
      for (const gram of new Set(trigrams(word))) {
        const list = this.postings.get(gram);
        if (list) list.push(index);
        else this.postings.set(gram, [index]);
      }
    });
  }

  get size(): number {
    return this.words.length;
  }

  /** Vocabulary words meeting each searched word, best first, SEARCH_CANDIDATES_PER_WORD at most per word. */
  match(searched: readonly string[]): WordMatch[] {
    return searched.flatMap((token, index) => {
      const shared = new Map<number, number>();
      for (const gram of new Set(trigrams(token))) {
        for (const word of this.postings.get(gram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
      }
      const root = token.length >= 5 ? wordRoot(token) : null;
      return [...shared]
        .filter(
          ([word]) =>
            Math.abs(this.words[word]!.length - token.length) <= 2 ||
            this.words[word]!.startsWith(token) ||
            (root !== null && this.words[word]!.startsWith(root) && wordRoot(this.words[word]!) === root),
        )
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, SearchVocabulary.CANDIDATES_CHECKED)
        .map(([word]) => ({
          ord: index + 1,
          word: this.words[word]!,
          quality: wordMatchQuality(token, this.words[word]!),
        }))
        .filter((match) => match.quality > 0)
        .sort((a, b) => b.quality - a.quality || a.word.localeCompare(b.word))
        .slice(0, SEARCH_CANDIDATES_PER_WORD);
    });
  }
}

function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  return Array.from({ length: padded.length - 2 }, (_v, i) => padded.slice(i, i + 3));
}

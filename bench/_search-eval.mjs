// The skill-search evaluation set: misspellings people make, generated from the labels with a
// fixed seed and committed as bench/search-eval.json — one and two edits (insert, delete,
// substitute, in one or two words), adjacent letters swapped, a missing space, words in another
// order, singular/plural, French labels without their accents. Each entry names the skill meant.
// `node bench/_search-eval.mjs` regenerates it from the taxonomy in BENCH_DATABASE_URL.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { benchDatabaseUrl, ROOT } from './_common.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function generateSearchEval(skills, seed = 20261204) {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const longWordIndex = (words) => {
    const long = words.map((w, i) => [w, i]).filter(([w]) => w.length >= 5);
    return long.length ? pick(long)[1] : -1;
  };
  const edit = (word) => {
    const at = 1 + int(word.length - 1); // people rarely miss the first letter
    switch (int(3)) {
      case 0:
        return word.slice(0, at) + word.slice(at + 1); // deletion
      case 1:
        return word.slice(0, at) + pick(LETTERS) + word.slice(at); // insertion
      default: {
        let letter = pick(LETTERS);
        while (letter === word[at]) letter = pick(LETTERS);
        return word.slice(0, at) + letter + word.slice(at + 1); // substitution
      }
    }
  };
  const kinds = {
    'one edit': (label) => {
      const words = label.split(' ');
      const i = longWordIndex(words);
      if (i < 0) return null;
      words[i] = edit(words[i]);
      return words.join(' ');
    },
    'two edits': (label) => {
      const words = label.split(' ');
      const long = words.map((w, i) => [w, i]).filter(([w]) => w.length >= 7);
      if (long.length === 0) return null;
      if (long.length >= 2 && random() < 0.5) {
        const [a, b] = [long[0][1], long[1][1]];
        words[a] = edit(words[a]);
        words[b] = edit(words[b]);
      } else {
        const i = pick(long)[1];
        words[i] = edit(edit(words[i]));
      }
      return words.join(' ');
    },
    'swapped letters': (label) => {
      const words = label.split(' ');
      const i = longWordIndex(words);
      if (i < 0) return null;
      const w = words[i];
      const at = 1 + int(w.length - 2);
      if (w[at] === w[at + 1]) return null;
      words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      return words.join(' ');
    },
    'missing space': (label) => {
      const words = label.split(' ');
      if (words.length < 2) return null;
      const at = int(words.length - 1);
      return [...words.slice(0, at), words[at] + words[at + 1], ...words.slice(at + 2)].join(' ');
    },
    'word order': (label) => {
      const words = label.split(' ');
      if (words.length < 2) return null;
      return [...words].reverse().join(' ');
    },
    plural: (label) => {
      const words = label.split(' ');
      const last = words.length - 1;
      if (words[last].length < 4) return null;
      words[last] = words[last].endsWith('s') ? words[last].slice(0, -1) : `${words[last]}s`;
      return words.join(' ');
    },
    'accents removed': (_label, skill) => {
      if (!skill.labelFr || !/[^\u0000-\u007f]/.test(skill.labelFr)) return null;
      return skill.labelFr.normalize('NFD').replace(/\p{M}+/gu, '');
    },
  };
  const counts = {
    'one edit': 200,
    'two edits': 150,
    'swapped letters': 60,
    'missing space': 50,
    'word order': 50,
    plural: 50,
    'accents removed': 50,
  };
  const entries = [];
  for (const [kind, count] of Object.entries(counts)) {
    let made = 0;
    for (let tries = 0; made < count && tries < count * 50; tries++) {
      const skill = pick(skills);
      const label = skill.labelEn.toLowerCase();
      const query = kinds[kind](label, skill);
      if (!query || query === label) continue;
      entries.push({
        kind,
        query,
        skillId: skill.id,
        label: kind === 'accents removed' ? skill.labelFr : skill.labelEn,
      });
      made++;
    }
  }
  return entries;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  // Labels that name one skill only: a misspelling of a label two skills share cannot say which was meant.
  const { rows } =
    await client.query(`SELECT id, label_en AS "labelEn", label_fr AS "labelFr" FROM marketplace.skills s
    WHERE kind <> 'SKILL_GROUP' AND (SELECT count(*) FROM marketplace.skills t WHERE lower(t.label_en) = lower(s.label_en)) = 1 ORDER BY uri`);
  await client.end();
  const entries = generateSearchEval(rows);
  writeFileSync(join(ROOT, 'bench/search-eval.json'), `${JSON.stringify(entries, null, 1)}\n`);
  console.log(`wrote ${entries.length} queries to bench/search-eval.json`);
}

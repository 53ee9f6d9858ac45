// French punctuation in every French message: a no-break space (U+00A0) before ":" and inside
// « », a narrow one (U+202F) before ";", "!" and "?" — never an ordinary space, which lets a
// line break leave the sign alone at the start of the next line. The notifications' own French
// texts (e-mails) are held to the same rule in libs/notifications/domain (inbox-texts.spec.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'fr');

function strings(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  return [];
}

const messages = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => strings(JSON.parse(readFileSync(join(DIR, file), 'utf8')), file.replace(/\.json$/, '')));

describe('French messages', () => {
  it('are read (every file, every string)', () => {
    expect(messages.length).toBeGreaterThan(500);
  });

  it('put no ordinary space before : ; ! ? » or after «', () => {
    const wrong = messages.filter(([, text]) => / [:;!?»]|« /.test(text)).map(([path]) => path);
    expect(wrong).toEqual([]);
  });

  it('put a narrow no-break space before every ; ! ? that ends a clause', () => {
    const wrong = messages.filter(([, text]) => /[^\u202f][;!?](\s|$)/.test(text)).map(([path]) => path);
    expect(wrong).toEqual([]);
  });
});

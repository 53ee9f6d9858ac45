import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isAppError } from '@lattice/shared-util-errors';
import { CsvRecord, CsvSource, parseCsv, parseCsvRows, parseCsvText } from './parse-csv';

async function records(source: CsvSource): Promise<CsvRecord[]> {
  const result: CsvRecord[] = [];
  for await (const record of parseCsv(source)) result.push(record);
  return result;
}

async function rows(source: CsvSource): Promise<string[][]> {
  const result: string[][] = [];
  for await (const row of parseCsvRows(source)) result.push(row.fields);
  return result;
}

/** Feeds the text one character per chunk: every state must survive a chunk edge. */
function oneCharAtATime(text: string): Readable {
  return Readable.from([...text]);
}

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected the CSV to be refused');
}

describe('parseCsv', () => {
  const tricky =
    '\uFEFFuri,preferredLabel,altLabels\r\n' +
    'u1,"manage time, and tasks","plan the day\r\nschedule work"\r\n' +
    'u2,"say ""hello""",\r\n' +
    'u3,plain,"ends with a quote """\r\n';

  const expected = [
    { uri: 'u1', preferredLabel: 'manage time, and tasks', altLabels: 'plan the day\r\nschedule work' },
    { uri: 'u2', preferredLabel: 'say "hello"', altLabels: '' },
    { uri: 'u3', preferredLabel: 'plain', altLabels: 'ends with a quote "' },
  ];

  it('keys records by header and honours quotes, escaped quotes, embedded commas and line breaks', async () => {
    await expect(records(Readable.from([tricky]))).resolves.toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    await expect(records(oneCharAtATime(tricky))).resolves.toEqual(expected);
  });

  it('strips a UTF-8 byte order mark arriving as bytes split across chunks', async () => {
    const bytes = Buffer.from('\uFEFFconceptUri,label\nx,base de données\n', 'utf8');
    const split = Readable.from([bytes.subarray(0, 2), bytes.subarray(2, 30), bytes.subarray(30)]);
    await expect(records(split)).resolves.toEqual([{ conceptUri: 'x', label: 'base de données' }]);
  });

  it('accepts LF, CRLF and a missing final line break alike', async () => {
    const lf = await records(Readable.from(['a,b\n1,2\n3,4']));
    const crlf = await records(Readable.from(['a,b\r\n1,2\r\n3,4\r\n']));
    expect(lf).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(crlf).toEqual(lf);
  });

  it('keeps a trailing empty field and an empty quoted field at end of input', async () => {
    await expect(rows(Readable.from(['a,b\n1,']))).resolves.toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    await expect(rows(Readable.from(['a,b\n1,""']))).resolves.toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });

  it('skips blank lines and pads short records, as ESCO skillsHierarchy rows need', async () => {
    await expect(records(Readable.from(['a,b,c\n\n1\n']))).resolves.toEqual([{ a: '1', b: '', c: '' }]);
  });

  it('yields the first record long before the source runs dry', async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<string> {
      yield 'a,b\n';
      for (let index = 0; index < 1000; index++) {
        pulled++;
        yield `${index},x\n`;
      }
    }
    for await (const record of parseCsv(source())) {
      expect(record).toEqual({ a: '0', b: 'x' });
      break;
    }
    expect(pulled).toBe(1);
  });

  it('reads a file path as a stream', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parse-csv-'));
    try {
      const file = join(directory, 'skills.csv');
      writeFileSync(file, 'conceptUri,preferredLabel\nhttp://x/1,"work in teams"\n');
      await expect(records(file)).resolves.toEqual([
        { conceptUri: 'http://x/1', preferredLabel: 'work in teams' },
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a record longer than the header, naming its line', async () => {
    const error = await errorOf(records(Readable.from(['a,b\n1,2\n"x\ny",2,3\n'])));
    expect(error).toEqual({ code: 'CSV.MALFORMED_CSV', details: { line: 3, fields: 3, columns: 2 } });
  });

  it('refuses an unterminated quoted field, naming the line it opened on', async () => {
    const error = await errorOf(records(Readable.from(['a,b\n1,2\n3,"never\nclosed\n'])));
    expect(error).toEqual({ code: 'CSV.MALFORMED_CSV', details: { line: 3 } });
  });

  it('refuses text after a closing quote', async () => {
    const error = await errorOf(records(Readable.from(['a,b\n"x"y,2\n'])));
    expect(error.code).toBe('CSV.MALFORMED_CSV');
  });

  it('refuses a header that repeats a column', async () => {
    const error = await errorOf(records(Readable.from(['a,a\n1,2\n'])));
    expect(error).toEqual({ code: 'CSV.MALFORMED_CSV', details: { line: 1, column: 'a' } });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = Buffer.from('a\ncaf\xe9\n', 'latin1');
    const error = await errorOf(records(Readable.from([latin1])));
    expect(error.code).toBe('CSV.INVALID_ENCODING');
  });

  it('reports the header before the first record', async () => {
    const seen: string[] = [];
    for await (const record of parseCsv(Readable.from(['x,y\n1,2\n']), {
      onHeader: (header) => seen.push(`header:${header.join('|')}`),
    })) {
      seen.push(`record:${record['x']}`);
    }
    expect(seen).toEqual(['header:x|y', 'record:1']);
  });

  it('keeps a column named __proto__ as data', async () => {
    const [record] = await records(Readable.from(['__proto__,b\n1,2\n']));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(record?.['__proto__']).toBe('1');
  });
});

describe('parseCsvText', () => {
  /** Seeded generator of awkward CSV: quotes, doubled quotes, commas, CR, LF, CRLF, BOM, blank lines. */
  function awkwardCsv(seed: number): string {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const pieces = ['a', 'é', ' ', ',', '""', '\n', '\r\n', '\r', 'x"y', '\uFEFF'];
    const columns = 1 + next(4);
    const lines = [Array.from({ length: columns }, (_, i) => `c${i}`).join(',')];
    for (let r = 0; r < 1 + next(6); r++) {
      if (next(5) === 0) {
        lines.push('');
        continue;
      }
      const fields = Array.from({ length: 1 + next(columns) }, () => {
        const text = Array.from({ length: next(5) }, () => pieces[next(pieces.length)]!).join('');
        return /[",\r\n]/.test(text) || next(3) === 0 ? `"${text.replace(/"/g, '""')}"` : text;
      });
      lines.push(fields.join(','));
    }
    return (next(2) ? '\uFEFF' : '') + lines.join(next(2) ? '\n' : '\r\n') + (next(2) ? '\n' : '');
  }

  it('reads text in memory exactly as the streaming reader does, errors included', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = awkwardCsv(seed);
      let streamed: CsvRecord[] | { code: string };
      try {
        streamed = await records(oneCharAtATime(text));
      } catch (error) {
        streamed = { code: isAppError(error) ? error.code : String(error) };
      }
      let inMemory: CsvRecord[] | { code: string };
      try {
        inMemory = parseCsvText(text);
      } catch (error) {
        inMemory = { code: isAppError(error) ? error.code : String(error) };
      }
      expect({ seed, result: inMemory }).toEqual({ seed, result: streamed });
    }
  });

  it('strips a byte-order mark, skips blank lines and keys records by the header', () => {
    expect(parseCsvText('\uFEFFa,b\r\n\r\n"x, y","say ""hi""\nthere"\n1\n')).toEqual([
      { a: 'x, y', b: 'say "hi"\nthere' },
      { a: '1', b: '' },
    ]);
  });
});

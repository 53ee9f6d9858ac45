// Streaming RFC 4180 reader: the full ESCO skills export is ~9 MB of multi-line quoted cells, so it
// is tokenized chunk by chunk and never held in memory whole.
import { createReadStream } from 'node:fs';
import { CsvErrors } from './csv.errors';

/** A file path, a Node stream, or any async source of text or bytes (bytes must be UTF-8). */
export type CsvSource = string | AsyncIterable<string | Uint8Array>;

/** One physical record: its fields, and the line it starts on (1-based) for error messages. */
export interface CsvRow {
  readonly fields: string[];
  readonly line: number;
}

/** A data record keyed by the header row's column names. */
export type CsvRecord = Readonly<Record<string, string>>;

export interface ParseCsvOptions {
  /** Called once with the header row before the first record, so a caller can pick a layout. */
  onHeader?: (header: readonly string[]) => void;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first half of `""` or the closing quote. */
  QuoteInQuoted,
  /** A CR ended a record; a following LF belongs to the same line break. */
  AfterCr,
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const BOM = '\uFEFF';

/** Incremental tokenizer: feed text chunks, collect finished rows. Chunk edges may fall anywhere. */
class CsvTokenizer {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private atStart = true;

  push(text: string, rows: CsvRow[]): void {
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    const length = text.length;
    let i = 0;
    while (i < length) {
      switch (this.state) {
        case State.AfterCr:
          this.state = State.FieldStart;
          if (text.charCodeAt(i) === LF) i++;
          break;
        case State.FieldStart:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let end = i;
          let code = 0;
          while (end < length) {
            code = text.charCodeAt(end);
            if (code === COMMA || code === LF || code === CR) break;
            end++;
          }
          // A stray quote inside an unquoted field is kept literally: spreadsheets write them and
          // refusing the whole file over one would help nobody.
          this.field += text.slice(i, end);
          if (end === length) return;
          i = this.endField(code, end, rows);
          break;
        }
        case State.Quoted: {
          const quote = text.indexOf('"', i);
          const end = quote === -1 ? length : quote;
          const chunk = text.slice(i, end);
          this.field += chunk;
          this.line += countLineFeeds(chunk);
          if (quote === -1) return;
          this.state = State.QuoteInQuoted;
          i = quote + 1;
          break;
        }
        case State.QuoteInQuoted: {
          const code = text.charCodeAt(i);
          if (code === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else if (code === COMMA || code === LF || code === CR) {
            i = this.endField(code, i, rows);
          } else {
            throw CsvErrors.of(
              'MALFORMED_CSV',
              `Unexpected character after a closing quote on line ${this.line}`,
              {
                line: this.line,
              },
            );
          }
          break;
        }
      }
    }
  }

  /** Flushes the last record when the input does not end with a line break. */
  end(rows: CsvRow[]): void {
    if (this.state === State.Quoted) {
      throw CsvErrors.of('MALFORMED_CSV', `Quoted field opened on line ${this.quoteLine} is never closed`, {
        line: this.quoteLine,
      });
    }
    if (this.fields.length > 0 || this.field.length > 0 || this.state === State.QuoteInQuoted) {
      this.fields.push(this.field);
      rows.push({ fields: this.fields, line: this.rowLine });
    }
    this.field = '';
    this.fields = [];
    this.state = State.FieldStart;
  }

  /** Closes the field at `index` (a comma or a line break) and returns where scanning resumes. */
  private endField(code: number, index: number, rows: CsvRow[]): number {
    this.fields.push(this.field);
    this.field = '';
    if (code === COMMA) {
      this.state = State.FieldStart;
      return index + 1;
    }
    rows.push({ fields: this.fields, line: this.rowLine });
    this.fields = [];
    this.line++;
    this.rowLine = this.line;
    this.state = code === CR ? State.AfterCr : State.FieldStart;
    return index + 1;
  }
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function openSource(source: CsvSource): AsyncIterable<string | Uint8Array> {
  return typeof source === 'string' ? createReadStream(source) : source;
}

/**
 * Yields every record of a CSV source as its raw fields, header row included. Blank lines come
 * through as a single empty field; `parseCsv` drops them.
 */
export async function* parseCsvRows(source: CsvSource): AsyncGenerator<CsvRow> {
  const tokenizer = new CsvTokenizer();
  // `fatal` so a Windows-1252 export fails loudly instead of importing mojibake labels.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const rows: CsvRow[] = [];
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch (error) {
      throw CsvErrors.of('INVALID_ENCODING', 'CSV input is not valid UTF-8', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  };
  for await (const chunk of openSource(source)) {
    tokenizer.push(typeof chunk === 'string' ? chunk : decode(chunk), rows);
    yield* rows;
    rows.length = 0;
  }
  tokenizer.push(decode(), rows);
  tokenizer.end(rows);
  yield* rows;
}

/**
 * Yields the data records of a CSV source keyed by its header row. Short records are padded with
 * empty strings because ESCO's own skillsHierarchy export omits trailing empty columns; long ones
 * are refused because their extra values would be silently lost.
 */
export async function* parseCsv(source: CsvSource, options: ParseCsvOptions = {}): AsyncGenerator<CsvRecord> {
  const records = new RecordReader(options);
  for await (const row of parseCsvRows(source)) {
    const record = records.take(row);
    if (record) yield record;
  }
}

/**
 * The same reading as `parseCsv` for text already in memory (a small bundled file, an upload
 * held by the caller): every data record keyed by the header row, with the same errors.
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const tokenizer = new CsvTokenizer();
  const rows: CsvRow[] = [];
  tokenizer.push(text, rows);
  tokenizer.end(rows);
  const records = new RecordReader(options);
  const out: CsvRecord[] = [];
  for (const row of rows) {
    const record = records.take(row);
    if (record) out.push(record);
  }
  return out;
}

/** Turns raw rows into records: the first non-blank row is the header; blank lines are skipped. */
class RecordReader {
  private header: readonly string[] | undefined;

  constructor(private readonly options: ParseCsvOptions) {}

  take({ fields, line }: CsvRow): CsvRecord | undefined {
    if (fields.length === 1 && fields[0] === '') return undefined;
    if (!this.header) {
      this.header = checkedHeader(fields, line);
      this.options.onHeader?.(this.header);
      return undefined;
    }
    const header = this.header;
    if (fields.length > header.length) {
      throw CsvErrors.of(
        'MALFORMED_CSV',
        `Record on line ${line} has ${fields.length} fields but the header has ${header.length}`,
        { line, fields: fields.length, columns: header.length },
      );
    }
    // fromEntries defines own properties, so a column named `__proto__` cannot reach the prototype.
    return Object.fromEntries(header.map((column, index) => [column, fields[index] ?? '']));
  }
}

function checkedHeader(fields: string[], line: number): readonly string[] {
  const seen = new Set<string>();
  for (const column of fields) {
    if (seen.has(column)) {
      throw CsvErrors.of('MALFORMED_CSV', `Header on line ${line} repeats the column "${column}"`, {
        line,
        column,
      });
    }
    seen.add(column);
  }
  return fields;
}

// A CSV of learners for a batch award, read and checked in the browser before anything is sent:
// one row per learner (name, email, score, attempt, evidence_url, evidence_narrative), headers
// in any order and case, every problem reported with its row number as a spreadsheet shows it
// (the header is row 1).
import Papa from 'papaparse';

export interface LearnerRow {
  readonly row: number;
  readonly recipient: { readonly email: string; readonly name: string };
  readonly result: { readonly score: number; readonly attempt: number };
  readonly evidence?: ReadonlyArray<{ readonly url?: string; readonly narrative?: string }>;
}

export type RowProblem = 'nameMissing' | 'emailInvalid' | 'scoreInvalid' | 'attemptInvalid' | 'evidenceUrlInvalid' | 'duplicateEmail';
export interface RowError {
  readonly row: number;
  readonly problems: readonly RowProblem[];
}
export type FileProblem = 'empty' | 'missingColumns' | 'tooMany' | 'unreadable';

export interface ParsedLearners {
  readonly learners: readonly LearnerRow[];
  readonly rowErrors: readonly RowError[];
  readonly fileProblem?: FileProblem;
  readonly missingColumns?: readonly string[];
}

export const REQUIRED_COLUMNS = ['name', 'email', 'score'] as const;
export const MAX_LEARNERS = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Reads the file's text; learners only when every row is valid (else rowErrors says why, by row). */
export function parseLearnerCsv(text: string): ParsedLearners {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: normalise });
  if (parsed.errors.some((e) => e.type === 'Quotes')) return { learners: [], rowErrors: [], fileProblem: 'unreadable' };
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return { learners: [], rowErrors: [], fileProblem: 'missingColumns', missingColumns: missing };
  if (parsed.data.length === 0) return { learners: [], rowErrors: [], fileProblem: 'empty' };
  if (parsed.data.length > MAX_LEARNERS) return { learners: [], rowErrors: [], fileProblem: 'tooMany' };

  const learners: LearnerRow[] = [];
  const rowErrors: RowError[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((record, index) => {
    const row = index + 2;
    const value = (column: string) => (record[column] ?? '').trim();
    const problems: RowProblem[] = [];
    const name = value('name');
    const email = value('email');
    const scoreText = value('score').replace(',', '.').replace(/%$/, '');
    const attemptText = value('attempt') || '1';
    const evidenceUrl = value('evidence_url');
    const narrative = value('evidence_narrative');
    const score = Number(scoreText);
    const attempt = Number(attemptText);
    if (!name) problems.push('nameMissing');
    if (!EMAIL.test(email)) problems.push('emailInvalid');
    else if (seen.has(email.toLowerCase())) problems.push('duplicateEmail');
    if (!scoreText || !Number.isFinite(score) || score < 0 || score > 100) problems.push('scoreInvalid');
    if (!Number.isInteger(attempt) || attempt < 1) problems.push('attemptInvalid');
    if (evidenceUrl && !isHttpUrl(evidenceUrl)) problems.push('evidenceUrlInvalid');
    seen.add(email.toLowerCase());
    if (problems.length) {
      rowErrors.push({ row, problems });
      return;
    }
    const evidence = evidenceUrl || narrative ? [{ ...(evidenceUrl ? { url: evidenceUrl } : {}), ...(narrative ? { narrative } : {}) }] : undefined;
    learners.push({ row, recipient: { email, name }, result: { score, attempt }, ...(evidence ? { evidence } : {}) });
  });
  return rowErrors.length ? { learners: [], rowErrors } : { learners, rowErrors };
}

/** A template people can fill in a spreadsheet. */
export const LEARNER_CSV_TEMPLATE = 'name,email,score,attempt,evidence_url,evidence_narrative\nAda Lovelace,ada@example.org,92,1,https://portfolio.example.org/ada,Set up a mill for a new job\n';

// A CSV of learners for a batch award, read and checked in the browser before anything is sent:
// one row per learner (name, email, score, attempt, evidence_url, evidence_narrative), headers
// in any order and case, every problem reported with its row number as a spreadsheet shows it
// (the header is row 1). Each row is checked with the single-learner form's rules (award-rules:
// the credential's mastery threshold and attempts, an https:// evidence link); the valid rows can
// go while the invalid ones are reported: one bad row does not hold up the others.
import Papa from 'papaparse';
import { attemptOf, learnerProblems, scoreOf, type AwardRules, type LearnerProblem } from './award-rules';

export interface LearnerRow {
  readonly row: number;
  readonly recipient: { readonly email: string; readonly name: string };
  readonly result: { readonly score: number; readonly attempt: number };
  readonly evidence?: ReadonlyArray<{ readonly url?: string; readonly narrative?: string }>;
}

export type RowProblem = LearnerProblem | 'duplicateEmail';
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

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Reads the file's text: the valid rows as learners, and every invalid row's problems by row number. */
export function parseLearnerCsv(text: string, rules: AwardRules = {}): ParsedLearners {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normalise,
  });
  if (parsed.errors.some((e) => e.type === 'Quotes'))
    return { learners: [], rowErrors: [], fileProblem: 'unreadable' };
  const columns = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length)
    return { learners: [], rowErrors: [], fileProblem: 'missingColumns', missingColumns: missing };
  if (parsed.data.length === 0) return { learners: [], rowErrors: [], fileProblem: 'empty' };
  if (parsed.data.length > MAX_LEARNERS) return { learners: [], rowErrors: [], fileProblem: 'tooMany' };

  const learners: LearnerRow[] = [];
  const rowErrors: RowError[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((record, index) => {
    const row = index + 2;
    const value = (column: string) => (record[column] ?? '').trim();
    const name = value('name');
    const email = value('email');
    const evidenceUrl = value('evidence_url');
    const narrative = value('evidence_narrative');
    const problems: RowProblem[] = learnerProblems(
      { name, email, score: value('score'), attempt: value('attempt'), evidenceUrl },
      rules,
    ).map((p) => p.problem);
    if (!problems.includes('emailInvalid') && seen.has(email.toLowerCase()))
      problems.splice(problems.indexOf('nameMissing') + 1, 0, 'duplicateEmail');
    seen.add(email.toLowerCase());
    const score = scoreOf(value('score'));
    const attempt = attemptOf(value('attempt'));
    if (problems.length) {
      rowErrors.push({ row, problems });
      return;
    }
    const evidence =
      evidenceUrl || narrative
        ? [{ ...(evidenceUrl ? { url: evidenceUrl } : {}), ...(narrative ? { narrative } : {}) }]
        : undefined;
    learners.push({
      row,
      recipient: { email, name },
      result: { score, attempt },
      ...(evidence ? { evidence } : {}),
    });
  });
  return { learners, rowErrors };
}

/** A template people can fill in a spreadsheet. */
export const LEARNER_CSV_TEMPLATE =
  'name,email,score,attempt,evidence_url,evidence_narrative\nAda Lovelace,ada@example.org,92,1,https://portfolio.example.org/ada,Set up a mill for a new job\n';

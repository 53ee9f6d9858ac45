// CSV for the audit log: RFC 4180 (CRLF line ends, fields with a comma, quote, CR or LF quoted,
// quotes doubled) and safe to open in a spreadsheet: a cell that begins with = + - @ (or a tab or
// CR, which some spreadsheets skip before a formula) gets a leading apostrophe, so it is text,
// never a formula (OWASP "CSV injection").
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// Reading what arrived at the e2e suites' SMTP server: subjects and text parts, decoded.

/** Quoted-printable (or RFC 2047 "Q") text to a string. */
export function fromQuotedPrintable(text: string, underscoreIsSpace = false): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(underscoreIsSpace && c === '_' ? ' ' : c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The Subject header, unfolded, with RFC 2047 encoded words decoded (French subjects arrive encoded). */
export function decodedSubject(raw: string): string {
  const match = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw);
  if (!match) return '';
  return match[1]!
    .replace(/\?=\r\n[ \t]+=\?/g, '?==?')
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : fromQuotedPrintable(text, true),
    );
}

/** The plain-text part of a message, decoded. */
export function textPart(raw: string): string {
  const match = /Content-Type: text\/plain[^\r\n]*\r\n((?:[^\r\n]+\r\n)*)\r\n([\s\S]*?)\r\n--/i.exec(raw);
  if (!match) return '';
  const headers = match[1]!;
  const body = match[2]!;
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(headers)) return fromQuotedPrintable(body);
  return body;
}

// The badge image of a published credential, generated from what it is (GET
// /achievements/:credentialId/badge.svg, the `image` of the achievement in every award's OB 3.0
// credential): a 400×400 SVG with the title (wrapped, at most four lines) and the issuer's name,
// all text escaped. Nothing is stored; the same credential always draws the same badge.
import { escapeHtml } from './award-page';

export interface BadgeImageInput {
  readonly title: string;
  readonly issuerName: string | null;
}

const LINE_LENGTH = 22;
const MAX_LINES = 4;

/** The title's words in lines of at most LINE_LENGTH characters; the last shown line ends in "…" when cut. */
export function badgeLines(title: string): string[] {
  const lines: string[] = [];
  for (const word of title.trim().split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= LINE_LENGTH)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word.length > LINE_LENGTH ? `${word.slice(0, LINE_LENGTH - 1)}…` : word);
  }
  if (lines.length <= MAX_LINES) return lines;
  const shown = lines.slice(0, MAX_LINES);
  shown[MAX_LINES - 1] = `${shown[MAX_LINES - 1]!.slice(0, LINE_LENGTH - 1)}…`;
  return shown;
}

export function renderBadgeImage({ title, issuerName }: BadgeImageInput): string {
  const lines = badgeLines(title);
  const top = 200 - ((lines.length - 1) * 30) / 2 - 10;
  const text = lines
    .map((line, i) => `<text x="200" y="${top + i * 30}" class="t">${escapeHtml(line)}</text>`)
    .join('');
  const issuer = issuerName
    ? escapeHtml(issuerName.length > 34 ? `${issuerName.slice(0, 33)}…` : issuerName)
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeHtml(title)}">
<title>${escapeHtml(title)}</title>
<style>.t{font:700 24px sans-serif;fill:#10243e;text-anchor:middle}.i{font:16px sans-serif;fill:#2f4a6b;text-anchor:middle}.m{font:600 11px sans-serif;fill:#ffffff;text-anchor:middle;letter-spacing:2px}</style>
<circle cx="200" cy="200" r="190" fill="#1d4f91"/>
<circle cx="200" cy="200" r="170" fill="#f4f7fb"/>
<circle cx="200" cy="200" r="160" fill="none" stroke="#1d4f91" stroke-width="3" stroke-dasharray="6 6"/>
<text x="200" y="25" class="m">LATTICE</text>
${text}
<text x="200" y="${top + lines.length * 30 + 20}" class="i">${issuer}</text>
</svg>`;
}

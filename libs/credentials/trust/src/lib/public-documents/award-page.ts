// The HTML page a browser gets at GET /credentials/:awardId: what the credential says, escaped,
// with "Add to LinkedIn profile" and a download of the signed JSON-LD. It shows only what the
// signed credential publishes, so the recipient's e-mail never appears (it is hashed there).
// Endorsers are grouped by their organization's NAICS sector (kept with each endorsement).
import { groupBySector, NO_SECTOR } from '@lattice/credentials-domain';

export interface AwardPageInput {
  readonly credential: Record<string, unknown>;
  readonly status: 'ACTIVE' | 'REVOKED';
  readonly publicUrl: string;
  readonly awardId: string;
  /** The NAICS code of each embedded endorsement's endorser, by the endorsement's id (absent: not stated). */
  readonly endorserSectors?: ReadonlyMap<string, string | null>;
}

export function renderAwardPage({
  credential,
  status,
  publicUrl,
  awardId,
  endorserSectors = new Map(),
}: AwardPageInput): string {
  const subject = (credential['credentialSubject'] ?? {}) as Record<string, unknown>;
  const achievement = (subject['achievement'] ?? {}) as Record<string, unknown>;
  const issuer = (credential['issuer'] ?? {}) as Record<string, unknown>;
  const name = text(achievement['name'] ?? credential['name']);
  const issuerName = text(issuer['name']);
  const description = text(achievement['description']);
  const skills = asArray(achievement['alignment'])
    .map((a) => text((a as Record<string, unknown>)['targetName']))
    .filter(Boolean);
  // Endorsements embedded in the achievement (as signed when the award was issued).
  const endorsers = asArray(achievement['endorsement'])
    .map((e) => e as Record<string, unknown>)
    .map((e) => ({
      id: text(e['id']),
      name: text((e['issuer'] as Record<string, unknown> | undefined)?.['name']),
    }))
    .filter((e) => e.name);
  const bySector = groupBySector(endorsers, (e) => endorserSectors.get(e.id));
  const evidence = asArray(credential['evidence'])
    .map((e) => text((e as Record<string, unknown>)['narrative']))
    .filter(Boolean);
  const issued = new Date(text(credential['validFrom']) || Date.now());
  const linkedIn = new URL('https://www.linkedin.com/profile/add');
  linkedIn.search = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name,
    organizationName: issuerName,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: publicUrl,
    certId: awardId,
  }).toString();
  const list = (items: string[]) =>
    items.length
      ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
      : '<p>None listed.</p>';
  return `<!doctype html>
<html lang="${escapeHtml(text(achievement['inLanguage']) || 'en')}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(name)}</title></head>
<body>
<main>
<h1>${escapeHtml(name)}</h1>
<p>Issued by <strong>${escapeHtml(issuerName)}</strong> on ${escapeHtml(issued.toISOString().slice(0, 10))}</p>
<p>Status: <strong>${status === 'REVOKED' ? 'Revoked' : 'Valid'}</strong></p>
${description ? `<p>${escapeHtml(description)}</p>` : ''}
<h2>Skills</h2>
${list(skills)}
<h2>Evidence</h2>
${list(evidence)}
<h2>Endorsed by</h2>
${
  bySector.length
    ? bySector
        .map(
          (group) =>
            `<h3>${escapeHtml(group.sector ? `${group.sector.name} (NAICS ${group.sector.code})` : NO_SECTOR)}</h3>\n${list(group.members.map((e) => e.name))}`,
        )
        .join('\n')
    : list([])
}
<p><a href="/public/credentials/${encodeURIComponent(awardId)}">Verify it and see its checks in Lattice</a></p>
<p><a href="${escapeHtml(linkedIn.toString())}">Add to LinkedIn profile</a></p>
<p><a href="${escapeHtml(publicUrl)}" download="credential-${escapeHtml(awardId)}.jsonld" type="application/ld+json">Download the signed credential</a></p>
</main>
</body>
</html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

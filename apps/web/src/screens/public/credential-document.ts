// Reading a signed Open Badges 3.0 credential as people need it (name, issuer, skills, evidence,
// endorsements), fetching one from the public origin, and verifying it with POST /verify — the
// account-free paths, so the public pages work signed out.

export interface VerificationCheck {
  readonly name: string;
  readonly passed: boolean;
  /** In English; `code` and `params` (when the verifier gives them) say it as data. */
  readonly detail: string | null;
  readonly code?: string | null;
  readonly params?: Record<string, unknown> | null;
}
export interface VerificationResult {
  readonly verified: boolean;
  readonly checks: readonly VerificationCheck[];
}

export interface CredentialView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly issuerName: string;
  readonly issuerUrl: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly score: string | null;
  readonly requiredScore: string | null;
  readonly skills: ReadonlyArray<{ name: string; url: string; framework: string }>;
  readonly evidence: ReadonlyArray<{ url: string; narrative: string }>;
  readonly endorsements: ReadonlyArray<{ endorser: string; comment: string }>;
  readonly kind: 'badge' | 'transcript' | 'endorsement' | 'other';
  /** The published credential the award is of (Lattice's achievement id ends in /achievements/<id>), or null. */
  readonly credentialId: string | null;
  /** The achievement's badge image (its `image.id`), or null. */
  readonly image: string | null;
}

type Json = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []);
const object = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

/**
 * Where the page loads the badge image from: a Lattice badge (…/achievements/<id>/badge.svg) from
 * this site, as the credential's links are; another issuer's only over https; nothing else.
 */
export function badgeSrc(image: string | null): string | null {
  if (!image) return null;
  try {
    const url = new URL(image);
    if (/^\/achievements\/[0-9a-f-]{36}\/badge\.svg$/i.test(url.pathname)) return url.pathname;
    return url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

export function isCredentialLike(document: unknown): document is Json {
  const json = object(document);
  return list(json['type']).includes('VerifiableCredential');
}

/** What the credential says, from whatever parts it has; unknown shapes give empty fields. */
export function readCredential(document: unknown): CredentialView {
  const credential = object(document);
  const types = list(credential['type']);
  const subject = object(list(credential['credentialSubject'])[0]);
  const achievement = object(subject['achievement']);
  const issuer =
    typeof credential['issuer'] === 'string' ? { id: credential['issuer'] } : object(credential['issuer']);
  const result = object(list(subject['result'])[0]);
  const required = object(list(achievement['resultDescription'])[0]);
  return {
    id: text(credential['id']),
    name: text(achievement['name']) || text(credential['name']),
    description: text(achievement['description']) || text(credential['description']),
    issuerName: text(issuer['name']),
    issuerUrl: text(issuer['id']),
    validFrom: text(credential['validFrom']) || null,
    validUntil: text(credential['validUntil']) || null,
    score: text(result['value']) || null,
    requiredScore: text(required['requiredValue']) || null,
    skills: list(achievement['alignment']).map((a) => {
      const alignment = object(a);
      return {
        name: text(alignment['targetName']),
        url: text(alignment['targetUrl']),
        framework: text(alignment['targetFramework']),
      };
    }),
    evidence: list(credential['evidence']).map((e) => {
      const evidence = object(e);
      return {
        url: text(evidence['id']),
        narrative: text(evidence['narrative']) || text(evidence['description']),
      };
    }),
    endorsements: list(achievement['endorsement']).map((e) => {
      const endorsement = object(e);
      return {
        endorser: text(object(endorsement['issuer'])['name']),
        comment: text(object(endorsement['credentialSubject'])['endorsementComment']),
      };
    }),
    credentialId: /\/achievements\/([0-9a-f-]{36})$/i.exec(text(achievement['id']))?.[1] ?? null,
    image: text(object(achievement['image'])['id']) || text(achievement['image']) || null,
    kind: types.includes('ClrCredential')
      ? 'transcript'
      : types.includes('EndorsementCredential')
        ? 'endorsement'
        : types.includes('OpenBadgeCredential')
          ? 'badge'
          : 'other',
  };
}

export class CredentialFetchError extends Error {
  constructor(readonly kind: 'notFound' | 'unreachable' | 'notCredential') {
    super(kind);
  }
}

/** The signed credential of an award, as any verifier fetches it. */
export async function fetchCredential(awardId: string): Promise<Json> {
  return fetchCredentialAt(`/credentials/${encodeURIComponent(awardId)}`);
}

async function fetchCredentialAt(path: string): Promise<Json> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/ld+json' } });
  } catch {
    throw new CredentialFetchError('unreachable');
  }
  if (response.status === 404 || response.status === 400) throw new CredentialFetchError('notFound');
  if (!response.ok) throw new CredentialFetchError('unreachable');
  const document = (await response.json().catch(() => null)) as unknown;
  if (!isCredentialLike(document)) throw new CredentialFetchError('notCredential');
  return document;
}

/**
 * The award id behind a link to a credential on this site: the API's /credentials/:id or the
 * app's /public/credentials/:id. Null for anything else (another site, another page).
 */
export function awardIdFromLink(link: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim(), origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const match = /^\/(?:public\/)?credentials\/([^/]+)\/?$/.exec(url.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Every check of the credential, by the public POST /verify (no account needed). */
export async function verifyDocument(document: unknown): Promise<VerificationResult> {
  const response = await fetch('/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(document),
  });
  if (!response.ok) throw new CredentialFetchError('unreachable');
  return (await response.json()) as VerificationResult;
}

/** LinkedIn's "add a certification" link for the credential (its public URL is the proof). */
export function linkedInUrl(view: CredentialView, publicUrl: string, awardId: string): string {
  const issued = view.validFrom ? new Date(view.validFrom) : new Date();
  const url = new URL('https://www.linkedin.com/profile/add');
  url.search = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: view.name,
    organizationName: view.issuerName,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: publicUrl,
    certId: awardId,
  }).toString();
  return url.toString();
}

/** The credential as a file to keep (a data: URL: the app's fetch already holds the signed JSON). */
export function downloadHref(document: unknown): string {
  return `data:application/ld+json;charset=utf-8,${encodeURIComponent(JSON.stringify(document, null, 2))}`;
}

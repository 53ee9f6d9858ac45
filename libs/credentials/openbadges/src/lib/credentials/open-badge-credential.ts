// Builds OB 3.0 OpenBadgeCredentials (VC 2.0) from plain data: the design's achievement once, then
// one credential per learner around it.
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from '../ld/contexts';
import { OpenBadgesErrors } from '../openbadges.errors';
import { IssuerRef, SignedCredential, UnsignedCredential } from './credential-types';
import { compact, deepFreeze } from './freeze';
import { HashedIdentity } from './recipient-identity';

export const SKILL_FRAMEWORKS = { ESCO: 'ESCO', SFS: 'Skills for Success' } as const;
export type SkillFramework = keyof typeof SKILL_FRAMEWORKS;

export interface SkillAlignmentInput {
  readonly framework: SkillFramework;
  /** The concept URI (ESCO skill URI, or the Skills for Success skill's URI). */
  readonly uri: string;
  readonly name: string;
  readonly code?: string | null;
  readonly description?: string | null;
}

export interface IssuerRefInput {
  /** The issuer profile URL (`issuerProfileUrl(base, orgId)`), also its keys' controller. */
  readonly id: string;
  readonly name: string;
  readonly url?: string | null;
  readonly email?: string | null;
  readonly description?: string | null;
}

export interface AchievementInput {
  /** A stable URL of the published credential design (the same for every learner). */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly criteriaNarrative: string;
  readonly criteriaUrl?: string | null;
  readonly alignments: readonly SkillAlignmentInput[];
  /** Percent, 0..100: published as a ResultDescription the learner's result refers to. */
  readonly masteryThreshold?: number | null;
  /**
   * Program hours. OB 3.0 has no duration field; its only hours-valued property is
   * `creditsAvailable` ("credit hours associated with this entity"), which is where they go.
   */
  readonly hours?: number | null;
  /** BCP 47, e.g. `en`, `fr`, `fr-CA`. */
  readonly language: string;
  /** OB 3.0 achievementType; Lattice issues micro-credentials. */
  readonly achievementType?: string;
  readonly tags?: readonly string[];
  readonly version?: string | null;
  readonly fieldOfStudy?: string | null;
  readonly image?: { readonly id: string; readonly caption?: string | null } | null;
  readonly creator?: IssuerRef | null;
  /** Signed EndorsementCredentials of this achievement (`buildEndorsementCredential` + signing). */
  readonly endorsements?: readonly SignedCredential[];
}

export interface StatusEntryInput {
  /** URL of the BitstringStatusListCredential. */
  readonly statusListCredential: string;
  readonly statusListIndex: number;
  readonly statusPurpose?: 'revocation' | 'suspension';
}

export interface EvidenceInput {
  /** A URL where the evidence can be seen (visible to employers), when there is one. */
  readonly id?: string | null;
  readonly name?: string | null;
  readonly narrative?: string | null;
  readonly description?: string | null;
  readonly genre?: string | null;
  readonly audience?: string | null;
}

export interface AwardInput {
  /** The credential's URL, e.g. `${PUBLIC_BASE_URL}/credentials/${awardId}`. */
  readonly id: string;
  readonly recipient: HashedIdentity;
  /** XSD dateTime with zone, e.g. `2025-06-01T12:00:00Z`. */
  readonly validFrom: string;
  readonly validUntil?: string | null;
  readonly awardedDate?: string | null;
  /** The learner's score in percent (compared with the mastery threshold before awarding). */
  readonly score?: number | string | null;
  readonly evidence?: readonly EvidenceInput[];
  readonly credentialStatus?: StatusEntryInput | null;
}

export type Achievement = Readonly<Record<string, unknown>> & { readonly id: string; readonly name: string };

export const OPEN_BADGE_CONTEXT = Object.freeze([VC_V2_CONTEXT, OB_V3_CONTEXT]) as readonly string[];
export const MASTERY_FRAGMENT = '#mastery-threshold';

export function buildIssuerRef(input: IssuerRefInput): IssuerRef {
  requireAbsoluteUrl(input.id, 'issuer.id');
  return deepFreeze(
    compact({
      id: input.id,
      type: ['Profile'] as const,
      name: input.name,
      url: input.url ?? undefined,
      email: input.email ?? undefined,
      description: input.description ?? undefined,
    }),
  );
}

export function buildAchievement(input: AchievementInput): Achievement {
  requireAbsoluteUrl(input.id, 'achievement.id');
  if (!input.name.trim() || !input.description.trim()) {
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', 'An achievement needs a name and a description.', {
      field: 'achievement',
    });
  }
  const threshold = input.masteryThreshold;
  if (threshold !== undefined && threshold !== null && !(threshold >= 0 && threshold <= 100)) {
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', 'The mastery threshold is a percent, 0 to 100.', {
      field: 'masteryThreshold',
    });
  }
  if (input.hours !== undefined && input.hours !== null && !(input.hours > 0)) {
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', 'Hours must be positive.', { field: 'hours' });
  }
  return deepFreeze(
    compact({
      id: input.id,
      type: ['Achievement'],
      achievementType: input.achievementType ?? 'MicroCredential',
      name: input.name,
      description: input.description,
      criteria: compact({ id: input.criteriaUrl ?? undefined, narrative: input.criteriaNarrative }),
      alignment: input.alignments.length
        ? input.alignments.map((alignment) => {
            requireAbsoluteUrl(alignment.uri, 'alignment.uri');
            return compact({
              type: ['Alignment'],
              targetName: alignment.name,
              targetUrl: alignment.uri,
              targetFramework: SKILL_FRAMEWORKS[alignment.framework],
              targetType: 'ceasn:Competency',
              targetCode: alignment.code ?? undefined,
              targetDescription: alignment.description ?? undefined,
            });
          })
        : undefined,
      resultDescription:
        threshold === undefined || threshold === null
          ? undefined
          : [
              {
                id: input.id + MASTERY_FRAGMENT,
                type: ['ResultDescription'],
                name: 'Mastery threshold (percent)',
                resultType: 'Percent',
                requiredValue: String(threshold),
                valueMin: '0',
                valueMax: '100',
              },
            ],
      creditsAvailable: input.hours ?? undefined,
      inLanguage: input.language,
      tag: input.tags?.length ? [...input.tags] : undefined,
      version: input.version ?? undefined,
      fieldOfStudy: input.fieldOfStudy ?? undefined,
      image: input.image
        ? compact({ id: input.image.id, type: 'Image', caption: input.image.caption ?? undefined })
        : undefined,
      creator: input.creator ?? undefined,
      endorsement: input.endorsements?.length ? [...input.endorsements] : undefined,
    }),
  ) as Achievement;
}

export function buildStatusEntry(input: StatusEntryInput): Record<string, string> {
  requireAbsoluteUrl(input.statusListCredential, 'credentialStatus.statusListCredential');
  if (!Number.isInteger(input.statusListIndex) || input.statusListIndex < 0) {
    throw OpenBadgesErrors.of('STATUS_INDEX_OUT_OF_RANGE', 'A status list index is a non-negative integer.', {
      field: 'statusListIndex',
    });
  }
  return {
    id: `${input.statusListCredential}#${input.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: input.statusPurpose ?? 'revocation',
    statusListIndex: String(input.statusListIndex),
    statusListCredential: input.statusListCredential,
  };
}

/**
 * One learner's OpenBadgeCredential. `issuer` and `achievement` come from `buildIssuerRef` and
 * `buildAchievement` (frozen, shared by every learner of a batch).
 */
export function buildOpenBadgeCredential(parts: {
  readonly issuer: IssuerRef;
  readonly achievement: Achievement;
  readonly award: AwardInput;
}): UnsignedCredential {
  const { issuer, achievement, award } = parts;
  requireAbsoluteUrl(award.id, 'award.id');
  requireDateTime(award.validFrom, 'validFrom');
  if (award.validUntil) requireDateTime(award.validUntil, 'validUntil');
  if (award.awardedDate) requireDateTime(award.awardedDate, 'awardedDate');
  const hasThreshold = Array.isArray(achievement['resultDescription']);
  const score = award.score ?? null;
  return compact({
    '@context': OPEN_BADGE_CONTEXT,
    id: award.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    issuer,
    validFrom: award.validFrom,
    validUntil: award.validUntil ?? undefined,
    awardedDate: award.awardedDate ?? undefined,
    credentialSubject: compact({
      type: ['AchievementSubject'],
      identifier: [{ ...award.recipient }],
      achievement,
      result:
        score === null
          ? undefined
          : [
              compact({
                type: ['Result'],
                resultDescription: hasThreshold ? achievement.id + MASTERY_FRAGMENT : undefined,
                value: String(score),
                status: 'Completed',
              }),
            ],
    }),
    evidence: award.evidence?.length
      ? award.evidence.map((item) => {
          if (item.id) requireAbsoluteUrl(item.id, 'evidence.id');
          return compact({
            id: item.id ?? undefined,
            type: ['Evidence'],
            name: item.name ?? undefined,
            narrative: item.narrative ?? undefined,
            description: item.description ?? undefined,
            genre: item.genre ?? undefined,
            audience: item.audience ?? undefined,
          });
        })
      : undefined,
    credentialStatus: award.credentialStatus ? buildStatusEntry(award.credentialStatus) : undefined,
  }) as UnsignedCredential;
}

const ABSOLUTE_URL = /^(https?:\/\/[^\s/?#]+[^\s]*|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$/i;
/** XSD dateTimeStamp: a timezone is required (VC 2.0 and the OB schema's `date-time`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An https or urn URL that also parses as a URL (WHATWG: valid punycode, a port up to 65535), as
 * the signers' own check requires, so a bad one is refused here with its field, not at signing.
 */
export function requireAbsoluteUrl(value: string, field: string): void {
  if (!ABSOLUTE_URL.test(value) || !URL.canParse(value)) {
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', `${field} must be an absolute https or urn URL.`, {
      field,
    });
  }
}

export function requireDateTime(value: string, field: string): void {
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw OpenBadgesErrors.of('INVALID_CREDENTIAL_INPUT', `${field} must be a date-time with a timezone.`, {
      field,
    });
  }
}

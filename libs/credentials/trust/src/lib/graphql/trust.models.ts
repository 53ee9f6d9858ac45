// Trust's GraphQL types: endorsements, sponsorships, adoptions, awards and their batches, and
// verification results. They are not the ORM entities: mappers copy what a client may see.
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, GraphQLJSON } from '@lattice/shared-graphql';
import { groupBySector, NO_SECTOR } from '@lattice/credentials-domain';
import type {
  AdoptionEntity,
  AwardBatchEntity,
  AwardBatchItemEntity,
  AwardEntity,
  EndorsementEntity,
  SponsorshipEntity,
} from '@lattice/credentials-data-access';
import { CredentialModel, OrganizationRef, organizationRef } from '@lattice/credentials-co-development';

@ObjectType('Endorsement', { description: "An employer's or umbrella's endorsement of a credential." })
export class EndorsementModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef) organization: OrganizationRef;
  @Field() inDemand: boolean;
  @Field() assessmentReflectsJobPerformance: boolean;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set once withdrawn: credentials awarded afterwards no longer embed it.',
  })
  withdrawnAt: Date | null;
  @Field(() => ID) credentialId: string;
  @Field(() => GraphQLJSON, {
    description: 'The signed OB 3.0 EndorsementCredential, as embedded in awards.',
  })
  endorsementCredential: unknown;
}

@ObjectType('EndorsementSector', {
  description:
    "Standing endorsements of a credential whose endorsers share a NAICS sector (their organization's, when they endorsed).",
})
export class EndorsementSectorModel {
  @Field(() => String, {
    nullable: true,
    description: 'The NAICS sector code (e.g. 31-33); null for endorsers that stated no sector.',
  })
  sector: string | null;
  @Field({ description: 'The sector name, or "Sector not stated".' }) name: string;
  @Field(() => [EndorsementModel]) endorsements: EndorsementModel[];
}

@ObjectType('Sponsorship', { description: 'An umbrella organization sponsoring a shared credential.' })
export class SponsorshipModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef) umbrella: OrganizationRef;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ID) credentialId: string;
}

@ObjectType('Adoption', { description: 'An institution delivering a shared credential.' })
export class AdoptionModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationRef) institution: OrganizationRef;
  @Field(() => OrganizationRef, { description: 'The sponsoring umbrella it was adopted through.' })
  umbrella: OrganizationRef;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => ID) credentialId: string;
}

export function toEndorsementModel(e: EndorsementEntity): EndorsementModel {
  return {
    id: e.id,
    organization: organizationRef(e.organizationId),
    inDemand: e.inDemand,
    assessmentReflectsJobPerformance: e.assessmentReflectsJobPerformance,
    comment: e.comment,
    createdAt: e.createdAt,
    withdrawnAt: e.withdrawnAt,
    credentialId: e.credentialId,
    endorsementCredential: e.signedCredential,
  };
}

/** Standing endorsements grouped by their endorser's NAICS sector (the public page groups the same way). */
export function toEndorsementSectorModels(
  endorsements: readonly EndorsementEntity[],
): EndorsementSectorModel[] {
  return groupBySector(
    endorsements.filter((e) => e.withdrawnAt === null),
    (e) => e.endorserSector,
  ).map((group) => ({
    sector: group.sector?.code ?? null,
    name: group.sector?.name ?? NO_SECTOR,
    endorsements: group.members.map(toEndorsementModel),
  }));
}

export function toSponsorshipModel(s: SponsorshipEntity): SponsorshipModel {
  return {
    id: s.id,
    umbrella: organizationRef(s.umbrellaId),
    createdAt: s.createdAt,
    credentialId: s.credentialId,
  };
}

export function toAdoptionModel(a: AdoptionEntity): AdoptionModel {
  return {
    id: a.id,
    institution: organizationRef(a.institutionId),
    umbrella: organizationRef(a.umbrellaId),
    createdAt: a.createdAt,
    credentialId: a.credentialId,
  };
}

@ObjectType('CredentialConnection')
export class CredentialConnectionModel extends Connection(CredentialModel, 'Credential') {}

export enum AwardStatusEnum {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(AwardStatusEnum, { name: 'AwardStatus' });

@ObjectType('Award', {
  description: 'A credential awarded to one learner, as a signed Open Badges 3.0 credential.',
})
export class AwardModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Where anyone can fetch the signed credential (or its page, in a browser).' })
  publicUrl: string;
  @Field(() => AwardStatusEnum) status: AwardStatusEnum;
  @Field(() => GraphQLJSON, { description: 'The signed OpenBadgeCredential (JSON-LD), as issued.' })
  openBadge: unknown;
  @Field(() => ID) credentialId: string;
  @Field(() => OrganizationRef) issuer: OrganizationRef;
  @Field() recipientName: string;
  @Field(() => Float) score: number;
  @Field(() => Int) attempt: number;
  @Field(() => GraphQLISODateTime) awardedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revokedReason: string | null;
}

@ObjectType('AwardConnection')
export class AwardConnectionModel extends Connection(AwardModel, 'Award') {}

export enum AwardBatchStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
}
registerEnumType(AwardBatchStatusEnum, { name: 'AwardBatchStatus' });

export enum AwardBatchItemStatusEnum {
  PENDING = 'PENDING',
  AWARDED = 'AWARDED',
  FAILED = 'FAILED',
}
registerEnumType(AwardBatchItemStatusEnum, { name: 'AwardBatchItemStatus' });

@ObjectType('AwardBatchItem', {
  description: "One learner's outcome in a batch (the e-mail is not returned).",
})
export class AwardBatchItemModel {
  @Field(() => Int, { description: 'Where the learner was in the submitted list, from 0.' }) position: number;
  @Field() recipientName: string;
  @Field(() => Float) score: number;
  @Field(() => Int) attempt: number;
  @Field(() => AwardBatchItemStatusEnum) status: AwardBatchItemStatusEnum;
  @Field(() => ID, { nullable: true, description: 'The award, once AWARDED.' }) awardId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why it FAILED: a coded error such as CREDENTIALS.BELOW_MASTERY_THRESHOLD.',
  })
  errorCode: string | null;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) processedAt: Date | null;
}

@ObjectType('AwardBatch', {
  description: 'Awards of one credential to a list of learners, processed in the background.',
})
export class AwardBatchModel {
  @Field(() => ID) id: string;
  @Field(() => ID) credentialId: string;
  @Field(() => OrganizationRef) issuer: OrganizationRef;
  @Field(() => AwardBatchStatusEnum) status: AwardBatchStatusEnum;
  @Field(() => Int) total: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => [AwardBatchItemModel], { description: 'Per-learner results, in submitted order.' })
  items: AwardBatchItemModel[];
}

export function toAwardBatchModel(
  batch: AwardBatchEntity,
  items: readonly AwardBatchItemEntity[],
): AwardBatchModel {
  return {
    id: batch.id,
    credentialId: batch.credentialId,
    issuer: organizationRef(batch.issuerId),
    status: batch.status as AwardBatchStatusEnum,
    total: batch.total,
    succeeded: batch.succeeded,
    failed: batch.failed,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
    items: items.map((item) => ({
      position: item.position,
      recipientName: item.recipientName,
      score: item.score,
      attempt: item.attempt,
      status: item.status as AwardBatchItemStatusEnum,
      awardId: item.awardId,
      errorCode: item.errorCode,
      errorMessage: item.errorMessage,
      processedAt: item.processedAt,
    })),
  };
}

@ObjectType('VerificationCheck')
export class VerificationCheckModel {
  @Field({ description: 'schema, dates, issuerKey, proof or status.' }) name: string;
  @Field() passed: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Why it failed or was skipped, in English; code and params say it as data.',
  })
  detail: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it failed or was skipped, as a code: NOT_A_JSON_OBJECT, NO_EMBEDDED_CREDENTIAL, EMBEDDED_CREDENTIALS_FAIL, NOT_AN_OPEN_BADGE, NO_SCHEMA_VALIDATOR, SCHEMA_INVALID, VALID_FROM_MISSING, NOT_YET_VALID, VALID_UNTIL_INVALID, EXPIRED, NO_PROOF, NO_VERIFICATION_METHOD, KEY_NOT_ISSUERS, KEY_UNRESOLVED, KEY_NOT_MULTIKEY, KEY_REVOKED, KEY_NOT_ASSERTION, PROOF_INVALID, NO_STATUS, STATUS_TYPE_UNSUPPORTED, STATUS_MALFORMED, NO_STATUS_RESOLVER, STATUS_LIST_NOT_FOUND, SUSPENDED, REVOKED, STATUS_UNCHECKED; null when it passed.',
  })
  code: string | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      "The code's parameters: validFrom, validUntil, key, issuer, revoked, type, url, count, errors (English) and, for SCHEMA_INVALID, problems: [{ code (MISSING, WRONG_TYPE, BAD_FORMAT, NOT_ALLOWED, TOO_FEW, INVALID), path (JSON pointer), property? }].",
  })
  params: unknown;
}

@ObjectType('VerificationResult')
export class VerificationResultModel {
  @Field({ description: 'True when no check failed.' }) verified: boolean;
  @Field(() => [VerificationCheckModel]) checks: VerificationCheckModel[];
}

export function toAwardModel(award: AwardEntity, publicUrl: string): AwardModel {
  return {
    id: award.id,
    publicUrl,
    status: award.status as AwardStatusEnum,
    openBadge: award.signedCredential,
    credentialId: award.credentialId,
    issuer: organizationRef(award.issuerId),
    recipientName: award.recipientName,
    score: award.score,
    attempt: award.attempt,
    awardedAt: award.createdAt,
    revokedAt: award.revokedAt,
    revokedReason: award.revokedReason,
  };
}

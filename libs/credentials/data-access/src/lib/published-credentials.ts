// Reads of what trust works with once a credential is published: the credential and its published
// version, who adopted or sponsors it, endorsements, award batches, a learner's awards, status
// lists. Each is one statement on the caller's EntityManager (a transaction's, or the data
// source's own), so a use case reads inside its transaction where it needs to.
import type { EntityManager } from 'typeorm';
import {
  AdoptionEntity,
  AwardBatchEntity,
  AwardBatchItemEntity,
  AwardEntity,
  CredentialEntity,
  DesignVersionEntity,
  EndorsementEntity,
  SponsorshipEntity,
  StatusListEntity,
} from './credentials.entities';

export function findCredential(manager: EntityManager, id: string): Promise<CredentialEntity | null> {
  return manager.findOneBy(CredentialEntity, { id });
}

/** The design version a credential was published from (whatever the design row says today). */
export function findPublishedVersion(
  manager: EntityManager,
  credential: Pick<CredentialEntity, 'designId' | 'designVersion'>,
): Promise<DesignVersionEntity | null> {
  return manager.findOneBy(DesignVersionEntity, {
    designId: credential.designId,
    version: credential.designVersion,
  });
}

export function getPublishedVersion(
  manager: EntityManager,
  credential: Pick<CredentialEntity, 'designId' | 'designVersion'>,
): Promise<DesignVersionEntity> {
  return manager.findOneByOrFail(DesignVersionEntity, {
    designId: credential.designId,
    version: credential.designVersion,
  });
}

export function hasAdopted(
  manager: EntityManager,
  credentialId: string,
  institutionId: string,
): Promise<boolean> {
  return manager.existsBy(AdoptionEntity, { credentialId, institutionId });
}

/** Inserts the adoption; a second one of the same credential by the same institution violates `adoptions_credential_institution_key`. */
export async function insertAdoption(manager: EntityManager, adoption: AdoptionEntity): Promise<void> {
  await manager.insert(AdoptionEntity, adoption);
}

/** The umbrellas sponsoring a credential, first sponsor first. */
export function sponsorshipsOf(manager: EntityManager, credentialId: string): Promise<SponsorshipEntity[]> {
  return manager.find(SponsorshipEntity, { where: { credentialId }, order: { createdAt: 'ASC' } });
}

export function findEndorsement(manager: EntityManager, id: string): Promise<EndorsementEntity | null> {
  return manager.findOneBy(EndorsementEntity, { id });
}

export function findAwardBatch(manager: EntityManager, id: string): Promise<AwardBatchEntity | null> {
  return manager.findOneBy(AwardBatchEntity, { id });
}

/** A batch's learners in the order they were submitted. */
export function itemsOfAwardBatch(manager: EntityManager, batchId: string): Promise<AwardBatchItemEntity[]> {
  return manager.find(AwardBatchItemEntity, { where: { batchId }, order: { position: 'ASC' } });
}

/** A learner's standing awards, oldest first (the transcript's order). */
export function activeAwardsOfRecipient(
  manager: EntityManager,
  recipientLookup: string,
): Promise<AwardEntity[]> {
  return manager.find(AwardEntity, {
    where: { recipientLookup, status: 'ACTIVE' },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

export function findAward(manager: EntityManager, id: string): Promise<AwardEntity | null> {
  return manager.findOneBy(AwardEntity, { id });
}

export function findStatusList(manager: EntityManager, id: string): Promise<StatusListEntity | null> {
  return manager.findOneBy(StatusListEntity, { id });
}

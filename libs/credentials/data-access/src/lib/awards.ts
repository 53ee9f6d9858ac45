// Awards and what issuing them takes: per-learner locks, earlier awards, the issuer's status list
// (one row per issuer, locked while indexes are handed out), issuers' keys, and revocation. All
// inside the caller's transaction (its EntityManager). Batch issuance calls the same statements
// with every learner of a chunk at once, so a chunk costs a fixed number of statements.
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AwardBatchEntity,
  AwardBatchItemEntity,
  AwardEntity,
  IssuerKeyEntity,
  StatusListEntity,
} from './credentials.entities';
import type { CountedPage, KeysetPage } from './design-workflow';

/** Takes the advisory locks of these keys for the transaction, in the order given (sort them: replicas never deadlock). */
export async function lockKeys(manager: EntityManager, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  if (keys.length === 1) {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [keys[0]]);
    return;
  }
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k`, [
    [...keys],
  ]);
}

/** The learner's awards of the credential (revoked ones included), found by the e-mail's keyed hash. */
export function awardsOfLearner(
  manager: EntityManager,
  credentialId: string,
  recipientLookup: string,
): Promise<AwardEntity[]> {
  return manager.findBy(AwardEntity, { credentialId, recipientLookup });
}

/** The status of every earlier award of the credential to these learners, in one statement. */
export async function awardsOfLearners(
  manager: EntityManager,
  credentialId: string,
  recipientLookups: readonly string[],
): Promise<Array<{ recipient_lookup: string; status: AwardEntity['status'] }>> {
  if (recipientLookups.length === 0) return [];
  return (await manager.query(
    `SELECT "recipient_lookup", "status" FROM "credentials"."awards" WHERE "credential_id" = $1 AND "recipient_lookup" = ANY($2::text[])`,
    [credentialId, [...recipientLookups]],
  )) as Array<{ recipient_lookup: string; status: AwardEntity['status'] }>;
}

/** Inserts awards in one statement; a learner who already holds the credential is a unique violation (awards_active_recipient_key). */
export async function insertAwards(manager: EntityManager, awards: readonly AwardEntity[]): Promise<void> {
  // jsonb columns hold free-form objects, which TypeORM's deep-partial type cannot follow.
  await manager.insert(AwardEntity, [...awards] as QueryDeepPartialEntity<AwardEntity>[]);
}

/** The award row, locked for the rest of the transaction. */
export function lockAward(manager: EntityManager, id: string): Promise<AwardEntity> {
  return manager
    .getRepository(AwardEntity)
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id })
    .getOneOrFail();
}

export async function revokeAward(
  manager: EntityManager,
  id: string,
  revocation: { reason: string; revokedAt: Date; revokedBy: string },
): Promise<void> {
  await manager.update(
    AwardEntity,
    { id },
    {
      status: 'REVOKED',
      revokedReason: revocation.reason,
      revokedAt: revocation.revokedAt,
      revokedBy: revocation.revokedBy,
    },
  );
}

/** One page of awards newest first, scoped to these issuers or to one learner, optionally of one credential or status. */
export async function pageOfAwards(
  manager: EntityManager,
  scope:
    | { issuerIds: readonly string[]; credentialId?: string | null; status?: string | null }
    | { recipientLookup: string },
  page: KeysetPage,
): Promise<CountedPage<AwardEntity>> {
  const query = manager.getRepository(AwardEntity).createQueryBuilder('a');
  if ('recipientLookup' in scope)
    query.where('a.recipient_lookup = :lookup', { lookup: scope.recipientLookup });
  else {
    query.where('a.issuer_id = ANY(:issuers::uuid[])', { issuers: [...scope.issuerIds] });
    if (scope.credentialId)
      query.andWhere('a.credential_id = :credentialId', { credentialId: scope.credentialId });
    if (scope.status) query.andWhere('a.status = :status', { status: scope.status });
  }
  const total = await query.clone().getCount();
  if (page.after)
    query.andWhere('(a.created_at, a.id) < (:afterAt::timestamptz, :afterId::uuid)', {
      afterAt: String(page.after[0]),
      afterId: page.after[1],
    });
  const rows = await query
    .orderBy('a.created_at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .limit(page.limit + 1)
    .getMany();
  return { rows, total };
}

/** The issuer's status list, locked for the rest of the transaction; null when it has none yet. */
export function lockStatusListOf(manager: EntityManager, issuerId: string): Promise<StatusListEntity | null> {
  return manager
    .getRepository(StatusListEntity)
    .createQueryBuilder('l')
    .setLock('pessimistic_write')
    .where('l.issuer_id = :issuerId', { issuerId })
    .getOne();
}

/** A status list by id, locked for the rest of the transaction. */
export function lockStatusList(manager: EntityManager, id: string): Promise<StatusListEntity> {
  return manager
    .getRepository(StatusListEntity)
    .createQueryBuilder('l')
    .setLock('pessimistic_write')
    .where('l.id = :id', { id })
    .getOneOrFail();
}

/** The issuer's first status list; a concurrent first award may have created it first (then nothing happens). */
export async function insertStatusList(
  manager: EntityManager,
  list: { id: string; issuerId: string; encodedList: string; capacity: number; signedCredential: object },
): Promise<void> {
  await manager.query(
    `INSERT INTO "credentials"."status_lists" ("id", "issuer_id", "encoded_list", "capacity", "signed_credential") VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING`,
    [list.id, list.issuerId, list.encodedList, list.capacity, JSON.stringify(list.signedCredential)],
  );
}

/** Hands out the next index of a locked list (one award). */
export async function takeStatusListIndex(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."status_lists" SET "next_index" = "next_index" + 1, "updated_at" = now() WHERE "id" = $1`,
    [id],
  );
}

/** Sets the next free index of a locked list (after a batch took several). */
export async function setStatusListNextIndex(
  manager: EntityManager,
  id: string,
  nextIndex: number,
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."status_lists" SET "next_index" = $2, "updated_at" = now() WHERE "id" = $1`,
    [id, nextIndex],
  );
}

/** Writes a locked list's new bits and their signed credential (a revocation). */
export async function rewriteStatusList(
  manager: EntityManager,
  id: string,
  encodedList: string,
  signedCredential: object,
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."status_lists" SET "encoded_list" = $2, "signed_credential" = $3::jsonb, "version" = "version" + 1, "updated_at" = now() WHERE "id" = $1`,
    [id, encodedList, JSON.stringify(signedCredential)],
  );
}

/** The issuer's keys, oldest first. */
export function issuerKeysOf(manager: EntityManager, organizationId: string): Promise<IssuerKeyEntity[]> {
  return manager.find(IssuerKeyEntity, { where: { organizationId }, order: { sequence: 'ASC' } });
}

/** The name the issuer signed with last, '' when it never did. */
export async function latestIssuerName(manager: EntityManager, organizationId: string): Promise<string> {
  return (
    (await manager.findOne(IssuerKeyEntity, { where: { organizationId }, order: { sequence: 'DESC' } }))
      ?.issuerName ?? ''
  );
}

/** Adds a key; with `ifFirst`, a concurrent first award that won the race keeps its key and this does nothing. */
export async function insertIssuerKey(
  manager: EntityManager,
  key: { organizationId: string; sequence: number; issuerName: string; record: object },
  ifFirst = false,
): Promise<void> {
  await manager.query(
    `INSERT INTO "credentials"."issuer_keys" ("organization_id", "sequence", "issuer_name", "record") VALUES ($1, $2, $3, $4::jsonb)${ifFirst ? ' ON CONFLICT DO NOTHING' : ''}`,
    [key.organizationId, key.sequence, key.issuerName, JSON.stringify(key.record)],
  );
}

export async function renameIssuer(
  manager: EntityManager,
  organizationId: string,
  issuerName: string,
): Promise<void> {
  await manager.update(IssuerKeyEntity, { organizationId }, { issuerName });
}

export async function replaceIssuerKeyRecord(
  manager: EntityManager,
  organizationId: string,
  sequence: number,
  record: object,
): Promise<void> {
  await manager.query(
    `UPDATE "credentials"."issuer_keys" SET "record" = $3::jsonb WHERE "organization_id" = $1 AND "sequence" = $2`,
    [organizationId, sequence, JSON.stringify(record)],
  );
}

/** Creates a batch and its items (inserted 200 at a time). */
export async function insertAwardBatch(
  manager: EntityManager,
  batch: AwardBatchEntity,
  items: readonly AwardBatchItemEntity[],
): Promise<void> {
  await manager.insert(AwardBatchEntity, batch);
  for (let i = 0; i < items.length; i += 200)
    await manager.insert(AwardBatchItemEntity, items.slice(i, i + 200));
}

/**
 * Claims up to `limit` pending batch items (in batch order, skipping those another replica
 * holds) as row locks of the caller's transaction, which Postgres ends after `idleTimeoutMs`
 * idle (a hung replica), freeing them.
 */
export async function claimPendingBatchItems(
  manager: EntityManager,
  limit: number,
  idleTimeoutMs: number,
): Promise<AwardBatchItemEntity[]> {
  await manager.query(`SELECT set_config('idle_in_transaction_session_timeout', $1, true)`, [
    `${Math.round(idleTimeoutMs)}ms`,
  ]);
  return manager
    .getRepository(AwardBatchItemEntity)
    .createQueryBuilder('i')
    .where(`i.status = 'PENDING'`)
    .orderBy('i.batch_id')
    .addOrderBy('i.position')
    .limit(limit)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
}

export function getAwardBatch(manager: EntityManager, id: string): Promise<AwardBatchEntity> {
  return manager.findOneByOrFail(AwardBatchEntity, { id });
}

export type BatchItemOutcome = Pick<
  AwardBatchItemEntity,
  'status' | 'awardId' | 'errorCode' | 'errorMessage'
>;

/**
 * Records processed items' outcomes (one statement; the clear e-mail goes, its keyed hash
 * stays), then adds them to the batch's counters — increments, not recounts, so replicas
 * finishing chunks of one batch at once add up.
 */
export async function recordBatchOutcomes(
  manager: EntityManager,
  batchId: string,
  outcomes: ReadonlyMap<number, BatchItemOutcome>,
): Promise<void> {
  const positions = [...outcomes.keys()];
  const values = positions.map((p) => outcomes.get(p)!);
  await manager.query(
    `UPDATE "credentials"."award_batch_items" AS i
        SET "status" = o.status, "award_id" = o.award_id, "error_code" = o.error_code, "error_message" = o.error_message,
            "recipient_email" = NULL, "processed_at" = clock_timestamp()
       FROM unnest($2::int[], $3::text[], $4::uuid[], $5::text[], $6::text[]) AS o(position, status, award_id, error_code, error_message)
      WHERE i."batch_id" = $1 AND i."position" = o.position`,
    [
      batchId,
      positions,
      values.map((v) => v.status),
      values.map((v) => v.awardId),
      values.map((v) => v.errorCode),
      values.map((v) => v.errorMessage),
    ],
  );
  const succeeded = values.filter((v) => v.status === 'AWARDED').length;
  const failed = values.length - succeeded;
  await manager.query(
    `UPDATE "credentials"."award_batches"
        SET "succeeded" = "succeeded" + $2,
            "failed" = "failed" + $3,
            "status" = CASE WHEN "succeeded" + "failed" + $2 + $3 >= "total" THEN 'DONE' ELSE 'RUNNING' END,
            "finished_at" = CASE WHEN "succeeded" + "failed" + $2 + $3 >= "total" THEN clock_timestamp() ELSE NULL END
      WHERE "id" = $1`,
    [batchId, succeeded, failed],
  );
}

// People's accounts and what proves or ends their sessions: users, refresh tokens, e-mail
// verification links and password reset links. Each function is one statement (two where named),
// run on the EntityManager it is given: the caller's transaction, or `dataSource.manager` for a
// read outside one. Use cases decide; these only read and write.
import { type EntityManager, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  EmailVerificationEntity,
  IDENTITY_SCHEMA,
  PasswordResetEntity,
  RefreshTokenEntity,
  UserEntity,
} from './entities/identity.entities';

// ── Users ───────────────────────────────────────────────────────────────────

export function userById(manager: EntityManager, id: string): Promise<UserEntity | null> {
  return manager.findOneBy(UserEntity, { id });
}

export function userByIdOrFail(manager: EntityManager, id: string): Promise<UserEntity> {
  return manager.findOneByOrFail(UserEntity, { id });
}

/** The user, its row locked for the rest of the transaction (serializes changes to one account). */
export function lockUser(manager: EntityManager, id: string): Promise<UserEntity | null> {
  return manager
    .createQueryBuilder(UserEntity, 'u')
    .setLock('pessimistic_write')
    .where('u.id = :id', { id })
    .getOne();
}

/** The account with this address, whatever its case. */
export function userWithEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
  return manager
    .createQueryBuilder(UserEntity, 'u')
    .where('lower(u.email) = lower(:email)', { email })
    .getOne();
}

/** The account with this address, given already in lower case (the reset form's constant path). */
export function userWithLowercaseEmail(manager: EntityManager, address: string): Promise<UserEntity | null> {
  return manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = :address', { address }).getOne();
}

export async function insertUser(manager: EntityManager, user: UserEntity): Promise<void> {
  await manager.insert(UserEntity, user);
}

/** Sets the password if the row is still at `version`; false when it changed meanwhile. */
export async function changePasswordAtVersion(
  manager: EntityManager,
  id: string,
  version: number,
  passwordHash: string,
): Promise<boolean> {
  const result = await manager.update(UserEntity, { id, version }, { passwordHash });
  return result.affected === 1;
}

/** Sets the password after a reset, proving the address too when `emailVerifiedAt` is given. */
export async function resetPassword(
  manager: EntityManager,
  id: string,
  passwordHash: string,
  emailVerifiedAt: Date | null,
): Promise<void> {
  await manager.update(UserEntity, { id }, { passwordHash, ...(emailVerifiedAt ? { emailVerifiedAt } : {}) });
}

export async function markEmailVerified(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.update(UserEntity, { id }, { emailVerifiedAt: at });
}

/** Access tokens of the user issued before `at` are refused from now on. */
export async function setSessionsValidAfter(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.update(UserEntity, { id }, { sessionsValidAfter: at });
}

// ── Refresh tokens ──────────────────────────────────────────────────────────

export async function insertRefreshToken(
  manager: EntityManager,
  token: QueryDeepPartialEntity<RefreshTokenEntity>,
): Promise<void> {
  await manager.insert(RefreshTokenEntity, token);
}

/** The token with this hash, locked for the rest of the transaction. */
export function lockRefreshToken(
  manager: EntityManager,
  tokenHash: string,
): Promise<RefreshTokenEntity | null> {
  return manager
    .createQueryBuilder(RefreshTokenEntity, 'r')
    .setLock('pessimistic_write')
    .where('r.token_hash = :hash', { hash: tokenHash })
    .getOne();
}

export async function revokeRefreshTokenFamily(
  manager: EntityManager,
  familyId: string,
  at: Date,
): Promise<void> {
  await manager.update(RefreshTokenEntity, { familyId }, { revokedAt: at });
}

export async function markRefreshTokenUsed(
  manager: EntityManager,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await manager.update(RefreshTokenEntity, { tokenHash }, { usedAt: at });
}

/** Revokes every refresh token of the user not revoked yet. */
export async function revokeRefreshTokensOf(manager: EntityManager, userId: string, at: Date): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(RefreshTokenEntity)
    .set({ revokedAt: at })
    .where('user_id = :userId AND revoked_at IS NULL', { userId })
    .execute();
}

// ── E-mail verification links ───────────────────────────────────────────────

export async function insertEmailVerification(
  manager: EntityManager,
  link: QueryDeepPartialEntity<EmailVerificationEntity>,
): Promise<void> {
  await manager.insert(EmailVerificationEntity, link);
}

/** The link with this hash, locked: two clicks race to one verification. */
export function lockEmailVerification(
  manager: EntityManager,
  tokenHash: string,
): Promise<EmailVerificationEntity | null> {
  return manager
    .createQueryBuilder(EmailVerificationEntity, 'v')
    .setLock('pessimistic_write')
    .where('v.token_hash = :hash', { hash: tokenHash })
    .getOne();
}

export async function markEmailVerificationUsed(
  manager: EntityManager,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await manager.update(EmailVerificationEntity, { tokenHash }, { usedAt: at });
}

/** How many links the user was sent after `since`. */
export function emailVerificationsSince(
  manager: EntityManager,
  userId: string,
  since: Date,
): Promise<number> {
  return manager.countBy(EmailVerificationEntity, { userId, createdAt: MoreThan(since) });
}

// ── Password reset links ────────────────────────────────────────────────────

export function passwordResetByHash(
  manager: EntityManager,
  tokenHash: string,
): Promise<PasswordResetEntity | null> {
  return manager.findOneBy(PasswordResetEntity, { tokenHash });
}

/** The link with this hash, locked: two uses race to one reset. */
export function lockPasswordReset(
  manager: EntityManager,
  tokenHash: string,
): Promise<PasswordResetEntity | null> {
  return manager
    .createQueryBuilder(PasswordResetEntity, 'r')
    .setLock('pessimistic_write')
    .where('r.token_hash = :hash', { hash: tokenHash })
    .getOne();
}

export async function markPasswordResetUsed(
  manager: EntityManager,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await manager.update(PasswordResetEntity, { tokenHash }, { usedAt: at });
}

/** Every other unused link of the user stops working too. */
export async function markPasswordResetsOfUserUsed(
  manager: EntityManager,
  userId: string,
  at: Date,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(PasswordResetEntity)
    .set({ usedAt: at })
    .where('user_id = :id AND used_at IS NULL', { id: userId })
    .execute();
}

/**
 * Opens the savepoint a reset row is written in, with the row's user key deferred to commit (two
 * statements): so a decoy's row, naming no user, can be written and rolled back like a real one.
 */
export async function openPasswordResetSavepoint(manager: EntityManager): Promise<void> {
  await manager.query('SAVEPOINT password_reset');
  await manager.query(`SET CONSTRAINTS "${IDENTITY_SCHEMA}"."password_resets_user_id_fkey" DEFERRED`);
}

export async function insertPasswordReset(
  manager: EntityManager,
  row: QueryDeepPartialEntity<PasswordResetEntity>,
): Promise<void> {
  await manager.insert(PasswordResetEntity, row);
}

/** Keeps what the savepoint wrote (`keep`) or rolls it back. */
export async function closePasswordResetSavepoint(manager: EntityManager, keep: boolean): Promise<void> {
  await manager.query(keep ? 'RELEASE SAVEPOINT password_reset' : 'ROLLBACK TO SAVEPOINT password_reset');
}

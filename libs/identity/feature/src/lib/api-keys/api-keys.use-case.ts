// API keys for integrators (issue 12): a student information system issuing awards, an
// employer's HR system posting needs. A key belongs to one organization and has a role (MEMBER
// or ADMIN, never OWNER). It reads `lat_<publicId>_<secret>`: the public id is shown in lists,
// the 256-bit secret only once, at creation; only its SHA-256 is stored and it is compared in
// constant time. The gateway exchanges a key for a short-lived access token (subject and `akid`
// = the key's id, one membership: the key's organization and role) that every subgraph accepts
// as it accepts a person's, so every use is attributed to the key. Revoking a key refuses the
// tokens already issued for it at once (the shared revocation moment, keyed by the key's id).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Authorizer, type Principal, TokenIssuer } from '@lattice/shared-auth';
import type { Role } from '@lattice/shared-contracts';
import { inTransaction } from '@lattice/shared-data-access';
import {
  type ApiKeyEntity,
  apiKeyByIdOrFail,
  IDENTITY_SCHEMA,
  IdentityRepository,
  insertApiKey,
  lockApiKey,
  revokeApiKey,
} from '@lattice/identity-data-access';
import { IdentityErrors } from '../shared/identity.errors';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../shared/identity.options';
import { AuditTrail } from '../shared/audit-trail';

export const API_KEY_PREFIX = 'lat_';
/** How long the access token an API key is exchanged for lives. */
export const API_KEY_TOKEN_TTL_SECONDS = 300;
const DEFAULT_LIFETIME_DAYS = 90;
const MAX_LIFETIME_DAYS = 366;
const KEY_PATTERN = /^lat_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export interface CreatedApiKey {
  readonly apiKey: ApiKeyEntity;
  /** The whole key, shown once. */
  readonly secret: string;
}

/** Refuses callers that are API keys themselves: keys never manage keys, people or sessions. */
export function requireHuman(principal: Principal): void {
  if (principal.apiKeyId)
    throw IdentityErrors.of('HUMANS_ONLY', 'An API key cannot do this; a person signed in must.');
}

@Injectable()
export class ApiKeysUseCase {
  private readonly issuer: TokenIssuer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizer: Authorizer,
    private readonly repository: IdentityRepository,
    private readonly audit: AuditTrail,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {
    this.issuer = new TokenIssuer(options.tokenPrivateKeyPem, {
      issuer: options.tokenIssuer,
      audience: options.tokenAudience,
      ttlSeconds: API_KEY_TOKEN_TTL_SECONDS,
    });
  }

  async create(
    principal: Principal,
    organizationId: string,
    name: string,
    role: Role,
    expiresAt: Date | null,
  ): Promise<CreatedApiKey> {
    requireHuman(principal);
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100)
      throw IdentityErrors.of('INVALID_INPUT', 'name must be 1 to 100 characters.', { field: 'name' });
    if (role === 'OWNER')
      throw IdentityErrors.of('INVALID_INPUT', 'An API key is a MEMBER or an ADMIN, never an OWNER.', {
        field: 'role',
      });
    const now = Date.now();
    const expiry = expiresAt ?? new Date(now + DEFAULT_LIFETIME_DAYS * 86_400_000);
    if (expiry.getTime() <= now + 60_000 || expiry.getTime() > now + MAX_LIFETIME_DAYS * 86_400_000)
      throw IdentityErrors.of(
        'INVALID_INPUT',
        `expiresAt must be in the future and at most ${MAX_LIFETIME_DAYS} days away.`,
        { field: 'expiresAt' },
      );
    const publicId = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12)
      .padEnd(12, '0');
    const secretPart = randomBytes(32).toString('base64url');
    const secret = `${API_KEY_PREFIX}${publicId}_${secretPart}`;
    const apiKey = await inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager }) => {
      const row: Partial<ApiKeyEntity> = {
        id: randomUUID(),
        publicId,
        organizationId,
        name: trimmed,
        role,
        secretHash: sha256(secretPart).toString('hex'),
        createdBy: principal.userId,
        expiresAt: expiry,
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
      };
      await insertApiKey(manager, row);
      await this.audit.record(
        manager,
        principal,
        organizationId,
        'api_key.created',
        { type: 'api_key', id: row.id! },
        { name: trimmed, role, prefix: `${API_KEY_PREFIX}${publicId}`, expiresAt: expiry.toISOString() },
      );
      return apiKeyByIdOrFail(manager, row.id!);
    });
    return { apiKey, secret };
  }

  async list(principal: Principal, organizationId: string): Promise<ApiKeyEntity[]> {
    requireHuman(principal);
    await this.authorizer.requireRole(principal, organizationId, 'ADMIN');
    return this.repository.apiKeysOf(organizationId);
  }

  async revoke(principal: Principal, id: string): Promise<ApiKeyEntity> {
    requireHuman(principal);
    const found = await this.repository.apiKeyById(id);
    if (!found) throw IdentityErrors.of('API_KEY_NOT_FOUND', 'No such API key.', { id });
    await this.authorizer.requireRole(principal, found.organizationId, 'ADMIN');
    return inTransaction(this.dataSource, IDENTITY_SCHEMA, async ({ manager }) => {
      const key = await lockApiKey(manager, id);
      if (key.revokedAt)
        throw IdentityErrors.of('API_KEY_REVOKED', 'This API key is already revoked.', { id });
      const now = new Date();
      await revokeApiKey(manager, id, key.version, principal.userId, now);
      await this.audit.record(
        manager,
        principal,
        key.organizationId,
        'api_key.revoked',
        { type: 'api_key', id },
        { name: key.name, prefix: `${API_KEY_PREFIX}${key.publicId}` },
      );
      // Tokens already issued for the key are refused everywhere from now on.
      await this.options.sessionRevocations?.revoke(id, now.getTime());
      return apiKeyByIdOrFail(manager, id);
    });
  }

  /** The gateway's exchange: a valid key → a short-lived access token for it; anything else → API_KEY_INVALID. */
  async exchange(key: string): Promise<{ token: string; expiresIn: number; apiKeyId: string }> {
    const invalid = () =>
      IdentityErrors.of('API_KEY_INVALID', 'This API key is not valid, expired or revoked.');
    const match = KEY_PATTERN.exec(key);
    if (!match) throw invalid();
    const found = await this.repository.apiKeyByPublicId(match[1]!);
    // Compare even when no key has that id, so timing says nothing about which ids exist.
    const expected = found ? Buffer.from(found.secretHash, 'hex') : sha256('no such key');
    const same = timingSafeEqual(sha256(match[2]!), expected);
    if (!found || !same || found.revokedAt || found.expiresAt.getTime() <= Date.now()) throw invalid();
    const organization = await this.repository.organizationById(found.organizationId);
    if (!organization) throw invalid();
    await this.repository.touchApiKey(found.id);
    const token = await this.issuer.issue({
      userId: found.id,
      email: `${API_KEY_PREFIX}${found.publicId}@api-keys.lattice.invalid`,
      emailVerified: false,
      memberships: [{ organizationId: found.organizationId, role: found.role, kind: organization.kind }],
      apiKeyId: found.id,
      ttlSeconds: Math.max(
        1,
        Math.min(API_KEY_TOKEN_TTL_SECONDS, Math.floor((found.expiresAt.getTime() - Date.now()) / 1000)),
      ),
    });
    return { token, expiresIn: API_KEY_TOKEN_TTL_SECONDS, apiKeyId: found.id };
  }
}

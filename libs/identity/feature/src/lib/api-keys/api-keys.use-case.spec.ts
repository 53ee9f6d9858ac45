// API keys: people (never keys) with ADMIN create and revoke them; a key is never an OWNER; its
// secret is shown once and only its hash stored; a revoked key's tokens end at once; the exchange
// refuses anything but a live key, the same way whatever is wrong.
import { createHash } from 'node:crypto';
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  type ApiKeyEntity,
  apiKeyByIdOrFail,
  type IdentityRepository,
  insertApiKey,
  lockApiKey,
  revokeApiKey,
} from '@lattice/identity-data-access';
import type { AuditTrail } from '../shared/audit-trail';
import type { IdentityOptions } from '../shared/identity.options';
import { ApiKeysUseCase } from './api-keys.use-case';

jest.mock('@lattice/identity-data-access', () => ({
  ...jest.requireActual('@lattice/identity-data-access'),
  apiKeyByIdOrFail: jest.fn(),
  insertApiKey: jest.fn(),
  lockApiKey: jest.fn(),
  revokeApiKey: jest.fn(),
}));

const person = { userId: 'admin' } as Principal;
const key = (over: Partial<ApiKeyEntity> = {}) =>
  ({
    id: 'key-1',
    publicId: 'abcdefghijkl',
    organizationId: 'org',
    name: 'SIS',
    role: 'MEMBER',
    version: 1,
    revokedAt: null,
    expiresAt: new Date(Date.now() + 86_400_000),
    secretHash: '00',
    ...over,
  }) as ApiKeyEntity;

function harness() {
  const tx = fakeTransactions();
  const authorizer = { requireRole: jest.fn(async () => undefined) };
  const repository = {
    apiKeyById: jest.fn(async () => key()),
    apiKeyByPublicId: jest.fn(async (): Promise<ApiKeyEntity | null> => null),
    organizationById: jest.fn(),
    touchApiKey: jest.fn(),
  };
  const audit = { record: jest.fn(async () => undefined) };
  const revocations = { revoke: jest.fn(async () => undefined) };
  const options = {
    tokenPrivateKeyPem: 'unused',
    tokenIssuer: 'i',
    tokenAudience: 'a',
    sessionRevocations: revocations,
  } as unknown as IdentityOptions;
  const useCase = new ApiKeysUseCase(
    tx.dataSource,
    authorizer as unknown as Authorizer,
    repository as unknown as IdentityRepository,
    audit as unknown as AuditTrail,
    options,
  );
  return { tx, authorizer, repository, audit, revocations, useCase };
}

describe('ApiKeysUseCase', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(apiKeyByIdOrFail).mockImplementation(async (_m, id) => key({ id }));
  });

  it('creates a key: the secret once, its SHA-256 stored, the creation audited without the secret', async () => {
    const { tx, authorizer, audit, useCase } = harness();
    const { secret } = await useCase.create(person, 'org', ' SIS ', 'ADMIN', null);
    expect(authorizer.requireRole).toHaveBeenCalledWith(person, 'org', 'ADMIN');
    const match = /^lat_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(secret);
    expect(match).not.toBeNull();
    expect(insertApiKey).toHaveBeenCalledWith(
      tx.manager,
      expect.objectContaining({
        publicId: match![1],
        name: 'SIS',
        role: 'ADMIN',
        secretHash: createHash('sha256').update(match![2]!).digest('hex'),
      }),
    );
    expect(JSON.stringify(jest.mocked(audit.record).mock.calls)).not.toContain(match![2]);
  });

  it.each([
    ['an OWNER role', () => ['org', 'SIS', 'OWNER', null] as const, 'IDENTITY.INVALID_INPUT'],
    ['an empty name', () => ['org', '  ', 'MEMBER', null] as const, 'IDENTITY.INVALID_INPUT'],
    [
      'an expiry in the past',
      () => ['org', 'SIS', 'MEMBER', new Date(Date.now() - 1)] as const,
      'IDENTITY.INVALID_INPUT',
    ],
    [
      'an expiry beyond a year',
      () => ['org', 'SIS', 'MEMBER', new Date(Date.now() + 400 * 86_400_000)] as const,
      'IDENTITY.INVALID_INPUT',
    ],
  ])('refuses %s and writes nothing', async (_what, args, code) => {
    const { tx, useCase } = harness();
    const [org, name, role, expiresAt] = args();
    await expect(useCase.create(person, org, name, role, expiresAt)).rejects.toMatchObject({ code });
    expect(tx.transactions()).toBe(0);
  });

  it('a key cannot create, list or revoke keys', async () => {
    const { useCase } = harness();
    const asKey = { userId: 'key-9', apiKeyId: 'key-9' } as Principal;
    await expect(useCase.create(asKey, 'org', 'SIS', 'MEMBER', null)).rejects.toMatchObject({
      code: 'IDENTITY.HUMANS_ONLY',
    });
    await expect(useCase.list(asKey, 'org')).rejects.toMatchObject({ code: 'IDENTITY.HUMANS_ONLY' });
    await expect(useCase.revoke(asKey, 'key-1')).rejects.toMatchObject({ code: 'IDENTITY.HUMANS_ONLY' });
  });

  it('revoking locks the key, revokes it at its version, audits it, and refuses its tokens from now on', async () => {
    const { tx, audit, revocations, useCase } = harness();
    jest.mocked(lockApiKey).mockResolvedValue(key());
    await useCase.revoke(person, 'key-1');
    expect(revokeApiKey).toHaveBeenCalledWith(tx.manager, 'key-1', 1, 'admin', expect.any(Date));
    expect(audit.record).toHaveBeenCalledWith(
      tx.manager,
      person,
      'org',
      'api_key.revoked',
      { type: 'api_key', id: 'key-1' },
      expect.anything(),
    );
    expect(revocations.revoke).toHaveBeenCalledWith('key-1', expect.any(Number));
  });

  it('a key revoked already is API_KEY_REVOKED, an unknown one API_KEY_NOT_FOUND', async () => {
    const { repository, revocations, useCase } = harness();
    jest.mocked(lockApiKey).mockResolvedValue(key({ revokedAt: new Date() }));
    await expect(useCase.revoke(person, 'key-1')).rejects.toMatchObject({ code: 'IDENTITY.API_KEY_REVOKED' });
    expect(revocations.revoke).not.toHaveBeenCalled();
    repository.apiKeyById.mockResolvedValue(null as never);
    await expect(useCase.revoke(person, 'key-2')).rejects.toMatchObject({
      code: 'IDENTITY.API_KEY_NOT_FOUND',
    });
  });

  it('the exchange refuses a malformed key, an unknown one, a wrong secret, and a revoked one alike', async () => {
    const { repository, useCase } = harness();
    const secret = 's'.repeat(43);
    const live = key({ secretHash: createHash('sha256').update(secret).digest('hex') });
    await expect(useCase.exchange('lat_nope')).rejects.toMatchObject({ code: 'IDENTITY.API_KEY_INVALID' });
    await expect(useCase.exchange(`lat_abcdefghijkl_${secret}`)).rejects.toMatchObject({
      code: 'IDENTITY.API_KEY_INVALID',
    });
    repository.apiKeyByPublicId.mockResolvedValue(live);
    await expect(useCase.exchange(`lat_abcdefghijkl_${'t'.repeat(43)}`)).rejects.toMatchObject({
      code: 'IDENTITY.API_KEY_INVALID',
    });
    repository.apiKeyByPublicId.mockResolvedValue({ ...live, revokedAt: new Date() });
    await expect(useCase.exchange(`lat_abcdefghijkl_${secret}`)).rejects.toMatchObject({
      code: 'IDENTITY.API_KEY_INVALID',
    });
    expect(repository.touchApiKey).not.toHaveBeenCalled();
  });
});

// Filters of the audit log are checked before anything is read: a malformed action or an unknown
// actor kind is a typed INVALID_INPUT naming the field, and the repository is never asked.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import type { IdentityRepository } from '@lattice/identity-data-access';
import { ReadAuditLogUseCase } from './read-audit-log.use-case';

describe('ReadAuditLogUseCase filters', () => {
  const principal = { userId: 'u1' } as Principal;
  const organizationId = '00000000-0000-4000-8000-000000000001';
  function useCase() {
    const authorizer = { requireRole: jest.fn().mockResolvedValue(undefined), requireOperator: jest.fn() };
    const repository = { auditLog: jest.fn().mockResolvedValue([]) };
    return {
      authorizer,
      repository,
      readAuditLog: new ReadAuditLogUseCase(
        authorizer as unknown as Authorizer,
        repository as unknown as IdentityRepository,
      ),
    };
  }

  it.each([
    [{ action: 'Member.Removed' }, 'action'],
    [{ action: 'member removed' }, 'action'],
    [{ action: 'member.removed\u0000' }, 'action'],
    [{ action: 'a'.repeat(101) }, 'action'],
    [{ action: '' }, 'action'],
    [{ actorKind: 'ROBOT' }, 'actorKind'],
    [{ actorKind: 'user' }, 'actorKind'],
  ])('refuses %j naming %s, and reads nothing (page and CSV)', async (filter, field) => {
    const { repository, authorizer, readAuditLog } = useCase();
    const expected = {
      code: expect.stringContaining('INVALID_INPUT'),
      details: expect.objectContaining({ field }),
    };
    await expect(
      readAuditLog.page(principal, organizationId, 20, null, filter as never),
    ).rejects.toMatchObject(expected);
    await expect(readAuditLog.csv(principal, organizationId, filter as never)).rejects.toMatchObject(
      expected,
    );
    expect(repository.auditLog).not.toHaveBeenCalled();
    expect(authorizer.requireRole).not.toHaveBeenCalled();
  });

  it('passes a well-formed filter to the repository', async () => {
    const { repository, readAuditLog } = useCase();
    await readAuditLog.page(principal, organizationId, 20, null, {
      action: 'member.role_changed',
      actorKind: 'API_KEY',
    });
    expect(repository.auditLog).toHaveBeenCalledWith(organizationId, 20, null, {
      action: 'member.role_changed',
      actorKind: 'API_KEY',
    });
  });
});

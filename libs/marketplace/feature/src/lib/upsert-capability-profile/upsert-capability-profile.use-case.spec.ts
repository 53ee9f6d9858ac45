// Publishing a capability profile: an institution's admins only; at least one region, each known;
// the profile, its skills and the groups they reach written as one replacement.
import type { Authorizer, Principal } from '@lattice/shared-auth';
import { fakeTransactions } from '@lattice/shared-testing';
import {
  capabilityProfileOfOrFail,
  type CapabilityProfileEntity,
  deleteProfileGroups,
  deleteProfileSkills,
  insertProfileGroups,
  insertProfileSkills,
  type MarketplaceRepository,
  type SkillRow,
  upsertCapabilityProfile,
} from '@lattice/marketplace-data-access';
import { RELATED_GROUP_MIN_LEVEL } from '@lattice/marketplace-domain';
import type { OrganizationDirectory } from '../shared/organization-directory';
import { UpsertCapabilityProfileUseCase } from './upsert-capability-profile.use-case';

jest.mock('@lattice/marketplace-data-access', () => ({
  ...jest.requireActual('@lattice/marketplace-data-access'),
  capabilityProfileOfOrFail: jest.fn(async () => ({ organizationId: 'col' }) as CapabilityProfileEntity),
  deleteProfileGroups: jest.fn(),
  deleteProfileSkills: jest.fn(),
  insertProfileGroups: jest.fn(),
  insertProfileSkills: jest.fn(),
  upsertCapabilityProfile: jest.fn(),
}));

const principal = { userId: 'admin' } as Principal;
const SKILL = '22222222-2222-4222-8222-222222222222';

function harness(kind = 'INSTITUTION') {
  const tx = fakeTransactions();
  const authorizer = { requireRole: jest.fn(async () => undefined) };
  const directory = { require: jest.fn(async () => ({ id: 'col', name: 'College', kind })) };
  const repository = {
    skillsByIds: jest.fn(async (ids: string[]) =>
      ids.map((id) => ({ id, uri: id, kind: 'SKILL', labelEn: id }) as SkillRow),
    ),
    skillsByUris: jest.fn(async () => []),
  };
  const useCase = new UpsertCapabilityProfileUseCase(
    tx.dataSource,
    authorizer as unknown as Authorizer,
    directory as unknown as OrganizationDirectory,
    repository as unknown as MarketplaceRepository,
  );
  return { tx, authorizer, useCase };
}

const command = {
  organizationId: 'col',
  skills: [{ skillId: SKILL, level: 3 }],
  regions: ['ON-Northeast', 'ON-Northeast'],
  deliveryModes: ['ONLINE', 'ONLINE'] as never,
  annualCapacity: 40,
};

describe('UpsertCapabilityProfileUseCase', () => {
  beforeEach(() => jest.clearAllMocks());

  it('writes the profile (regions once, with all they cover), replaces its skills and the groups they reach', async () => {
    const { tx, authorizer, useCase } = harness();
    await useCase.execute(principal, command);
    expect(authorizer.requireRole).toHaveBeenCalledWith(principal, 'col', 'ADMIN');
    const written = jest.mocked(upsertCapabilityProfile).mock.calls[0]![1];
    expect(written).toMatchObject({
      organizationId: 'col',
      regions: ['ON-Northeast'],
      deliveryModes: ['ONLINE'],
      annualCapacity: 40,
      updatedBy: 'admin',
    });
    expect(written.regionCover).toContain('ON-Northeast');
    expect(deleteProfileSkills).toHaveBeenCalledWith(tx.manager, 'col');
    expect(insertProfileSkills).toHaveBeenCalledWith(tx.manager, 'col', [{ skillId: SKILL, level: 3 }]);
    expect(deleteProfileGroups).toHaveBeenCalledWith(tx.manager, 'col');
    expect(insertProfileGroups).toHaveBeenCalledWith(tx.manager, 'col', [SKILL], RELATED_GROUP_MIN_LEVEL);
    expect(capabilityProfileOfOrFail).toHaveBeenCalledWith(tx.manager, 'col');
  });

  it('refuses an organization that is no institution, no region, an unknown region; nothing is written', async () => {
    await expect(harness('EMPLOYER').useCase.execute(principal, command)).rejects.toMatchObject({
      code: 'MARKETPLACE.NOT_AN_INSTITUTION',
    });
    await expect(harness().useCase.execute(principal, { ...command, regions: [] })).rejects.toMatchObject({
      code: 'MARKETPLACE.INVALID_REGION',
    });
    await expect(
      harness().useCase.execute(principal, { ...command, regions: ['Atlantis'] }),
    ).rejects.toMatchObject({ code: 'MARKETPLACE.INVALID_REGION' });
    expect(upsertCapabilityProfile).not.toHaveBeenCalled();
  });
});

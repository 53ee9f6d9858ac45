// The request's batched reads of identity data.
import type { LoaderRegistry } from '@lattice/shared-graphql';
import { byKeys, groupByKeys } from '@lattice/shared-graphql';
import type {
  IdentityRepository,
  MembershipEntity,
  MembershipWithOrganization,
  OrganizationEntity,
  UmbrellaMemberEntity,
  UserEntity,
} from '@lattice/identity-data-access';

export function identityLoaders(loaders: LoaderRegistry, repository: IdentityRepository) {
  return {
    organization: loaders.get<string, OrganizationEntity | null>('identity.organization', async (ids) =>
      byKeys(ids, await repository.organizationsByIds(ids), (o) => o.id),
    ),
    user: loaders.get<string, UserEntity | null>('identity.user', async (ids) =>
      byKeys(ids, await repository.usersByIds(ids), (u) => u.id),
    ),
    membershipsOfUser: loaders.get<string, MembershipWithOrganization[]>(
      'identity.membershipsOfUser',
      async (ids) => groupByKeys(ids, await repository.membershipsOfUsers(ids), (m) => m.userId),
    ),
    membersOfOrganization: loaders.get<string, MembershipEntity[]>(
      'identity.membersOfOrganization',
      async (ids) => groupByKeys(ids, await repository.membersOfOrganizations(ids), (m) => m.organizationId),
    ),
    umbrellasOf: loaders.get<string, UmbrellaMemberEntity[]>('identity.umbrellasOf', async (ids) =>
      groupByKeys(ids, await repository.umbrellaLinks('organizationId', ids), (l) => l.organizationId),
    ),
    membersOfUmbrella: loaders.get<string, UmbrellaMemberEntity[]>(
      'identity.membersOfUmbrella',
      async (ids) => groupByKeys(ids, await repository.umbrellaLinks('umbrellaId', ids), (l) => l.umbrellaId),
    ),
  };
}

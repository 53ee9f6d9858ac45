// The organization the user works as: the one they chose (remembered), else their first.
import { useQuery } from '@apollo/client/react';
import { ME, type Me } from '../graphql/documents';
import { useSession } from './session';

export type Membership = Me['memberships'][number];

export function useCurrentOrganization(): {
  loading: boolean;
  me: Me | undefined;
  current: Membership | undefined;
} {
  const { organizationId, signedIn } = useSession();
  const { data, loading } = useQuery(ME, { skip: !signedIn });
  const memberships = data?.me.memberships ?? [];
  const current = memberships.find((m) => m.organization.id === organizationId) ?? memberships[0];
  return { loading, me: data?.me, current };
}

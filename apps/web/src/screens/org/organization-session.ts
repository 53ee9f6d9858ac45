// After joining or creating an organization the token must be refreshed (it carries the
// memberships) and the new organization becomes the current one.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { ME, REFRESH_TOKEN } from '../../graphql/documents';
import { sessionStore } from '../../app/session';

export function useEnterOrganization() {
  const client = useApolloClient();
  const [refresh] = useMutation(REFRESH_TOKEN);
  return async (organizationId: string) => {
    const { data } = await refresh();
    if (data) sessionStore.signIn(data.refreshToken.token);
    sessionStore.switchOrganization(organizationId);
    await client.refetchQueries({ include: [ME] });
  };
}

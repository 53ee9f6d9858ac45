// One Apollo Client for the app: same-origin /graphql, the session's bearer token on every
// request, an expired or missing session (UNAUTHENTICATED on anything but logging in) handed to
// `onSessionExpired`, which sends the user to log in and back, and every failed mutation followed
// by a refetch of what the screen shows: a refused or half-answered mutation may still have
// changed something (or someone else did first), so the screen shows the real state, not the
// state before the attempt. (Successes refetch what each screen names in refetchQueries.)
import { OperationTypeNode } from 'graphql';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { SetContextLink } from '@apollo/client/link/context';

/** Operations whose UNAUTHENTICATED answer is about the input (a wrong password), not the session. */
const SESSIONLESS = new Set(['LogIn', 'SignUp']);

export function createClient(options: { token: () => string | null; onSessionExpired: () => void }) {
  const auth = new SetContextLink((previous) => {
    const token = options.token();
    return token ? { headers: { ...previous['headers'], authorization: `Bearer ${token}` } } : {};
  });
  const expiry = new ErrorLink(({ error, operation }) => {
    if (SESSIONLESS.has(operation.operationName ?? '')) return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    ) {
      options.onSessionExpired();
    }
  });
  const afterFailedMutation = new ErrorLink(({ error, operation }) => {
    if (
      operation.operationType !== OperationTypeNode.MUTATION ||
      SESSIONLESS.has(operation.operationName ?? '')
    )
      return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    )
      return;
    // After the mutation's caller has its answer: the active queries read the server again.
    setTimeout(() => void operation.client.refetchQueries({ include: 'active' }).catch(() => undefined), 0);
  });
  return new ApolloClient({
    link: ApolloLink.from([expiry, afterFailedMutation, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

// One Apollo Client for the app: same-origin /graphql, the session's bearer token on every
// request, and an expired or missing session (UNAUTHENTICATED on anything but logging in)
// handed to `onSessionExpired`, which sends the user to log in and back.
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
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
      options.onSessionExpired();
    }
  });
  return new ApolloClient({
    link: ApolloLink.from([expiry, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { ApolloProvider } from '@apollo/client/react';
import { i18nReady } from './i18n';
import './ui/styles.css';
import { createClient } from './graphql/client';
import { createRouter } from './app/router';
import { logInPath, sessionStore } from './app/session';

const router = createRouter();
const client = createClient({
  token: sessionStore.token,
  // An expired session: forget it and log in again, then come back here.
  onSessionExpired: () => {
    if (!sessionStore.token()) return;
    sessionStore.signOut();
    void client.clearStore();
    const here = window.location.pathname + window.location.search;
    void router.navigate(logInPath(here), { replace: true });
  },
});

// The first paint waits for the messages of the language in use (a chunk of its own).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </StrictMode>,
  ),
);

// The session lives in localStorage so a reload (or another tab) keeps it: the token from
// signUp/logIn/refreshToken and the organization the user is working as. React reads it with
// useSession(), which re-renders on every change, here or in another tab.
import { useSyncExternalStore } from 'react';

const TOKEN_KEY = 'lattice.token';
const ORGANIZATION_KEY = 'lattice.organizationId';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function write(key: string, value: string | null): void {
  if (value) localStorage.setItem(key, value);
  else localStorage.removeItem(key);
  notify();
}

export const sessionStore = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY) || null,
  organizationId: (): string | null => localStorage.getItem(ORGANIZATION_KEY),
  signIn: (token: string): void => write(TOKEN_KEY, token),
  /** Forgets the token; the organization stays remembered for the next log-in. */
  signOut: (): void => write(TOKEN_KEY, null),
  switchOrganization: (id: string): void => write(ORGANIZATION_KEY, id),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    window.addEventListener('storage', listener);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', listener);
    };
  },
};

export function useSession() {
  const token = useSyncExternalStore(sessionStore.subscribe, sessionStore.token);
  const organizationId = useSyncExternalStore(sessionStore.subscribe, sessionStore.organizationId);
  return { token, organizationId, signedIn: token !== null };
}

/** Where to send someone to log in, remembering where they were. */
export function logInPath(from: string): string {
  return from && from !== '/' && !from.startsWith('/log-in')
    ? `/log-in?next=${encodeURIComponent(from)}`
    : '/log-in';
}

/** A `next` parameter, only if it is a path on this site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

import type { SessionState } from './sessionSlice';
import { emptySession } from './sessionSlice';

// Tokens live in localStorage so a reload keeps the user logged in.
const KEY = 'meridian.session.v1';

export function loadSession(storage: Storage | undefined = safeLocalStorage()): SessionState {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return emptySession;
    const parsed = JSON.parse(raw) as Partial<SessionState>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string') return emptySession;
    return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken, user: parsed.user ?? null };
  } catch {
    return emptySession; // corrupt entry: start logged out rather than crash
  }
}

export function saveSession(session: SessionState, storage: Storage | undefined = safeLocalStorage()): void {
  if (!storage) return;
  if (session.accessToken) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // private mode or disabled storage
  }
}

/** Writes the session to storage whenever it changes. */
export function persistSessionChanges(
  store: { getState: () => { session: SessionState }; subscribe: (listener: () => void) => () => void },
  storage?: Storage,
): () => void {
  let last = store.getState().session;
  return store.subscribe(() => {
    const next = store.getState().session;
    if (next === last) return;
    last = next;
    saveSession(next, storage);
  });
}

/** The app's context for tests that render one screen: who is signed in, and what they may do. */
import { PERMISSIONS, type AppStatus, type UserRef } from '../api';
import { AppContext, type AppContextValue } from '../app-context';

export const RESPONSIBLE: UserRef = { id: 'u1', name: 'Aigerim', role: 'responsible', permissions: [...PERMISSIONS] };
export const STAFF: UserRef = { id: 'u2', name: 'Дана', role: 'staff', permissions: [] };

export function unlockedStatus(user: UserRef = RESPONSIBLE): AppStatus {
  return {
    state: 'unlocked',
    vault: { path: '/v', name: 'Office', isDemo: false },
    user,
    recentVaults: [],
    autoLockMinutes: 5,
    recoveryKeyPending: false,
  };
}

export function appContext(user: UserRef = RESPONSIBLE, over: Partial<AppContextValue> = {}): AppContextValue {
  const status = unlockedStatus(user);
  return {
    status,
    route: { name: 'app' },
    setRoute: () => {},
    refresh: async () => status,
    enterApp: async () => {},
    lock: async () => {},
    openFolder: async () => {},
    startDemo: async () => {},
    ...over,
  };
}

/** Renders `children` as `user` would see them (the responsible person unless told). */
export function WithApp({ user = RESPONSIBLE, children }: { user?: UserRef; children: React.ReactNode }) {
  return <AppContext.Provider value={appContext(user)}>{children}</AppContext.Provider>;
}

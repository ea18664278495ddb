import { createContext, useContext } from 'react';
import type { AppStatus, Permission } from './api';

export type Route =
  | { name: 'loading' }
  | { name: 'welcome' }
  | { name: 'create'; back?: Route }
  | {
      name: 'unlock';
      folder: string;
      vaultName: string;
      /** 'idle': the backend locked the vault after inactivity; say so once. */
      note?: 'idle' | null;
      /** With note 'idle': the auto-lock delay that ran out. */
      idleMinutes?: number;
      mode?: 'password' | 'recover';
    }
  | { name: 'app' };

export interface AppContextValue {
  status: AppStatus | null;
  route: Route;
  setRoute: (route: Route) => void;
  refresh: () => Promise<AppStatus>;
  /** The vault is open now: fetch the status and show the app. */
  enterApp: () => Promise<void>;
  lock: () => Promise<void>;
  /** System folder dialog, then the unlock screen for that folder. Rejects with an ApiError. */
  openFolder: () => Promise<void>;
  /** Create and open the demo vault. Rejects with an ApiError. */
  startDemo: () => Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <App>');
  return value;
}

/**
 * Whether the signed-in user's role lets them do `permission` (from app_status). The core refuses
 * anyway; the screens use this only to not offer what the role cannot do. No user, no permission.
 */
export function can(status: AppStatus | null | undefined, permission: Permission): boolean {
  return status?.user?.permissions?.includes(permission) ?? false;
}

/** `can(permission)` for the signed-in user; outside <App> (nobody signed in) it is always false. */
export function useCan(): (permission: Permission) => boolean {
  const status = useContext(AppContext)?.status ?? null;
  return (permission) => can(status, permission);
}

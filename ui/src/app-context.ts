import { createContext, useContext } from 'react';
import type { AppStatus } from './api';

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

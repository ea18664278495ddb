/**
 * The IPC contract between the UI and the Rust side (src-tauri), as typed wrappers.
 *
 * The UI holds no business rules: password strength, lock timing and validation are decided
 * in Rust, and the UI shows what the backend says. Every command may reject with an ApiError.
 *
 * Tauri 2 passes argument names in camelCase from JS; the Rust side names them in snake_case.
 */
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import { listen as tauriListen } from '@tauri-apps/api/event';

// ---------------------------------------------------------------- types

export interface VaultRef {
  path: string;
  name: string;
  isDemo: boolean;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface AppStatus {
  state: 'no_vault' | 'locked' | 'unlocked';
  vault: VaultRef | null;
  user: UserRef | null;
  recentVaults: { path: string; name: string }[];
  autoLockMinutes: number;
  recoveryKeyPending: boolean;
}

export type PasswordProblem =
  | 'empty'
  | 'too_short'
  | 'weak'
  | 'straight_row'
  | 'key_pattern'
  | 'simple_repeat'
  | 'extended_repeat'
  | 'sequence'
  | 'recent_years'
  | 'dates'
  | 'top10'
  | 'top100'
  | 'common'
  | 'similar_to_common'
  | 'word_by_itself'
  | 'names_by_themselves'
  | 'common_names'
  | 'user_input';

export type PasswordSuggestion =
  | 'use_few_words'
  | 'no_need_symbols'
  | 'add_another_word'
  | 'capitalization'
  | 'all_uppercase'
  | 'reversed_words'
  | 'predictable_substitutions'
  | 'longer_keyboard_pattern'
  | 'avoid_repeated'
  | 'avoid_sequences'
  | 'avoid_recent_years'
  | 'avoid_years_associated'
  | 'avoid_dates'
  | 'avoid_user_input';

export interface PasswordAssessment {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** Problem codes (PasswordProblem); unknown codes are shown as they are. */
  problems: string[];
  /** Suggestion codes (PasswordSuggestion); unknown codes are shown as they are. */
  suggestions: string[];
  /** Optional: the backend's minimum length, used in the `too_short` sentence (default 10). */
  minLength?: number;
}

export interface CreatedVault {
  recoveryKey: string;
  confirmGroupIndex: number;
}

export interface JournalEntry {
  seq: number;
  /** RFC 3339, UTC */
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  object: string | null;
  details: Record<string, unknown>;
}

export interface JournalPage {
  total: number;
  entries: JournalEntry[];
}

export interface JournalVerification {
  ok: boolean;
  entries: number;
  problem: null | {
    seq: number;
    kind: 'changed' | 'missing' | 'truncated' | 'reordered';
    message: string;
  };
}

export interface VaultLockedEvent {
  reason: 'idle' | 'manual';
  /** For an idle lock: the auto-lock delay that ran out. */
  minutes?: number | null;
}

export interface ApiError {
  code: string;
  message: string;
  params: Record<string, string | number>;
}

// ---------------------------------------------------------------- errors

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Turns whatever a command rejected with into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { code: value.code, message: value.message, params: value.params ?? {} };
  }
  if (typeof value === 'string') return { code: 'internal', message: value, params: {} };
  if (value instanceof Error) return { code: 'internal', message: value.message, params: {} };
  return { code: 'internal', message: String(value), params: {} };
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called whenever any command fails with `locked`: the vault was locked underneath us. */
export function onLockedError(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

// ---------------------------------------------------------------- transport

type Args = Record<string, unknown>;

function hasTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function invoke<T>(command: string, args?: Args): Promise<T> {
  try {
    // Design-preview only: in `vite dev` opened in a plain browser there is no Rust side, so an
    // in-memory stand-in answers. `import.meta.env.DEV` is false in production builds, so the
    // bundler drops this branch and the preview backend is never shipped.
    if (import.meta.env.DEV && !hasTauri()) {
      const preview = await import('./dev/preview-backend');
      return (await preview.previewInvoke(command, args ?? {})) as T;
    }
    return await tauriInvoke<T>(command, args);
  } catch (raw) {
    const error = toApiError(raw);
    if (error.code === 'locked') lockedListeners.forEach((l) => l());
    throw error;
  }
}

async function listen<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  if (import.meta.env.DEV && !hasTauri()) {
    const preview = await import('./dev/preview-backend');
    return preview.previewListen(event, (payload) => handler(payload as T));
  }
  return tauriListen<T>(event, (e) => handler(e.payload));
}

// ---------------------------------------------------------------- commands

export const api = {
  appStatus: () => invoke<AppStatus>('app_status'),
  defaultVaultFolder: () => invoke<string>('default_vault_folder'),
  chooseFolder: () => invoke<string | null>('choose_folder'),
  assessPassword: (password: string) => invoke<PasswordAssessment>('assess_password', { password }),
  createVault: (folder: string, userName: string, password: string, passwordConfirm: string) =>
    invoke<CreatedVault>('create_vault', { folder, userName, password, passwordConfirm }),
  confirmRecoveryKey: (group: string) => invoke<void>('confirm_recovery_key', { group }),
  unlockVault: (folder: string, password: string) =>
    invoke<void>('unlock_vault', { folder, password }),
  recoverVault: (
    folder: string,
    recoveryKey: string,
    newPassword: string,
    newPasswordConfirm: string,
  ) => invoke<void>('recover_vault', { folder, recoveryKey, newPassword, newPasswordConfirm }),
  openDemo: () => invoke<void>('open_demo'),
  lockVault: () => invoke<void>('lock_vault'),
  touch: () => invoke<void>('touch'),
  setAutoLockMinutes: (minutes: number) => invoke<void>('set_auto_lock_minutes', { minutes }),
  changePassword: (current: string, newPassword: string, newPasswordConfirm: string) =>
    invoke<void>('change_password', { current, newPassword, newPasswordConfirm }),
  journalList: (limit: number, offset: number) =>
    invoke<JournalPage>('journal_list', { limit, offset }),
  journalVerify: () => invoke<JournalVerification>('journal_verify'),
};

export const events = {
  onVaultLocked: (handler: (payload: VaultLockedEvent) => void) =>
    listen<VaultLockedEvent>('vault-locked', handler),
};

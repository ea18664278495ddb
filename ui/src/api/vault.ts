/** The vault: the app's state, creating, unlocking, recovering and locking it, the password, the journal. */
import { invoke, listen } from './transport';

// ---------------------------------------------------------------- types

export interface VaultRef {
  path: string;
  name: string;
  isDemo: boolean;
}

/** A user's role in a vault: the person responsible for processing, or a staff member. */
export type Role = 'responsible' | 'staff';

/** What not every role may do (the core's Permission codes). Everything else, every user may do. */
export type Permission =
  | 'manage_users'
  | 'change_settings'
  | 'end_life'
  | 'decide_keeping'
  | 'export_rows'
  | 'reveal_sensitive'
  | 'back_up';

export const PERMISSIONS: readonly Permission[] = [
  'manage_users',
  'change_settings',
  'end_life',
  'decide_keeping',
  'export_rows',
  'reveal_sensitive',
  'back_up',
];

/** The signed-in user, and what their role lets them do (the UI offers only that). */
export interface UserRef {
  id: string;
  name: string;
  role: Role;
  permissions: Permission[];
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
    /** The break in English; `params` say it in any language (an `invalid_input` refusal's). */
    message: string;
    params: Record<string, unknown>;
  };
}

export interface VaultLockedEvent {
  reason: 'idle' | 'manual';
  /** For an idle lock: the auto-lock delay that ran out. */
  minutes?: number | null;
}

// ---------------------------------------------------------------- commands

export const vaultCommands = {
  appStatus: () => invoke<AppStatus>('app_status'),
  defaultVaultFolder: () => invoke<string>('default_vault_folder'),
  chooseFolder: () => invoke<string | null>('choose_folder'),
  /** The cloud service (OneDrive, Dropbox, ...) that synchronises a folder, or null. */
  cloudFolder: (folder: string) => invoke<string | null>('cloud_folder', { folder }),
  assessPassword: (password: string) => invoke<PasswordAssessment>('assess_password', { password }),
  createVault: (folder: string, userName: string, password: string, passwordConfirm: string) =>
    invoke<CreatedVault>('create_vault', { folder, userName, password, passwordConfirm }),
  confirmRecoveryKey: (group: string) => invoke<void>('confirm_recovery_key', { group }),
  /** With a name, only that user's key slot is tried (faster when several people use the vault). */
  unlockVault: (folder: string, userName: string | null, password: string) =>
    invoke<void>('unlock_vault', { folder, userName, password }),
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
  /** Change one's own password; `keyFile` when the password needs one (it keeps needing it). */
  changePassword: (current: string, newPassword: string, newPasswordConfirm: string, keyFile: string | null = null) =>
    invoke<void>('change_password', { current, newPassword, newPasswordConfirm, keyFile }),
  journalList: (limit: number, offset: number) =>
    invoke<JournalPage>('journal_list', { limit, offset }),
  journalVerify: () => invoke<JournalVerification>('journal_verify'),
};

export const vaultEvents = {
  onVaultLocked: (handler: (payload: VaultLockedEvent) => void) =>
    listen<VaultLockedEvent>('vault-locked', handler),
};

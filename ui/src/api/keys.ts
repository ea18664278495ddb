/** Keys people keep: a key file, the recovery key replaced or split into shares, and copying a revealed value. */
import { invoke } from './transport';
import type { IfExists } from './types';

/** One printed share of a split recovery key (shown once). */
export interface RecoveryShare {
  holder: string;
  index: number;
  threshold: number;
  count: number;
  /** `XXXX-XXXX-…`, 10 groups */
  text: string;
}

export const keysCommands = {
  chooseKeyFile: () => invoke<string | null>('choose_key_file'),
  chooseKeyFileTarget: () => invoke<string | null>('choose_key_file_target'),
  /** Unlock with the password and the user's key file (when unlock_vault answered key_file_needed). */
  unlockVaultWithKeyFile: (folder: string, userName: string | null, password: string, keyFile: string) =>
    invoke<void>('unlock_vault_with_key_file', { folder, userName, password, keyFile }),
  /** Whether the signed-in user's password needs a key file. */
  keyFileStatus: () => invoke<boolean>('key_file_status'),
  /** Make a key file at `out`; from then on the password opens the vault only with it. */
  keyFileSet: (password: string, current: string | null, out: string) =>
    invoke<void>('key_file_set', { password, current, out }),
  keyFileRemove: (password: string, current: string) => invoke<void>('key_file_remove', { password, current }),
  /** A new recovery key (shown once); the old one stops working. */
  recoveryKeyNew: () => invoke<string>('recovery_key_new'),
  /** Split a new recovery key among holders; any `threshold` of the shares open the vault. */
  recoveryKeySplit: (threshold: number, holders: string[]) =>
    invoke<RecoveryShare[]>('recovery_key_split', { threshold, holders }),
  /** The shares just made, as a PDF with one page per holder. */
  recoverySharesSave: (path: string, lang: 'kk' | 'ru', ifExists: IfExists) =>
    invoke<string>('recovery_shares_save', { path, lang, ifExists }),
  /** Forgot the password: shares of the recovery key, then a new password. */
  recoverWithShares: (folder: string, shares: string[], newPassword: string, newPasswordConfirm: string) =>
    invoke<void>('recover_with_shares', { folder, shares, newPassword, newPasswordConfirm }),
  /** Reveal one masked field (journaled) onto the clipboard, cleared after 30 s or at lock. */
  clipboardCopyRevealed: (id: string, field: string) => invoke<void>('clipboard_copy_revealed', { id, field }),
};

/** Backups: writing one, the list, the reminder, and restoring one into a new folder. */
import { invoke } from './transport';
import type { IfExists } from './types';

// ---------------------------------------------------------------- types

/** A backup as the vault lists it (when, where, how big — never what is in it). */
export interface BackupRecord {
  id: string;
  /** RFC 3339, UTC */
  madeAt: string;
  madeByName: string;
  /** The file's path as it was written. */
  place: string;
  /** Bytes. */
  size: number;
  people: number;
  sha256: string;
  goneAt: string | null;
  goneHow: 'deleted' | 'replaced' | null;
  /** Acts made since that name it: it still holds people destroyed or anonymised since. */
  acts: number[];
  /** The cloud service that synchronises its folder (OneDrive, Dropbox, ...), or null. */
  cloud: string | null;
}

/** What the dashboard and the Backups screen say about backups. */
export interface BackupStatus {
  last: BackupRecord | null;
  reminderDays: number;
  retentionDays: number;
  /** The days the core accepts for each, [min, max] (the settings form's hint). */
  reminderRange: [number, number];
  retentionRange: [number, number];
  /** No backup yet, or the last is older than reminderDays. */
  overdue: boolean;
  /** Kept backups that still hold destroyed people: replace or delete them. */
  holdingEnded: BackupRecord[];
  /** Kept backups older than retentionDays: delete them. */
  expired: BackupRecord[];
}

export interface BackupHeader {
  vaultId: string;
  madeAt: string;
  schema: number;
  people: number;
}

/** What a restore did. */
export interface Restored {
  dir: string;
  header: BackupHeader;
  /** Destruction logs read. */
  logs: number;
  /** Later acts re-applied, and the people they removed again. */
  replayed: { acts: number; people: number };
  people: number;
}

// ---------------------------------------------------------------- commands

export const backupCommands = {
  backupStatus: () => invoke<BackupStatus>('backup_status'),
  backupsList: () => invoke<BackupRecord[]>('backups_list'),
  backupDefaultPath: () => invoke<string>('backup_default_path'),
  chooseBackupPath: () => invoke<string | null>('choose_backup_path'),
  chooseBackupFile: () => invoke<string | null>('choose_backup_file'),
  /** The cloud service that synchronises the folder of `path`, or null. */
  backupCloud: (path: string) => invoke<string | null>('backup_cloud', { path }),
  backupMake: (path: string, ifExists: IfExists, allowCloud: boolean) =>
    invoke<BackupRecord>('backup_make', { path, ifExists, allowCloud }),
  /** Say a backup is gone; with deleteFile, delete its file too when it is reachable. */
  backupForget: (id: string, deleteFile: boolean) => invoke<BackupRecord>('backup_forget', { id, deleteFile }),
  backupSettingsSet: (reminderDays: number, retentionDays: number) =>
    invoke<void>('backup_settings_set', { reminderDays, retentionDays }),
  /** Restore into a new or empty folder, replay later destructions, and open the restored vault. */
  backupRestore: (
    file: string,
    to: string,
    credentials: {
      userName?: string | null;
      password?: string | null;
      recoveryKey?: string | null;
      /** The user's key file, if their password needs one. */
      keyFile?: string | null;
    },
    replay: string[],
  ) =>
    invoke<Restored>('backup_restore', {
      file,
      to,
      userName: credentials.userName ?? null,
      password: credentials.password ?? null,
      recoveryKey: credentials.recoveryKey ?? null,
      keyFile: credentials.keyFile ?? null,
      replay,
    }),
};

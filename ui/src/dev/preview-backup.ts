/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND. The backups of the preview's vault (see
 * ./preview-backend.ts): a list with every state the Backups screen shows (kept, replaced,
 * deleted, still holding people destroyed since, older than the retention), the reminder, and
 * stand-ins for writing, deleting and restoring. Nothing here is a rule of the product: the core
 * decides all of it.
 *
 * A path containing "onedrive" or "dropbox" is in a synchronised folder; one containing "exists"
 * is already taken; a backup file containing "nolog" restores with no destruction log found, and
 * "later" with two later destructions replayed.
 */
import type { BackupRecord, BackupStatus, Restored } from '../api';

export const BACKUP_COMMANDS = new Set([
  'backup_status',
  'backups_list',
  'backup_default_path',
  'choose_backup_path',
  'choose_backup_file',
  'backup_cloud',
  'backup_make',
  'backup_forget',
  'backup_settings_set',
]);

export interface BackupHost {
  fail: (code: string, message: string, params?: Record<string, unknown>) => never;
  journal: (action: string, details?: Record<string, unknown>, object?: string | null) => void;
  userName: () => string;
  vaultName: () => string;
  isDemo: () => boolean;
  people: () => number;
  home: string;
}

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

function cloudOf(path: string): string | null {
  if (/onedrive/i.test(path)) return 'OneDrive';
  if (/dropbox/i.test(path)) return 'Dropbox';
  return null;
}

function record(over: Partial<BackupRecord> & Pick<BackupRecord, 'id' | 'madeAt' | 'place'>): BackupRecord {
  return {
    madeByName: 'Айгерім Сейітқызы',
    size: 178_500_000,
    people: 100_000,
    sha256: 'a3f1'.repeat(16),
    goneAt: null,
    goneHow: null,
    acts: [],
    cloud: cloudOf(over.place),
    ...over,
  };
}

/** The preview's backups: `seed` gives the open vault a history with every state in it. */
export function createBackups(host: BackupHost, { seed }: { seed: boolean }) {
  let reminderDays = 7;
  let retentionDays = 90;
  const list: BackupRecord[] = seed
    ? [
        record({ id: 'b4', madeAt: daysAgo(12), place: '/media/aigerim/KINGSTON/Қамқор-қоры-backup.derbes-backup', acts: [2] }),
        record({ id: 'b3', madeAt: daysAgo(40), place: '/media/aigerim/KINGSTON/Қамқор-қоры-2025-01.derbes-backup', goneAt: daysAgo(12), goneHow: 'replaced' }),
        record({ id: 'b2', madeAt: daysAgo(70), place: '/home/aigerim/OneDrive/Derbes/old.derbes-backup', goneAt: daysAgo(60), goneHow: 'deleted', people: 98_200, size: 171_000_000 }),
        record({ id: 'b1', madeAt: daysAgo(130), place: '/media/aigerim/TRANSCEND/Derbes-autumn.derbes-backup', acts: [1, 2], people: 96_400, size: 166_000_000 }),
      ]
    : [];

  const kept = () => list.filter((b) => b.goneAt === null);
  const age = (b: BackupRecord) => (Date.now() - new Date(b.madeAt).getTime()) / DAY;
  const suggested = () => `${host.vaultName().replace(/[^\p{L}\p{N}-]/gu, '-')}-${new Date().toISOString().slice(0, 10)}.derbes-backup`;

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    backup_status: (): BackupStatus => {
      const k = kept();
      const last = k[0] ?? null;
      return {
        last,
        reminderDays,
        retentionDays,
        reminderRange: [1, 90],
        retentionRange: [7, 3650],
        overdue: !host.isDemo() && (!last || age(last) >= reminderDays),
        holdingEnded: k.filter((b) => b.acts.length > 0),
        expired: k.filter((b) => age(b) > retentionDays),
      };
    },
    backups_list: () => list,
    backup_default_path: () => `${host.home}/${suggested()}`,
    choose_backup_path: () => `/media/aigerim/KINGSTON/${suggested()}`,
    choose_backup_file: () => '/media/aigerim/KINGSTON/Қамқор-қоры-backup.derbes-backup',
    backup_cloud: (a) => cloudOf(String(a.path ?? '')),
    backup_make: (a) => {
      const path = String(a.path ?? '').trim();
      const service = cloudOf(path);
      if (service && a.allowCloud !== true) {
        host.fail('invalid_input', `${service} synchronises this folder.`, { field: 'path', reason: 'backup_cloud_folder', service });
      }
      if (!path.endsWith('.derbes-backup')) {
        host.fail('invalid_input', "A backup's file name must end in .derbes-backup.", { field: 'path', reason: 'backup_extension', extension: 'derbes-backup' });
      }
      const taken = /exists/i.test(path) || kept().some((b) => b.place === path);
      if (taken && a.ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there.');
      const now = new Date().toISOString();
      for (const b of kept()) {
        if (b.place === path) {
          b.goneAt = now;
          b.goneHow = 'replaced';
        }
      }
      const made = record({ id: `b-${Date.now()}`, madeAt: now, place: path, madeByName: host.userName(), people: host.people(), size: 40_000 + host.people() * 1_780 });
      list.unshift(made);
      host.journal('backup.made', { size: made.size, people: made.people }, made.id);
      return made;
    },
    backup_forget: (a) => {
      const b = list.find((x) => x.id === a.id);
      if (!b) host.fail('invalid_input', 'This vault has no record of that backup.', { field: 'backup', reason: 'backup_unknown' });
      if (b.goneAt === null) {
        b.goneAt = new Date().toISOString();
        b.goneHow = 'deleted';
        host.journal('backup.gone', { how: 'deleted', fileDeleted: a.deleteFile === true }, b.id);
      }
      return b;
    },
    backup_settings_set: (a) => {
      const reminder = Number(a.reminderDays);
      const retention = Number(a.retentionDays);
      if (!(reminder >= 1 && reminder <= 90)) host.fail('invalid_input', 'The reminder must be between 1 and 90 days.', { field: 'backup_reminder_days', reason: 'backup_reminder_range', min: 1, max: 90 });
      if (!(retention >= 7 && retention <= 3650)) host.fail('invalid_input', 'Backups must be kept between 7 and 3650 days.', { field: 'backup_retention_days', reason: 'backup_retention_range', min: 7, max: 3650 });
      reminderDays = reminder;
      retentionDays = retention;
      host.journal('settings.changed', { key: 'backup_reminder_days' });
    },
  };
  return { handlers };
}

/** What a restore in the preview did (the vault itself is made by preview-backend.ts). */
export function previewRestored(file: string, to: string, people: number): Restored {
  const madeAt = daysAgo(12);
  return {
    dir: to,
    header: { vaultId: '0190-preview', madeAt, schema: 7, people },
    logs: /nolog/i.test(file) ? 0 : 1,
    replayed: /later/i.test(file) ? { acts: 2, people: 17 } : { acts: 0, people: 0 },
    people: /later/i.test(file) ? people - 17 : people,
  };
}

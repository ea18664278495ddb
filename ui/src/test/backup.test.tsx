import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type AppStatus, type BackupRecord, type BackupStatus, type Restored, type UserRef } from '../api';
import { App } from '../App';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { setRestoreOutcome } from '../lib/backup';
import { formatDate, formatDateTime } from '../lib/format';
import { coreText } from '../lib/words';
import { BackupDialog } from '../screens/backup/BackupDialog';
import { BackupsScreen } from '../screens/backup/BackupsScreen';
import { DashboardBackupNotice, SettingsBackupLine } from '../screens/backup/BackupNotices';
import { RestoreDialog } from '../screens/backup/RestoreDialog';
import { RESPONSIBLE, STAFF, WithApp } from './app';

// The real Tauri transport, mocked: these tests check the UI's side of the IPC contract.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: async () => () => {} }));

beforeAll(() => {
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
});
afterAll(() => {
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
});
beforeEach(async () => {
  invoke.mockReset();
  localStorage.clear();
  window.location.hash = '';
  setRestoreOutcome(null);
  await act(() => i18n.changeLanguage('en'));
});

type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;
/** A backend answering `handlers`; anything else is a failure the test did not expect. */
function backend(handlers: Handlers) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    const h = handlers[cmd];
    if (!h) throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    return h(args ?? {});
  });
}
const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

function backup(over: Partial<BackupRecord> & Pick<BackupRecord, 'id'>): BackupRecord {
  return {
    madeAt: daysAgo(3),
    madeByName: 'Aigerim',
    place: `/media/usb/office-${over.id}.derbes-backup`,
    size: 178_257_920,
    people: 1200,
    sha256: 'ab'.repeat(32),
    goneAt: null,
    goneHow: null,
    acts: [],
    cloud: null,
    ...over,
  };
}

const kept = backup({ id: 'b5', madeAt: daysAgo(3) });
const holding = backup({ id: 'b4', madeAt: daysAgo(20), acts: [3, 5] });
const replaced = backup({ id: 'b3', madeAt: daysAgo(40), goneAt: daysAgo(20), goneHow: 'replaced' });
const deleted = backup({ id: 'b2', madeAt: daysAgo(60), goneAt: daysAgo(50), goneHow: 'deleted' });
const old = backup({ id: 'b1', madeAt: daysAgo(120) });
const LIST = [kept, holding, replaced, deleted, old];
const STATUS: BackupStatus = { last: kept, reminderDays: 7, retentionDays: 90, reminderRange: [1, 90], retentionRange: [7, 3650], overdue: false, holdingEnded: [holding], expired: [old] };

function renderAs(user: UserRef, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

const row = (id: string) => screen.getAllByTestId('backup-row').find((r) => r.getAttribute('data-id') === id)!;

describe('the backup dialog', () => {
  const made = backup({ id: 'new', place: '/home/aigerim/OneDrive/office.derbes-backup', size: 3 * 1024 * 1024, people: 40 });

  it('names the cloud service, and writes there only once "Save there anyway" is ticked', async () => {
    backend({
      backup_default_path: () => '/home/aigerim/Office-2025-03-01.derbes-backup',
      backup_cloud: (a) => (String(a.path).includes('OneDrive') ? 'OneDrive' : null),
      backup_make: () => made,
    });
    const onMade = vi.fn();
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <BackupDialog onClose={() => {}} onMade={onMade} />);
    const path = screen.getByTestId('backup-path');
    await waitFor(() => expect(path).toHaveValue('/home/aigerim/Office-2025-03-01.derbes-backup'));
    expect(screen.queryByTestId('backup-cloud')).not.toBeInTheDocument();

    await user.clear(path);
    await user.type(path, '/home/aigerim/OneDrive/office.derbes-backup');
    const warning = await screen.findByTestId('backup-cloud');
    // The core's own sentence, in the user's language.
    expect(warning).toHaveTextContent(coreText('reason-backup_cloud_folder', { service: 'OneDrive' }, 'en'));
    const submit = screen.getByTestId('backup-submit');
    expect(submit).toBeDisabled();

    await user.click(screen.getByTestId('backup-allow-cloud'));
    expect(submit).toBeEnabled();
    await user.click(submit);
    await waitFor(() => expect(onMade).toHaveBeenCalledWith(made));
    expect(calls('backup_make')).toEqual([{ path: '/home/aigerim/OneDrive/office.derbes-backup', ifExists: 'refuse', allowCloud: true }]);
    expect(screen.getByTestId('toast')).toHaveTextContent('Backup written to /home/aigerim/OneDrive/office.derbes-backup: 3.0 MB, 40 people.');
  });

  it('shows the warning when the core refuses a cloud folder, and does not send allowCloud for a local one', async () => {
    backend({
      backup_default_path: () => '/home/aigerim/Dropbox/x.derbes-backup',
      // The check found nothing (say, the folder is new); the core still refuses.
      backup_cloud: () => null,
      backup_make: (a) => {
        if (a.allowCloud !== true) throw { code: 'invalid_input', message: 'Dropbox synchronises this folder', params: { field: 'path', reason: 'backup_cloud_folder', service: 'Dropbox' } };
        return made;
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <BackupDialog onClose={() => {}} onMade={() => {}} />);
    await waitFor(() => expect(screen.getByTestId('backup-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('backup-submit'));
    expect(await screen.findByTestId('backup-cloud')).toHaveAttribute('data-service', 'Dropbox');
    expect(screen.queryByTestId('backup-error')).not.toBeInTheDocument();
    expect(calls('backup_make')[0]).toMatchObject({ allowCloud: false });
  });

  it('replaces a file already there only when the person presses Replace, or the system dialog asked', async () => {
    backend({
      backup_default_path: () => '/home/aigerim/Office.derbes-backup',
      backup_cloud: () => null,
      choose_backup_path: () => '/media/usb/Office.derbes-backup',
      backup_make: (a) => {
        if (a.ifExists !== 'replace') throw { code: 'file_exists', message: 'exists', params: {} };
        return kept;
      },
    });
    const onMade = vi.fn();
    const user = userEvent.setup();
    const { unmount } = renderAs(RESPONSIBLE, <BackupDialog onClose={() => {}} onMade={onMade} />);
    await waitFor(() => expect(screen.getByTestId('backup-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('backup-submit'));
    expect(await screen.findByTestId('backup-error')).toHaveTextContent(coreText('error-file_exists', {}, 'en'));
    expect(onMade).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('backup-replace'));
    await waitFor(() => expect(onMade).toHaveBeenCalled());
    expect(calls('backup_make').map((c) => c.ifExists)).toEqual(['refuse', 'replace']);
    unmount();

    invoke.mockClear();
    renderAs(RESPONSIBLE, <BackupDialog onClose={() => {}} onMade={onMade} />);
    await user.click(screen.getByTestId('backup-choose'));
    await waitFor(() => expect(screen.getByTestId('backup-path')).toHaveValue('/media/usb/Office.derbes-backup'));
    await user.click(screen.getByTestId('backup-submit'));
    await waitFor(() => expect(calls('backup_make')).toHaveLength(1));
    expect(calls('backup_make')[0]).toMatchObject({ path: '/media/usb/Office.derbes-backup', ifExists: 'replace' });
  });
});

describe('the backups screen', () => {
  it('lists every backup, newest first, with its state; amber where one is to replace or delete', async () => {
    backend({ backup_status: () => STATUS, backups_list: () => LIST });
    renderAs(RESPONSIBLE, <BackupsScreen />);
    const rows = await screen.findAllByTestId('backup-row');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['b5', 'b4', 'b3', 'b2', 'b1']);
    expect(within(row('b5')).getByTestId('backup-state-kept')).toHaveTextContent(en.backup.state.kept);
    expect(within(row('b4')).getByTestId('backup-state-holding')).toHaveTextContent('Still holds people destroyed or anonymised since (acts № 3, 5)');
    expect(within(row('b3')).getByTestId('backup-state-gone')).toHaveTextContent(`Replaced on ${formatDate(new Date(replaced.goneAt!))}`);
    expect(within(row('b2')).getByTestId('backup-state-gone')).toHaveTextContent(`Deleted on ${formatDate(new Date(deleted.goneAt!))}`);
    expect(within(row('b1')).getByTestId('backup-state-expired')).toHaveTextContent('Older than 90 days');
    expect(within(row('b5')).getByText('170.0 MB')).toBeInTheDocument();
    expect(within(row('b5')).getByText('1,200 people')).toBeInTheDocument();
    expect(within(row('b5')).getByText(formatDateTime(kept.madeAt))).toBeInTheDocument();
    // Only a kept backup can be deleted.
    expect(within(row('b5')).getByTestId('backup-delete')).toBeInTheDocument();
    expect(within(row('b3')).queryByTestId('backup-delete')).not.toBeInTheDocument();
    expect(within(row('b2')).queryByTestId('backup-deleted-elsewhere')).not.toBeInTheDocument();

    expect(screen.getByTestId('backup-last-when')).toHaveTextContent(formatDateTime(kept.madeAt));
    expect(screen.queryByTestId('backup-overdue')).not.toBeInTheDocument();
    expect(screen.getByTestId('backup-to-clean')).toHaveTextContent('1 backup still holds people destroyed or anonymised since');
    expect(screen.getByTestId('backup-to-clean')).toHaveTextContent('1 backup is older than 90 days: delete it.');
    expect(screen.getByTestId('backup-make')).toBeInTheDocument();
    expect(screen.queryByTestId('backups-readonly')).not.toBeInTheDocument();
  });

  it('says there is no backup yet, and reminds', async () => {
    backend({ backup_status: () => ({ ...STATUS, last: null, overdue: true, holdingEnded: [], expired: [] }), backups_list: () => [] });
    renderAs(RESPONSIBLE, <BackupsScreen />);
    expect(await screen.findByTestId('backup-overdue')).toHaveTextContent(en.backup.last.overdueNone);
    expect(screen.getByTestId('backup-list-empty')).toHaveTextContent(en.backup.list.emptyTitle);
  });

  it('deletes a file, or records one deleted elsewhere, each after a confirmation', async () => {
    const list = [...LIST];
    backend({
      backup_status: () => STATUS,
      backups_list: () => list,
      backup_forget: (a) => {
        const i = list.findIndex((b) => b.id === a.id);
        list[i] = { ...list[i]!, goneAt: new Date().toISOString(), goneHow: 'deleted' };
        return list[i];
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <BackupsScreen />);
    await screen.findAllByTestId('backup-row');

    await user.click(within(row('b1')).getByTestId('backup-delete'));
    const dialog = screen.getByTestId('backup-forget-dialog');
    expect(dialog).toHaveTextContent(en.backup.forget.deleteIrreversible);
    // Cancel changes nothing.
    await user.click(within(dialog).getByText(en.common.cancel));
    expect(calls('backup_forget')).toEqual([]);

    await user.click(within(row('b1')).getByTestId('backup-delete'));
    await user.click(screen.getByTestId('backup-forget-confirm'));
    await waitFor(() => expect(row('b1')).toHaveAttribute('data-state', 'deleted'));
    expect(screen.getByTestId('toast')).toHaveTextContent(en.backup.forget.deleteDone);

    await user.click(within(row('b4')).getByTestId('backup-deleted-elsewhere'));
    expect(screen.getByTestId('backup-forget-dialog')).toHaveTextContent(en.backup.forget.elsewhereLead);
    await user.click(screen.getByTestId('backup-forget-confirm'));
    await waitFor(() => expect(row('b4')).toHaveAttribute('data-state', 'deleted'));
    expect(calls('backup_forget')).toEqual([
      { id: 'b1', deleteFile: true },
      { id: 'b4', deleteFile: false },
    ]);
  });

  it('offers staff neither "Make a backup" nor deleting, and shows the periods read-only', async () => {
    backend({ backup_status: () => STATUS, backups_list: () => LIST });
    renderAs(STAFF, <BackupsScreen />);
    await screen.findAllByTestId('backup-row');
    expect(screen.queryByTestId('backup-make')).not.toBeInTheDocument();
    expect(screen.queryByTestId('backup-delete')).not.toBeInTheDocument();
    expect(screen.queryByTestId('backup-deleted-elsewhere')).not.toBeInTheDocument();
    expect(screen.getByTestId('backups-readonly')).toHaveTextContent(en.onlyResponsible.backup);
    // The states are everyone's to see.
    expect(within(row('b4')).getByTestId('backup-state-holding')).toBeInTheDocument();
    expect(screen.getByTestId('backup-reminder-days')).toHaveAttribute('readonly');
    expect(screen.queryByTestId('backup-settings-save')).not.toBeInTheDocument();
    expect(screen.getByTestId('backup-settings-readonly')).toBeInTheDocument();
  });

  it('saves the reminder and the retention, and shows the core refusal in words', async () => {
    backend({
      backup_status: () => STATUS,
      backups_list: () => LIST,
      backup_settings_set: (a) => {
        if (Number(a.retentionDays) < 7) throw { code: 'invalid_input', message: 'range', params: { field: 'backup_retention_days', reason: 'backup_retention_range', min: 7, max: 3650 } };
        return null;
      },
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <BackupsScreen />);
    const retention = await screen.findByTestId('backup-retention-days');
    const save = screen.getByTestId('backup-settings-save');
    expect(save).toBeDisabled();
    await user.clear(retention);
    await user.type(retention, '3');
    await user.click(save);
    expect(await screen.findByTestId('backup-settings-error')).toHaveTextContent(coreText('reason-backup_retention_range', { min: 7, max: 3650 }, 'en'));
    await user.clear(screen.getByTestId('backup-reminder-days'));
    await user.type(screen.getByTestId('backup-reminder-days'), '14');
    await user.clear(retention);
    await user.type(retention, '365');
    await user.click(save);
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent(en.backup.settings.saved));
    expect(calls('backup_settings_set')).toEqual([
      { reminderDays: 7, retentionDays: 3 },
      { reminderDays: 14, retentionDays: 365 },
    ]);
  });
});

describe('the dashboard and settings', () => {
  it('reminds on the dashboard, with the backups to replace and delete, and links to Backups', async () => {
    backend({ backup_status: () => ({ ...STATUS, last: backup({ id: 'x', madeAt: daysAgo(10) }), overdue: true, holdingEnded: [holding, kept], expired: [old] }) });
    renderAs(STAFF, <DashboardBackupNotice />);
    expect(await screen.findByTestId('dashboard-backup-overdue')).toHaveTextContent('The last backup was 10 days ago.');
    expect(screen.getByTestId('dashboard-backup-holding')).toHaveTextContent('2 backups still hold people destroyed or anonymised since: replace them with a new backup or delete them.');
    expect(screen.getByTestId('dashboard-backup-expired')).toHaveTextContent('1 backup is older than 90 days: delete it.');
    expect(screen.getByTestId('dashboard-backup-open')).toHaveAttribute('href', '#/backups');
  });

  it('says nothing on the dashboard when nothing applies (as for the demo)', async () => {
    backend({ backup_status: () => ({ ...STATUS, last: null, overdue: false, holdingEnded: [], expired: [] }) });
    renderAs(RESPONSIBLE, <DashboardBackupNotice />);
    await waitFor(() => expect(calls('backup_status')).toHaveLength(1));
    await act(async () => {});
    expect(screen.queryByTestId('dashboard-backup')).not.toBeInTheDocument();
  });

  it('gives the last backup in one line on Settings', async () => {
    backend({ backup_status: () => STATUS });
    const { unmount } = renderAs(STAFF, <SettingsBackupLine />);
    expect(await screen.findByTestId('settings-backup-last')).toHaveTextContent(`Last backup: ${formatDateTime(kept.madeAt)}, ${kept.place}`);
    expect(screen.getByTestId('settings-backup-open')).toHaveAttribute('href', '#/backups');
    unmount();
    backend({ backup_status: () => ({ ...STATUS, last: null }) });
    renderAs(STAFF, <SettingsBackupLine />);
    expect(await screen.findByTestId('settings-backup-last')).toHaveTextContent(en.settings.backup.none);
  });
});

const restored: Restored = {
  dir: '/home/a/Derbes/vault (restored)',
  header: { vaultId: 'v1', madeAt: '2025-03-01T08:00:00Z', schema: 7, people: 40 },
  logs: 1,
  replayed: { acts: 0, people: 0 },
  people: 40,
};

describe('the restore dialog', () => {
  it('restores with a name and password into the suggested folder, with a newer log to replay', async () => {
    backend({ default_vault_folder: () => '/home/a/Derbes/vault', backup_restore: () => restored });
    const onRestored = vi.fn(async () => {});
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <RestoreDialog onClose={() => {}} onRestored={onRestored} />);
    await waitFor(() => expect(screen.getByTestId('restore-folder')).toHaveValue('/home/a/Derbes/vault (restored)'));
    const submit = screen.getByTestId('restore-submit');
    await user.type(screen.getByTestId('restore-file'), '/media/usb/office.derbes-backup');
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('restore-user'), ' Дана ');
    await user.type(screen.getByTestId('restore-password'), 'secret words');
    await user.type(screen.getByTestId('restore-log'), '/home/a/Derbes/vault');
    await user.click(submit);
    await waitFor(() => expect(onRestored).toHaveBeenCalledWith(restored));
    expect(calls('backup_restore')).toEqual([
      {
        file: '/media/usb/office.derbes-backup',
        to: '/home/a/Derbes/vault (restored)',
        userName: 'Дана',
        password: 'secret words',
        recoveryKey: null,
        keyFile: null,
        replay: ['/home/a/Derbes/vault'],
      },
    ]);
    // The name is filled in next time this vault is unlocked.
    expect(JSON.parse(localStorage.getItem('derbes.unlockUser') ?? '{}')).toEqual({ [restored.dir]: 'Дана' });
  });

  it('restores with the recovery key instead, and shows a refusal (a folder with files in it)', async () => {
    let refuse = true;
    backend({
      default_vault_folder: () => '/home/a/Derbes/vault',
      backup_restore: () => {
        if (refuse) throw { code: 'folder_not_empty', message: 'not empty', params: {} };
        return restored;
      },
    });
    const onRestored = vi.fn(async () => {});
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <RestoreDialog onClose={() => {}} onRestored={onRestored} />);
    await user.type(screen.getByTestId('restore-file'), '/media/usb/office.derbes-backup');
    await user.type(screen.getByTestId('restore-password'), 'typed first');
    await user.click(screen.getByTestId('restore-use-key'));
    expect(screen.queryByTestId('restore-password')).not.toBeInTheDocument();
    expect(screen.queryByTestId('restore-user')).not.toBeInTheDocument();
    expect(screen.getByTestId('restore-submit')).toBeDisabled();
    await user.type(screen.getByTestId('restore-key'), ' ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789 ');
    await user.clear(screen.getByTestId('restore-folder'));
    await user.type(screen.getByTestId('restore-folder'), '/home/a/Documents');
    await user.click(screen.getByTestId('restore-submit'));
    expect(await screen.findByTestId('restore-error')).toHaveTextContent(coreText('error-folder_not_empty', {}, 'en'));
    expect(onRestored).not.toHaveBeenCalled();
    refuse = false;
    await user.click(screen.getByTestId('restore-submit'));
    await waitFor(() => expect(onRestored).toHaveBeenCalled());
    expect(calls('backup_restore')[1]).toEqual({
      file: '/media/usb/office.derbes-backup',
      to: '/home/a/Documents',
      userName: null,
      password: null,
      recoveryKey: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789',
      keyFile: null,
      replay: [],
    });
  });
});

describe('restoring from the welcome screen', () => {
  const user1: UserRef = { id: 'u1', name: 'Aigerim', role: 'responsible', permissions: [...PERMISSIONS] };
  let status: AppStatus;
  function appBackend(outcome: Restored) {
    status = { state: 'no_vault', vault: null, user: null, recentVaults: [], autoLockMinutes: 5, recoveryKeyPending: false };
    backend({
      app_status: () => status,
      default_vault_folder: () => '/home/a/Derbes/vault',
      backup_restore: () => {
        status = { ...status, state: 'unlocked', vault: { path: outcome.dir, name: 'vault (restored)', isDemo: false }, user: user1 };
        return outcome;
      },
      touch: () => null,
      journal_list: () => ({ total: 0, entries: [] }),
      journal_verify: () => ({ ok: true, entries: 0, problem: null }),
      lifecycle_overview: () => ({ consents: { active: 0, expiring: 0, expired: 0, withdrawn: 0, withoutBasis: 0 }, due: 0, blocked: 0, held: 0, acts: 0 }),
      backup_status: () => ({ ...STATUS, last: null, overdue: true, holdingEnded: [], expired: [] }),
      backups_list: () => [],
    });
  }

  async function restoreThroughWelcome() {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <App />
      </ToastProvider>,
    );
    await user.click(await screen.findByTestId('welcome-restore'));
    await user.type(screen.getByTestId('restore-file'), '/media/usb/office.derbes-backup');
    await user.type(screen.getByTestId('restore-password'), 'secret words');
    await user.click(screen.getByTestId('restore-submit'));
    await screen.findByTestId('app-shell');
    return user;
  }

  it('opens the restored vault and says how many later destructions were re-applied', async () => {
    appBackend({ ...restored, logs: 2, replayed: { acts: 2, people: 5 }, people: 35 });
    await restoreThroughWelcome();
    const toasts = screen.getAllByTestId('toast').map((t) => t.textContent);
    expect(toasts).toContain(`Restored from the backup of ${formatDateTime(restored.header.madeAt)}: 35 people.`);
    expect(toasts).toContain('2 later destructions were re-applied: 5 people removed again.');
    expect(screen.queryByTestId('restore-no-log')).not.toBeInTheDocument();
  });

  it('warns when no destruction log was found, and the warning stays until dismissed', async () => {
    appBackend({ ...restored, logs: 0 });
    const user = await restoreThroughWelcome();
    const warning = screen.getByTestId('restore-no-log');
    expect(warning).toHaveTextContent(en.restore.noLogTitle);
    expect(warning).toHaveTextContent(`Anyone destroyed after ${formatDateTime(restored.header.madeAt)} is back in this copy. Restore again and give the newer vault or its log.`);
    // Another screen, and it is still there.
    await user.click(screen.getByTestId('nav-backups'));
    await screen.findByTestId('backups-screen');
    expect(screen.getByTestId('restore-no-log')).toBeInTheDocument();
    await user.click(screen.getByTestId('restore-no-log-dismiss'));
    expect(screen.queryByTestId('restore-no-log')).not.toBeInTheDocument();
  });
});

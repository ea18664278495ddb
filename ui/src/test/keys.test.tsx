import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Act, Person, RecoveryShare, RegisterMeta, UserRef, UserSummary } from '../api';
import { AppContext } from '../app-context';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { formatDateTime } from '../lib/format';
import { coreText } from '../lib/words';
import { ActView } from '../screens/lifecycle/ActView';
import { PersonPage } from '../screens/people/PersonPage';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { UnlockScreen } from '../screens/unlock/UnlockScreen';
import { UsersScreen } from '../screens/users/UsersScreen';
import { appContext, RESPONSIBLE, STAFF, WithApp } from './app';

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
  await act(() => i18n.changeLanguage('en'));
});

type Handlers = Record<string, (args: Record<string, unknown>) => unknown>;
const acceptable = { score: 4, acceptable: true, problems: [], suggestions: [] };
/** A backend answering `handlers` (and the password meter); anything else fails the test. */
function backend(handlers: Handlers) {
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    const h = handlers[cmd] ?? (cmd === 'assess_password' ? () => acceptable : undefined);
    if (!h) throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
    return h(args ?? {});
  });
}
const calls = (cmd: string) => invoke.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a as Record<string, unknown>);

const STRONG = 'жаңбыр жауып тұр кеше де бүгін де';
const SHARE_1 = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD-EFGH';
const SHARE_3 = 'WXYZ-2345-6789-ABCD-EFGH-JKLM-NPQR-STUV-ABCD-EFGH';

function renderAs(user: UserRef, ui: React.ReactNode) {
  return render(
    <ToastProvider>
      <WithApp user={user}>{ui}</WithApp>
    </ToastProvider>,
  );
}

function renderUnlock(enterApp = vi.fn(async () => {})) {
  render(
    <ToastProvider>
      <AppContext.Provider value={appContext(RESPONSIBLE, { status: null, enterApp })}>
        <UnlockScreen route={{ name: 'unlock', folder: '/home/a/Derbes/vault', vaultName: 'Office' }} />
      </AppContext.Provider>
    </ToastProvider>,
  );
  return enterApp;
}

describe('unlocking with a key file', () => {
  it('asks for the key file once the core says the password needs one, then unlocks with it', async () => {
    backend({
      unlock_vault: () => {
        throw { code: 'key_file_needed', message: 'needs its key file', params: {} };
      },
      choose_key_file: () => '/media/usb/aigerim.derbes-key',
      unlock_vault_with_key_file: () => null,
    });
    const enterApp = renderUnlock();
    const user = userEvent.setup();
    expect(screen.queryByTestId('unlock-key-file')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('unlock-user'), 'Aigerim');
    await user.type(screen.getByTestId('unlock-password'), 'secret words');
    await user.click(screen.getByTestId('unlock-submit'));

    expect(await screen.findByTestId('unlock-error')).toHaveTextContent(coreText('error-key_file_needed', {}, 'en'));
    expect(screen.getByTestId('unlock-key-file')).toHaveValue('');
    // The password stays; the file is chosen with the system's dialog.
    expect(screen.getByTestId('unlock-password')).toHaveValue('secret words');
    await user.click(screen.getByTestId('unlock-key-file-choose'));
    await waitFor(() => expect(screen.getByTestId('unlock-key-file')).toHaveValue('/media/usb/aigerim.derbes-key'));
    // The sentence stays as guidance until the next try.
    expect(screen.getByTestId('unlock-error')).toBeInTheDocument();
    await user.click(screen.getByTestId('unlock-submit'));

    await waitFor(() => expect(enterApp).toHaveBeenCalled());
    expect(calls('unlock_vault')).toHaveLength(1);
    expect(calls('unlock_vault_with_key_file')).toEqual([
      { folder: '/home/a/Derbes/vault', userName: 'Aigerim', password: 'secret words', keyFile: '/media/usb/aigerim.derbes-key' },
    ]);
  });

  it('shows the key file field on request, and a typed path is used at once', async () => {
    backend({ unlock_vault_with_key_file: () => null });
    const enterApp = renderUnlock();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('unlock-use-key-file'));
    expect(screen.queryByTestId('unlock-use-key-file')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('unlock-password'), 'secret words');
    await user.type(screen.getByTestId('unlock-key-file'), ' /media/usb/k.derbes-key ');
    await user.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(enterApp).toHaveBeenCalled());
    expect(calls('unlock_vault_with_key_file')).toEqual([{ folder: '/home/a/Derbes/vault', userName: null, password: 'secret words', keyFile: '/media/usb/k.derbes-key' }]);
  });

  it('says which share has a typo, then recovers with the shares and a new password', async () => {
    let refuse = true;
    backend({
      recover_with_shares: () => {
        if (refuse) throw { code: 'invalid_input', message: 'Share 2 has a typo', params: { field: 'shares', reason: 'share_invalid', number: 2 } };
        return null;
      },
    });
    const enterApp = renderUnlock();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('unlock-use-recovery'));
    await user.click(screen.getByTestId('recover-use-shares'));
    expect(screen.queryByTestId('recover-key')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('recover-share')).toHaveLength(2);
    await user.click(screen.getByTestId('recover-add-share'));
    const fields = screen.getAllByTestId('recover-share');
    expect(fields).toHaveLength(3);
    await user.type(fields[0]!, SHARE_1);
    await user.type(fields[2]!, ` ${SHARE_3} `);
    await user.type(screen.getByTestId('recover-password'), STRONG);
    await user.type(screen.getByTestId('recover-password-confirm'), STRONG);
    const submit = screen.getByTestId('recover-submit');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    expect(await screen.findByTestId('recover-error')).toHaveTextContent(coreText('reason-share_invalid', { number: 2 }, 'en'));
    refuse = false;
    await user.click(submit);
    await waitFor(() => expect(enterApp).toHaveBeenCalled());
    // The empty field is left out; the others go as typed, trimmed.
    expect(calls('recover_with_shares')[1]).toEqual({ folder: '/home/a/Derbes/vault', shares: [SHARE_1, SHARE_3], newPassword: STRONG, newPasswordConfirm: STRONG });
  });

  it('never offers more than ten share fields', async () => {
    backend({});
    renderUnlock();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('unlock-use-recovery'));
    await user.click(screen.getByTestId('recover-use-shares'));
    for (let i = 0; i < 8; i++) await user.click(screen.getByTestId('recover-add-share'));
    expect(screen.getAllByTestId('recover-share')).toHaveLength(10);
    expect(screen.queryByTestId('recover-add-share')).not.toBeInTheDocument();
  });
});

describe('the key file in Settings', () => {
  function settingsBackend(over: Handlers) {
    // The other cards' commands are refused: they show their error state, which is not tested here.
    backend({ key_file_status: () => false, ...over });
  }

  it('makes a key file at a typed path, then says the password needs it and sends it with a new password', async () => {
    let has = false;
    settingsBackend({
      key_file_status: () => has,
      key_file_set: () => {
        has = true;
        return null;
      },
      change_password: () => null,
    });
    const user = userEvent.setup();
    renderAs(STAFF, <SettingsScreen />);
    expect(await screen.findByTestId('key-file-state')).toHaveTextContent(en.settings.keyFile.off);
    expect(screen.queryByTestId('key-file-stop')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('key-file-make'));
    const dialog = screen.getByTestId('key-file-dialog');
    expect(dialog).toHaveTextContent(en.settings.keyFile.makeLead);
    // No current file yet.
    expect(within(dialog).queryByTestId('key-file-current')).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId('key-file-password'), 'secret words');
    await user.type(within(dialog).getByTestId('key-file-target'), '/media/usb/dana.derbes-key');
    await user.click(within(dialog).getByTestId('key-file-submit'));
    await waitFor(() => expect(screen.queryByTestId('key-file-dialog')).not.toBeInTheDocument());
    expect(calls('key_file_set')).toEqual([{ password: 'secret words', current: null, out: '/media/usb/dana.derbes-key' }]);
    expect(screen.getByTestId('toast')).toHaveTextContent(en.settings.keyFile.made);
    await waitFor(() => expect(screen.getByTestId('key-file-state')).toHaveTextContent(en.settings.keyFile.on));
    expect(screen.getByTestId('key-file-stop')).toBeInTheDocument();

    // Changing the password now needs the file too.
    await user.click(screen.getByTestId('settings-change-password'));
    await user.type(screen.getByTestId('change-current'), 'secret words');
    await user.type(screen.getByTestId('change-password'), STRONG);
    await user.type(screen.getByTestId('change-password-confirm'), STRONG);
    const submit = screen.getByTestId('change-submit');
    await waitFor(() => expect(screen.getByTestId('strength-meter')).toBeInTheDocument());
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('change-key-file'), '/media/usb/dana.derbes-key');
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);
    await waitFor(() => expect(calls('change_password')).toHaveLength(1));
    expect(calls('change_password')[0]).toEqual({ current: 'secret words', newPassword: STRONG, newPasswordConfirm: STRONG, keyFile: '/media/usb/dana.derbes-key' });
  });

  it('stops using the key file with the password and the current file', async () => {
    settingsBackend({ key_file_status: () => true, key_file_remove: () => null });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <SettingsScreen />);
    await user.click(await screen.findByTestId('key-file-stop'));
    const dialog = screen.getByTestId('key-file-dialog');
    expect(within(dialog).queryByTestId('key-file-target')).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId('key-file-password'), 'secret words');
    await user.type(within(dialog).getByTestId('key-file-current'), '/media/usb/a.derbes-key');
    await user.click(within(dialog).getByTestId('key-file-submit'));
    await waitFor(() => expect(calls('key_file_remove')).toEqual([{ password: 'secret words', current: '/media/usb/a.derbes-key' }]));
  });
});

describe('the recovery key on the Users screen', () => {
  const aigerim: UserSummary = { id: 'u1', name: 'Aigerim', role: 'responsible', mayReveal: true, createdAt: '2025-01-10T08:00:00Z', hasPassword: true, isYou: true };
  const shares: RecoveryShare[] = ['Ержан', 'Гүлнар', 'Марат'].map((holder, i) => ({
    holder,
    index: i + 1,
    threshold: 2,
    count: 3,
    text: `SHR${i + 1}-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-JJJJ`,
  }));

  it('splits a new key 2 of 3, shows each share once, saves them as PDF, and they are gone after closing', async () => {
    backend({
      users_list: () => [aigerim],
      recovery_key_split: () => shares,
      default_save_path: (a) => `/home/a/Documents/${String(a.suggestedName)}`,
      recovery_shares_save: (a) => a.path,
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await user.click(await screen.findByTestId('recovery-key-split'));
    const dialog = screen.getByTestId('split-dialog');
    expect(dialog).toHaveTextContent(en.recoveryKey.splitReplaces);
    expect(screen.getByTestId('split-how')).toHaveTextContent('Any 2 of the 3 shares together open the vault; fewer reveal nothing. The shares are shown only now, once.');
    expect(screen.getByTestId('split-threshold')).toHaveValue('2');
    const holders = screen.getAllByTestId('split-holder');
    expect(holders).toHaveLength(3);
    const submit = screen.getByTestId('split-submit');
    expect(submit).toBeDisabled();
    for (const [i, name] of ['Ержан', 'Гүлнар', ' Марат '].entries()) await user.type(holders[i]!, name);
    await user.click(submit);

    const shown = await screen.findAllByTestId('split-share');
    expect(calls('recovery_key_split')).toEqual([{ threshold: 2, holders: ['Ержан', 'Гүлнар', 'Марат'] }]);
    expect(shown.map((s) => s.getAttribute('data-holder'))).toEqual(['Ержан', 'Гүлнар', 'Марат']);
    expect(shown[0]).toHaveTextContent('share 1 of 3');
    expect(within(shown[1]!).getByTestId('split-share-text')).toHaveTextContent(shares[1]!.text);
    // Not closed until handed out or saved.
    expect(screen.getByTestId('split-done')).toBeDisabled();

    await user.click(screen.getByTestId('split-save-pdf'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/a/Documents/recovery-shares-ru.pdf'));
    await user.click(screen.getByTestId('save-lang-kk'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/a/Documents/recovery-shares-kk.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    await waitFor(() => expect(screen.queryByTestId('save-dialog')).not.toBeInTheDocument());
    expect(calls('recovery_shares_save')).toEqual([{ path: '/home/a/Documents/recovery-shares-kk.pdf', lang: 'kk', ifExists: 'refuse' }]);

    await user.click(screen.getByTestId('split-done'));
    expect(screen.queryByTestId('split-dialog')).not.toBeInTheDocument();
    expect(screen.queryByText(shares[0]!.text)).not.toBeInTheDocument();
    // Opening it again asks for the names anew: the shares are never shown twice.
    await user.click(screen.getByTestId('recovery-key-split'));
    expect(screen.queryByTestId('split-share')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('split-holder')[0]).toHaveValue('');
  });

  it('keeps the threshold within the number of people', async () => {
    backend({ users_list: () => [aigerim] });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await user.click(await screen.findByTestId('recovery-key-split'));
    await user.click(screen.getByTestId('split-add-holder'));
    await user.selectOptions(screen.getByTestId('split-threshold'), '4');
    expect(screen.getByTestId('split-how')).toHaveTextContent('Any 4 of the 4 shares');
    await user.click(screen.getAllByTestId('split-remove-holder')[0]!);
    expect(screen.getByTestId('split-threshold')).toHaveValue('3');
    await user.click(screen.getAllByTestId('split-remove-holder')[0]!);
    // Two is the fewest: no more removing.
    expect(screen.getAllByTestId('split-holder')).toHaveLength(2);
    for (const b of screen.getAllByTestId('split-remove-holder')) expect(b).toBeDisabled();
  });

  it('makes a new recovery key after a warning, and shows it until it is written down', async () => {
    backend({ users_list: () => [aigerim], recovery_key_new: () => 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789' });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <UsersScreen />);
    await user.click(await screen.findByTestId('recovery-key-new'));
    expect(screen.getByTestId('recovery-new-dialog')).toHaveTextContent(en.recoveryKey.newWarning);
    expect(calls('recovery_key_new')).toHaveLength(0);
    await user.click(screen.getByTestId('recovery-new-confirm'));
    expect(await screen.findByTestId('recovery-new-key')).toHaveTextContent('ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789');
    expect(screen.getByTestId('recovery-new-done')).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('recovery-new-dialog')).toBeInTheDocument();
    await user.click(screen.getByTestId('recovery-new-written'));
    await user.click(screen.getByTestId('recovery-new-done'));
    expect(screen.queryByTestId('recovery-new-dialog')).not.toBeInTheDocument();
  });

  it('is not offered to staff', async () => {
    backend({ users_list: () => [aigerim] });
    renderAs(STAFF, <UsersScreen />);
    await screen.findAllByTestId('users-row');
    expect(screen.queryByTestId('recovery-key-card')).not.toBeInTheDocument();
    expect(screen.queryByTestId('recovery-key-split')).not.toBeInTheDocument();
    expect(screen.queryByTestId('recovery-key-new')).not.toBeInTheDocument();
  });
});

describe('copying a revealed value', () => {
  const registerMeta: RegisterMeta = {
    fields: [
      { key: 'surname', category: 'identity', sensitive: false },
      { key: 'name', category: 'identity', sensitive: false },
      { key: 'iin', category: 'id_number', sensitive: true },
    ],
    kinds: ['beneficiary', 'employee', 'volunteer'],
    regions: [],
    serviceTypes: [],
    ageBands: [],
    allowed: { beneficiary: ['surname', 'name', 'iin'], employee: ['surname', 'name'], volunteer: ['surname', 'name'] },
    programmes: [],
  };
  const person = (iin: { value: string; masked: boolean }): Person => ({
    id: 'p-1',
    number: 1,
    kind: 'beneficiary',
    access: 'restricted',
    status: 'active',
    values: {
      surname: { value: 'Ахметова', masked: false, sensitive: false },
      name: { value: 'Гүлнар', masked: false, sensitive: false },
      iin: { ...iin, sensitive: true },
    },
    services: [],
    createdAt: '2025-01-10T08:00:00Z',
    updatedAt: '2025-01-10T08:00:00Z',
    lifecycle: { consentState: null, publicationConsent: false, legalGround: null, endedOn: null, holdReason: null, blockedReason: null },
  });

  it('offers Copy next to a revealed value, copies through the backend and says it will be cleared', async () => {
    backend({
      subject_get: () => person({ value: '90••••••1234', masked: true }),
      subject_reveal: () => person({ value: '900101301234', masked: false }),
      lifecycle_meta: () => ({ reasonCodes: [], bases: [], anchors: [], grounds: [], forms: [], purposes: [] }),
      clipboard_copy_revealed: () => null,
    });
    const user = userEvent.setup();
    renderAs(RESPONSIBLE, <PersonPage meta={registerMeta} id="p-1" />);
    await screen.findByTestId('person-page');
    expect(screen.queryByTestId('copy-iin')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('reveal-iin'));
    const copy = await screen.findByTestId('copy-iin');
    expect(copy).toHaveAttribute('title', en.personPage.copyTitle);
    await user.click(copy);
    await waitFor(() => expect(calls('clipboard_copy_revealed')).toEqual([{ id: 'p-1', field: 'iin' }]));
    expect(await screen.findByTestId('toast')).toHaveTextContent(en.personPage.copied);
    // Hidden again: no Copy.
    await user.click(screen.getByTestId('hide-iin'));
    expect(screen.queryByTestId('copy-iin')).not.toBeInTheDocument();
  });
});

describe('the act and the backups that still held its people', () => {
  const act: Act = {
    number: 4, id: 'a4', action: 'destroy', ground: 'retention_ended', reference: null, subjects: [12, 13], categories: ['identity'],
    performedAt: '2025-03-01T10:00:00Z', performedBy: 'u1', performedByName: 'Aigerim', operatorName: 'Kamkor', operatorBin: '180240012345',
    backups: [
      { id: 'b1', madeAt: '2025-02-01T09:00:00Z', place: '/media/usb/office-1.derbes-backup', gone: true },
      { id: 'b2', madeAt: '2025-02-20T09:00:00Z', place: '/media/usb/office-2.derbes-backup', gone: false },
    ],
  };

  it('lists them with date and place, amber while one is still there, with a way to the Backups screen', async () => {
    const onClose = vi.fn();
    renderAs(RESPONSIBLE, <ActView act={act} onClose={onClose} />);
    const section = screen.getByTestId('act-backups');
    expect(section).toHaveTextContent(en.lifecycle.act.backupsTitle);
    expect(section).toHaveAttribute('data-pending', 'true');
    const items = within(section).getAllByTestId('act-backup');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(formatDateTime('2025-02-01T09:00:00Z'));
    expect(items[0]).toHaveTextContent('/media/usb/office-1.derbes-backup');
    expect(items[0]).toHaveTextContent(en.lifecycle.act.backupGone);
    expect(items[1]).toHaveTextContent(en.lifecycle.act.backupHeld);
    expect(screen.getByTestId('act-backups-open')).toHaveAttribute('href', '#/backups');
  });

  it('is calm once every one of them is gone, and absent when there were none', () => {
    const { unmount } = renderAs(RESPONSIBLE, <ActView act={{ ...act, backups: act.backups.map((b) => ({ ...b, gone: true })) }} onClose={() => {}} />);
    expect(screen.getByTestId('act-backups')).toHaveAttribute('data-pending', 'false');
    unmount();
    renderAs(RESPONSIBLE, <ActView act={{ ...act, backups: [] }} onClose={() => {}} />);
    expect(screen.queryByTestId('act-backups')).not.toBeInTheDocument();
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type AppStatus } from '../api';
import { App } from '../App';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import en from '../i18n/en.json';
import { coreText } from '../lib/words';

// The real Tauri transport, mocked: these tests check the UI's side of the IPC contract.
const invoke = vi.fn();
const eventHandlers = new Map<string, (event: { payload: unknown }) => void>();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));
vi.mock('@tauri-apps/api/event', () => ({
  listen: async (name: string, handler: (event: { payload: unknown }) => void) => {
    eventHandlers.set(name, handler);
    return () => eventHandlers.delete(name);
  },
}));

const vault = { path: '/home/a/Derbes/vault', name: 'Office', isDemo: false };
const locked: AppStatus = {
  state: 'locked',
  vault,
  user: null,
  recentVaults: [],
  autoLockMinutes: 5,
  recoveryKeyPending: false,
};
const unlocked: AppStatus = { ...locked, state: 'unlocked', user: { id: 'u1', name: 'Aigerim', role: 'responsible', permissions: [...PERMISSIONS] } };

let status: AppStatus;
function backend(cmd: string, args: Record<string, unknown> | undefined): unknown {
  switch (cmd) {
    case 'app_status':
      return status;
    case 'unlock_vault':
      if (args?.password !== 'right one') {
        throw { code: 'wrong_password', message: 'wrong password', params: {} };
      }
      status = unlocked;
      return null;
    case 'users_list':
      return [{ id: 'u2', name: 'Дана', role: 'staff', mayReveal: false, createdAt: '2025-02-03T08:00:00Z', hasPassword: true, isYou: true }];
    case 'lock_vault':
      status = locked;
      return null;
    case 'journal_list':
      return {
        total: 2,
        entries: [
          { seq: 2, at: '2025-03-01T08:05:00Z', userId: 'u1', userName: 'Aigerim', action: 'future.thing', object: null, details: {} },
          { seq: 1, at: '2025-03-01T08:00:00Z', userId: 'u1', userName: 'Aigerim', action: 'vault.created', object: 'Office', details: {} },
        ],
      };
    case 'journal_verify':
      return { ok: true, entries: 2, problem: null };
    case 'touch':
      return null;
    case 'backup_status':
      return { last: null, reminderDays: 7, retentionDays: 90, reminderRange: [1, 90], retentionRange: [7, 3650], overdue: false, holdingEnded: [], expired: [] };
    default:
      throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
  }
}

beforeAll(() => {
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
});
afterAll(() => {
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
});
beforeEach(async () => {
  invoke.mockReset();
  localStorage.clear();
  invoke.mockImplementation(async (cmd: string, args?: Record<string, unknown>) => backend(cmd, args));
  eventHandlers.clear();
  window.location.hash = '';
  await act(() => i18n.changeLanguage('en'));
});

const renderApp = () =>
  render(
    <ToastProvider>
      <App />
    </ToastProvider>,
  );

describe('unlock and lock', () => {
  it('shows the translated error under the field until the user types, then unlocks', async () => {
    status = locked;
    const user = userEvent.setup();
    renderApp();
    const field = await screen.findByTestId('unlock-password');
    expect(screen.getByText('Office')).toBeInTheDocument();

    await user.type(field, 'wrong');
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('unlock-error')).toHaveTextContent(coreText('error-wrong_password', {}, 'en'));
    expect(invoke).toHaveBeenCalledWith('unlock_vault', { folder: vault.path, userName: null, password: 'wrong' });

    await user.type(field, 'x');
    expect(screen.queryByTestId('unlock-error')).not.toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'right one');
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('app-shell')).toBeInTheDocument();
    expect(screen.queryByTestId('demo-badge')).not.toBeInTheDocument();
    expect(screen.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');
  });

  it('sends the name typed (or null) and fills it in next time for the same vault', async () => {
    status = locked;
    const user = userEvent.setup();
    const { unmount } = renderApp();
    const name = await screen.findByTestId('unlock-user');
    expect(name).toHaveValue('');
    expect(screen.getByText(en.unlock.userHint)).toBeInTheDocument();
    await user.type(name, ' Дана ');
    await user.type(screen.getByTestId('unlock-password'), 'right one');
    await user.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('app-shell');
    expect(invoke).toHaveBeenCalledWith('unlock_vault', { folder: vault.path, userName: 'Дана', password: 'right one' });
    unmount();

    status = locked;
    renderApp();
    expect(await screen.findByTestId('unlock-user')).toHaveValue('Дана');
    // Another vault's folder has no name remembered.
    expect(JSON.parse(localStorage.getItem('derbes.unlockUser') ?? '{}')).toEqual({ [vault.path]: 'Дана' });
  });

  it('offers every user the Users screen from the sidebar', async () => {
    status = { ...unlocked, user: { id: 'u2', name: 'Дана', role: 'staff', permissions: [] } };
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByTestId('nav-users'));
    expect(await screen.findByTestId('users-screen')).toBeInTheDocument();
    expect(await screen.findByTestId('users-row')).toHaveAttribute('data-name', 'Дана');
    expect(screen.getByTestId('users-readonly')).toBeInTheDocument();
    expect(screen.queryByTestId('users-add')).not.toBeInTheDocument();
  });

  it('locks with Ctrl+L', async () => {
    status = unlocked;
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('app-shell');

    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByTestId('unlock-screen')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('lock_vault', undefined);
  });

  it('goes to Unlock with a note when the backend locks after inactivity', async () => {
    status = unlocked;
    renderApp();
    await screen.findByTestId('app-shell');
    await waitFor(() => expect(eventHandlers.has('vault-locked')).toBe(true));
    status = locked;
    await act(async () => eventHandlers.get('vault-locked')?.({ payload: { reason: 'idle' } }));
    expect(await screen.findByTestId('unlock-idle-note')).toHaveTextContent(
      'The vault was locked after 5 minutes without activity.',
    );
  });

  it('shows the demo badge for a demo vault', async () => {
    status = { ...unlocked, vault: { ...vault, isDemo: true } };
    renderApp();
    expect(await screen.findByTestId('demo-badge')).toHaveTextContent(en.shell.demoBadge);
    expect(screen.getByTestId('demo-banner')).toBeInTheDocument();
  });
});

describe('journal', () => {
  it('lists entries newest first, translating known actions and keeping unknown codes', async () => {
    status = unlocked;
    window.location.hash = '#/journal';
    const user = userEvent.setup();
    renderApp();
    const table = await screen.findByTestId('journal-table');
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('future.thing');
    expect(rows[1]).toHaveTextContent(en.journal.actions.vault.created);
    expect(rows[1]).toHaveTextContent(/01\.03\.2025 \d\d:\d\d/);

    await user.click(screen.getByTestId('journal-verify'));
    await waitFor(() => expect(screen.getByTestId('journal-status')).toHaveAttribute('data-state', 'ok'));
  });
});

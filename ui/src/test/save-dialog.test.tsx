import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IfExists } from '../api';
import { SaveDialog } from '../components/SaveDialog';
import { ToastProvider } from '../components/Toast';
import i18n from '../i18n';
import { coreText } from '../lib/words';

// The real Tauri transport, mocked: only the suggested and the chosen path come from it here.
const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (cmd: string, args?: unknown) => invoke(cmd, args) }));

beforeAll(() => {
  (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__ = {};
});
afterAll(() => {
  delete (window as unknown as Record<string, unknown>).__TAURI_INTERNALS__;
});
beforeEach(async () => {
  invoke.mockReset();
  invoke.mockImplementation(async (cmd: string, args: Record<string, unknown>) => {
    if (cmd === 'default_save_path') return `/home/aigerim/Documents/${String(args.suggestedName)}`;
    if (cmd === 'choose_save_path') return `/home/aigerim/Desktop/${String(args.suggestedName)}`;
    throw { code: 'internal', message: `unexpected ${cmd}`, params: {} };
  });
  await act(() => i18n.changeLanguage('en'));
});

function renderDialog(onSave: (path: string, lang: string, ifExists: IfExists) => Promise<string>, onClose = () => {}) {
  return render(
    <ToastProvider>
      <SaveDialog title="Save the act" suggestName={(l) => `act-1-${l}.pdf`} onSave={onSave} onClose={onClose} />
    </ToastProvider>,
  );
}

describe('SaveDialog', () => {
  it('never replaces a file unless the user presses Replace', async () => {
    const onSave = vi.fn(async (path: string, _lang: string, ifExists: IfExists) => {
      if (ifExists !== 'replace') throw { code: 'file_exists', message: 'A file with this name is already there; choose another name, or replace it.', params: {} };
      return path;
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderDialog(onSave, onClose);
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Documents/act-1-ru.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    expect(await screen.findByTestId('save-error')).toHaveTextContent(coreText('error-file_exists', {}, 'en'));
    expect(onClose).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('save-replace'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave.mock.calls.map((c) => c[2])).toEqual(['refuse', 'replace']);
  });

  it('says in Russian that a folder was given where a file name belongs', async () => {
    await act(() => i18n.changeLanguage('ru'));
    const reason = 'That is a folder; add a file name to the path.';
    const onSave = vi.fn(async (): Promise<string> => {
      throw { code: 'invalid_input', message: reason, params: { field: 'path', reason: 'save_path_is_folder' } };
    });
    const user = userEvent.setup();
    renderDialog(onSave);
    await waitFor(() => expect(screen.getByTestId('save-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('save-confirm'));
    expect(await screen.findByTestId('save-error')).toHaveTextContent(coreText('reason-save_path_is_folder', {}, 'ru'));
    expect(screen.queryByTestId('save-replace')).not.toBeInTheDocument();
  });

  it('takes the system dialog’s confirmation for a chosen path, and not for one typed after it', async () => {
    const onSave = vi.fn(async (path: string, _lang: string, _ifExists: IfExists) => path);
    const user = userEvent.setup();
    renderDialog(onSave);
    await waitFor(() => expect(screen.getByTestId('save-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('save-choose'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Desktop/act-1-ru.pdf'));
    await user.click(screen.getByTestId('save-confirm'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]).toEqual(['/home/aigerim/Desktop/act-1-ru.pdf', 'ru', 'replace']);
  });

  it('does not count a chosen path as confirmed once the user edits it', async () => {
    const onSave = vi.fn(async (path: string, _lang: string, _ifExists: IfExists) => path);
    const user = userEvent.setup();
    renderDialog(onSave);
    await waitFor(() => expect(screen.getByTestId('save-path')).not.toHaveValue(''));
    await user.click(screen.getByTestId('save-choose'));
    await waitFor(() => expect(screen.getByTestId('save-path')).toHaveValue('/home/aigerim/Desktop/act-1-ru.pdf'));
    await user.type(screen.getByTestId('save-path'), 'x');
    await user.click(screen.getByTestId('save-confirm'));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![2]).toBe('refuse');
  });
});

import { ArchiveRestore, FileArchive, FileKey, FolderOpen } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './backup.css';
import { api, toApiError, type ApiError, type Restored } from '../../api';
import { useApp } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KeyFileField } from '../../components/KeyFileField';
import { PasswordInput } from '../../components/PasswordInput';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { setRestoreOutcome } from '../../lib/backup';
import { formatDateTime } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { useCount } from '../../lib/register';
import { rememberName } from '../unlock/rememberedName';

/**
 * "Restore from a backup" on the welcome and unlock screens: `open` shows the dialog; once the
 * restored vault is open, the app is shown with what the restore did (a toast for the destructions
 * replayed; a warning that stays when no destruction log was found, see RestoreOutcomeNotice).
 */
export function useRestoreDialog(): { open: () => void; dialog: React.ReactNode } {
  const { t } = useTranslation();
  const { enterApp } = useApp();
  const toast = useToast();
  const count = useCount();
  const [shown, setShown] = useState(false);

  const restored = async (r: Restored) => {
    setRestoreOutcome(r);
    toast.success(t('restore.done', { count: r.people, formatted: count(r.people), date: formatDateTime(r.header.madeAt) }));
    if (r.replayed.acts > 0) {
      toast.success(
        t('restore.replayed', {
          count: r.replayed.acts,
          people: t('restore.peopleRemoved', { count: r.replayed.people, formatted: count(r.replayed.people) }),
        }),
      );
    }
    await enterApp();
  };

  return {
    open: () => setShown(true),
    dialog: shown ? <RestoreDialog onClose={() => setShown(false)} onRestored={restored} /> : null,
  };
}

/**
 * Restore a backup into a new or empty folder (the core never writes over a vault), opened with
 * a user's password or the recovery key; the destruction logs beside the backup, and a newer
 * vault or log the person names, are replayed so the destroyed stay gone. The restored vault is
 * then open: `onRestored` shows the app and what the restore did.
 */
export function RestoreDialog({ onClose, onRestored }: { onClose: () => void; onRestored: (restored: Restored) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [file, setFile] = useState('');
  const [folder, setFolder] = useState('');
  const folderTouched = useRef(false);
  const [userName, setUserName] = useState('');
  const [useKey, setUseKey] = useState(false);
  const [password, setPassword] = useState('');
  // The user's key file, if their password needs one: asked for after key_file_needed, or on request.
  const [withKeyFile, setWithKeyFile] = useState(false);
  const [keyFile, setKeyFile] = useState('');
  const [key, setKey] = useState('');
  const [log, setLog] = useState('');
  const [busy, setBusy] = useState<'choose' | 'restore' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy === 'restore', 150);

  // A new folder beside the usual one, e.g. ".../Derbes/vault (restored)".
  useEffect(() => {
    let live = true;
    api
      .defaultVaultFolder()
      .then((base) => live && !folderTouched.current && setFolder(`${base.replace(/[\\/]+$/, '')} ${t('restore.folderSuffix')}`))
      .catch(() => {
        // No suggestion: the person types or chooses the folder.
      });
    return () => {
      live = false;
    };
    // The suggestion is made once, in the language of the moment.
  }, []);

  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setError(null);
  };

  const choose = async (pick: () => Promise<string | null>, set: (v: string) => void) => {
    setBusy('choose');
    setError(null);
    try {
      const chosen = await pick();
      if (chosen) set(chosen);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const secret = useKey ? key.trim() : password;
  const canSubmit = busy === null && file.trim() !== '' && folder.trim() !== '' && secret !== '';

  const submit = async () => {
    setBusy('restore');
    setError(null);
    try {
      const name = userName.trim();
      const restored = await api.backupRestore(
        file.trim(),
        folder.trim(),
        useKey
          ? { recoveryKey: key.trim() }
          : { userName: name || null, password, keyFile: withKeyFile && keyFile.trim() ? keyFile.trim() : null },
        log.trim() ? [log.trim()] : [],
      );
      if (!useKey && name) rememberName(restored.dir, name);
      setPassword('');
      setKey('');
      await onRestored(restored);
    } catch (e) {
      const refusal = toApiError(e);
      setError(refusal);
      setBusy(null);
      if (refusal.code === 'key_file_needed') setWithKeyFile(true);
    }
  };

  const restoring = busy === 'restore';
  return (
    <Dialog title={t('restore.title')} onClose={() => !restoring && onClose()} testId="restore-dialog" size="wide">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <p className="muted">{t('restore.lead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('restore.file')}
          </label>
          <div className="input-row">
            <input
              id={`${id}-file`}
              className="input input--path"
              value={file}
              onChange={(e) => edit(setFile)(e.target.value)}
              disabled={restoring}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-file-hint`}
              data-testid="restore-file"
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void choose(api.chooseBackupFile, setFile)}
              disabled={busy !== null}
              data-testid="restore-choose-file"
            >
              <FileArchive size={18} aria-hidden="true" />
              {t('restore.choose')}
            </button>
          </div>
          <p className="field__hint" id={`${id}-file-hint`}>
            {t('restore.fileHint')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-folder`}>
            {t('restore.folder')}
          </label>
          <div className="input-row">
            <input
              id={`${id}-folder`}
              className="input input--path"
              value={folder}
              onChange={(e) => {
                folderTouched.current = true;
                edit(setFolder)(e.target.value);
              }}
              disabled={restoring}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-folder-hint`}
              data-testid="restore-folder"
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void choose(api.chooseFolder, (chosen) => {
                  folderTouched.current = true;
                  setFolder(chosen);
                })
              }
              disabled={busy !== null}
              data-testid="restore-choose-folder"
            >
              <FolderOpen size={18} aria-hidden="true" />
              {t('restore.choose')}
            </button>
          </div>
          <p className="field__hint" id={`${id}-folder-hint`}>
            {t('restore.folderHint')}
          </p>
        </div>

        <fieldset className="fieldset restore__secret">
          <legend className="visually-hidden">{t('restore.secretLegend')}</legend>
          {useKey ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-key`}>
                {t('restore.key')}
              </label>
              <input
                id={`${id}-key`}
                className="input input--key"
                value={key}
                onChange={(e) => edit(setKey)(e.target.value)}
                disabled={restoring}
                placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-describedby={`${id}-key-hint`}
                data-testid="restore-key"
              />
              <p className="field__hint" id={`${id}-key-hint`}>
                {t('restore.keyHint')}
              </p>
            </div>
          ) : (
            <div className="restore__credentials">
              <div className="field">
                <label className="field__label" htmlFor={`${id}-user`}>
                  {t('restore.user')}
                </label>
                <input
                  id={`${id}-user`}
                  className="input"
                  value={userName}
                  onChange={(e) => edit(setUserName)(e.target.value)}
                  disabled={restoring}
                  autoComplete="off"
                  autoCapitalize="words"
                  spellCheck={false}
                  aria-describedby={`${id}-user-hint`}
                  data-testid="restore-user"
                />
                <p className="field__hint" id={`${id}-user-hint`}>
                  {t('restore.userHint')}
                </p>
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-password`}>
                  {t('restore.password')}
                </label>
                <PasswordInput
                  id={`${id}-password`}
                  value={password}
                  onChange={(e) => edit(setPassword)(e.target.value)}
                  disabled={restoring}
                  aria-describedby={`${id}-password-hint`}
                  testId="restore-password"
                />
                <p className="field__hint" id={`${id}-password-hint`}>
                  {t('restore.passwordHint')}
                </p>
              </div>
              {withKeyFile && (
                <div className="restore__key-file">
                  <KeyFileField
                    value={keyFile}
                    onChange={edit(setKeyFile)}
                    hint={t('restore.keyFileHint')}
                    disabled={restoring}
                    testId="restore-key-file"
                    onError={setError}
                  />
                </div>
              )}
            </div>
          )}
          {!useKey && !withKeyFile && (
            <button type="button" className="link-button restore__use-key-file" onClick={() => setWithKeyFile(true)} data-testid="restore-use-key-file">
              <FileKey size={16} aria-hidden="true" />
              {t('keyFile.use')}
            </button>
          )}
          <label className="checkbox restore__use-key">
            <input
              type="checkbox"
              checked={useKey}
              disabled={restoring}
              onChange={(e) => {
                setUseKey(e.target.checked);
                setError(null);
              }}
              data-testid="restore-use-key"
            />
            <span>{t('restore.useKey')}</span>
          </label>
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-log`}>
            {t('restore.log')} <span className="restore__optional">{t('restore.optional')}</span>
          </label>
          <div className="input-row">
            <input
              id={`${id}-log`}
              className="input input--path"
              value={log}
              onChange={(e) => edit(setLog)(e.target.value)}
              disabled={restoring}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-log-hint`}
              data-testid="restore-log"
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void choose(api.chooseFolder, setLog)}
              disabled={busy !== null}
              data-testid="restore-choose-log"
            >
              <FolderOpen size={18} aria-hidden="true" />
              {t('restore.chooseFolder')}
            </button>
          </div>
          <p className="field__hint" id={`${id}-log-hint`}>
            {t('restore.logHint')}
          </p>
        </div>

        {error && <ErrorMessage error={error} testId="restore-error" />}
        {showSpinner && (
          <p className="backup-working" data-testid="restore-working">
            <Spinner label={t('restore.restoring')} />
          </p>
        )}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={restoring}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={restoring} data-testid="restore-submit">
            {showSpinner ? <Spinner /> : <ArchiveRestore size={18} aria-hidden="true" />}
            {t('restore.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

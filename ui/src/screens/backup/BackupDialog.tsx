import { CloudAlert, DatabaseBackup, FolderOpen } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './backup.css';
import { api, toApiError, type ApiError, type BackupRecord, type IfExists } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ReplaceButton } from '../../components/ReplaceButton';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { megabytes } from '../../lib/backup';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import { useCount, useUiLanguage } from '../../lib/register';
import { coreText } from '../../lib/words';

/** A refusal because a cloud service synchronises the folder: its service, if it is one. */
function cloudRefusal(error: ApiError): string | null {
  const { reason, service } = error.params;
  return error.code === 'invalid_input' && reason === 'backup_cloud_folder' && typeof service === 'string' ? service : null;
}

/**
 * Make a backup: the path starts as a free name in the home folder (backup_default_path) and can
 * be typed or chosen with the system's save dialog. A folder a cloud service synchronises is named
 * before anything is written there, and written to only when the person says so; a file already
 * at the path is replaced only when the system's dialog asked or the person presses "Replace".
 */
export function BackupDialog({ onClose, onMade }: { onClose: () => void; onMade: (made: BackupRecord) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const count = useCount();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const [path, setPath] = useState('');
  const touched = useRef(false);
  // The path the system's save dialog confirmed (it asks before replacing): only that exact path
  // may replace a file without asking here.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [cloud, setCloud] = useState<string | null>(null);
  const [allowCloud, setAllowCloud] = useState(false);
  const [busy, setBusy] = useState<'choose' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy === 'save', 150);

  useEffect(() => {
    let live = true;
    api
      .backupDefaultPath()
      // A path typed or chosen meanwhile is the person's.
      .then((p) => live && !touched.current && setPath(p))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, []);

  // Whether a cloud service synchronises the folder, asked a moment after the typing stops.
  useEffect(() => {
    const target = path.trim();
    if (!target) {
      setCloud(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api
        .backupCloud(target)
        .then((service) => live && setCloud(service))
        .catch(() => live && setCloud(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path]);

  const changePath = (next: string, chosen = false) => {
    setPath(next);
    touched.current = true;
    setConfirmed(chosen ? next : null);
    setAllowCloud(false);
    setError(null);
  };

  const choose = async () => {
    setBusy('choose');
    setError(null);
    try {
      const chosen = await api.chooseBackupPath();
      if (chosen) changePath(chosen, true);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async (replace = false) => {
    setBusy('save');
    setError(null);
    try {
      const target = path.trim();
      const ifExists: IfExists = replace || target === confirmed ? 'replace' : 'refuse';
      const made = await api.backupMake(target, ifExists, cloud !== null && allowCloud);
      toast.success(t('backup.dialog.made', { count: made.people, formatted: count(made.people), size: megabytes(made.size, lang), path: made.place }));
      onMade(made);
    } catch (e) {
      const err = toApiError(e);
      const service = cloudRefusal(err);
      if (service) {
        // Said by the warning above, with its checkbox.
        setCloud(service);
        setAllowCloud(false);
      } else {
        setError(err);
      }
      setBusy(null);
    }
  };

  const blockedByCloud = cloud !== null && !allowCloud;
  const canSave = busy === null && path.trim() !== '' && !blockedByCloud;

  return (
    <Dialog title={t('backup.dialog.title')} onClose={() => busy !== 'save' && onClose()} testId="backup-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void save();
        }}
      >
        <p className="muted">{t('backup.dialog.lead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-path`}>
            {t('backup.dialog.path')}
          </label>
          <div className="input-row">
            <input
              id={`${id}-path`}
              className="input input--path"
              value={path}
              onChange={(e) => changePath(e.target.value)}
              disabled={busy === 'save'}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-path-hint`}
              data-testid="backup-path"
            />
            <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null} data-testid="backup-choose">
              <FolderOpen size={18} aria-hidden="true" />
              {t('backup.dialog.choose')}
            </button>
          </div>
          <p className="field__hint" id={`${id}-path-hint`}>
            {t('backup.dialog.hint')}
          </p>
        </div>
        {cloud && (
          <div className="notice notice--warning backup-cloud" role="note" data-testid="backup-cloud" data-service={cloud}>
            <CloudAlert size={20} aria-hidden="true" />
            <div className="backup-cloud__body">
              <p>{coreText('reason-backup_cloud_folder', { service: cloud })}</p>
              <label className="checkbox backup-cloud__anyway">
                <input
                  type="checkbox"
                  checked={allowCloud}
                  disabled={busy === 'save'}
                  onChange={(e) => setAllowCloud(e.target.checked)}
                  data-testid="backup-allow-cloud"
                />
                <span>{t('backup.dialog.cloudAnyway')}</span>
              </label>
            </div>
          </div>
        )}
        {error && (
          <ErrorMessage error={error} text={errorText(t, error)} testId="backup-error">
            {error.code === 'file_exists' && <ReplaceButton onReplace={() => void save(true)} disabled={busy !== null} testId="backup-replace" />}
          </ErrorMessage>
        )}
        {showSpinner && (
          <p className="backup-working" data-testid="backup-working">
            <Spinner label={t('backup.dialog.writing')} />
          </p>
        )}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy === 'save'}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSave} aria-busy={busy === 'save'} data-testid="backup-submit">
            {showSpinner ? <Spinner /> : <DatabaseBackup size={18} aria-hidden="true" />}
            {t('backup.dialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

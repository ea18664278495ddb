import { FileKey, FileX, KeyRound, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './settings.css';
import { api, toApiError, type ApiError } from '../../api';
import { useApp, useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KeyFileField } from '../../components/KeyFileField';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { PasswordInput } from '../../components/PasswordInput';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useDelayedFlag, usePasswordAssessment } from '../../lib/hooks';
import { SettingsBackupLine } from '../backup/BackupNotices';
import { useSubRoute } from '../../lib/route';
import { CalendarSettings } from './CalendarSettings';
import { DeadlineSettings } from './DeadlineSettings';
import { InventorySettings } from './InventorySettings';
import { OrganisationSettings } from './OrganisationSettings';

const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60];

export function SettingsScreen() {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const keyFile = useKeyFileStatus();
  // #/settings/calendar: straight to the calendar (where a clock says a year is missing).
  const [section] = useSubRoute();

  return (
    <div className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('settings.title')}</h1>
        </div>
      </header>

      <LanguageSetting />
      <AutoLockSetting />

      <section className="card card--panel settings-row" aria-labelledby="password-title">
        <div className="settings-row__text">
          <h2 id="password-title" className="card__title">
            {t('settings.password.title')}
          </h2>
          <p className="muted">{t('settings.password.text')}</p>
        </div>
        <button type="button" className="button button--secondary" onClick={() => setChanging(true)} data-testid="settings-change-password">
          <KeyRound size={18} aria-hidden="true" />
          {t('settings.password.open')}
        </button>
        <KeyFileSetting status={keyFile.status} onChanged={keyFile.reload} />
      </section>

      <SettingsBackupLine />

      <OrganisationSettings />
      <InventorySettings />
      <DeadlineSettings />
      <CalendarSettings focus={section === 'calendar'} />

      {changing && <ChangePasswordDialog needsKeyFile={keyFile.status === true} onClose={() => setChanging(false)} />}
    </div>
  );
}

function LanguageSetting() {
  const { t, i18n } = useTranslation();
  return (
    <section className="card card--panel" aria-labelledby="language-title">
      <fieldset className="fieldset">
        <legend id="language-title" className="card__title">
          {t('settings.language.title')}
        </legend>
        <p className="muted">{t('settings.language.text')}</p>
        <div className="radio-cards">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="radio-card" lang={lang}>
              <input
                type="radio"
                name="language"
                value={lang}
                checked={i18n.language === lang}
                onChange={() => void setLanguage(lang)}
              />
              <span>{t(`language.names.${lang}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

function AutoLockSetting() {
  const { t } = useTranslation();
  const { status, refresh } = useApp();
  const mayChange = useCan()('change_settings');
  const toast = useToast();
  const id = useId();
  const current = status?.autoLockMinutes ?? 5;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const choices = AUTO_LOCK_CHOICES.includes(current) ? AUTO_LOCK_CHOICES : [...AUTO_LOCK_CHOICES, current].sort((a, b) => a - b);

  const save = async (minutes: number) => {
    setSaving(true);
    setError(null);
    try {
      await api.setAutoLockMinutes(minutes);
      await refresh();
      toast.success(t('settings.autoLock.saved', { count: minutes }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card card--panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('settings.autoLock.title')}
      </h2>
      <p className="muted">{t('settings.autoLock.text')}</p>
      <div className="field field--inline">
        <label className="field__label" htmlFor={`${id}-select`}>
          {t('settings.autoLock.label')}
        </label>
        <select
          id={`${id}-select`}
          className="input select"
          value={current}
          disabled={saving || !mayChange}
          onChange={(e) => void save(Number(e.target.value))}
          data-testid="settings-auto-lock"
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {t('settings.autoLock.option', { count: m })}
            </option>
          ))}
        </select>
        {saving && <Spinner />}
      </div>
      {!mayChange && <OnlyResponsible text={t('onlyResponsible.settings')} testId="settings-auto-lock-readonly" />}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

/** Whether the signed-in user's password needs a key file (null until known). */
function useKeyFileStatus(): { status: boolean | null; reload: () => void } {
  const [status, setStatus] = useState<boolean | null>(null);
  const reload = useCallback(() => {
    api
      .keyFileStatus()
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);
  useEffect(reload, [reload]);
  return { status, reload };
}

/**
 * The key file of one's own password: whether the password needs one, making one (or a new one)
 * and giving it up. Everyone may; the core decides and journals.
 */
function KeyFileSetting({ status, onChanged }: { status: boolean | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'make' | 'stop' | null>(null);
  return (
    <div className="settings-row settings-subrow" data-testid="key-file-setting" data-key-file={status === null ? 'unknown' : String(status)}>
      <div className="settings-row__text">
        <h3 className="settings-subrow__title">{t('settings.keyFile.title')}</h3>
        {status !== null && (
          <p className={`settings-key-state${status ? ' is-on' : ''}`} data-testid="key-file-state">
            {status ? <ShieldCheck size={16} aria-hidden="true" /> : <KeyRound size={16} aria-hidden="true" />}
            <span>{status ? t('settings.keyFile.on') : t('settings.keyFile.off')}</span>
          </p>
        )}
      </div>
      {status !== null && (
        <div className="settings-row__actions">
          {status && (
            <button type="button" className="button button--ghost" onClick={() => setDialog('stop')} data-testid="key-file-stop">
              <FileX size={18} aria-hidden="true" />
              {t('settings.keyFile.stop')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => setDialog('make')} data-testid="key-file-make">
            <FileKey size={18} aria-hidden="true" />
            {status ? t('settings.keyFile.remake') : t('settings.keyFile.make')}
          </button>
        </div>
      )}
      {dialog && (
        <KeyFileDialog
          mode={dialog}
          hasKeyFile={status === true}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** Make a key file (replacing the current one, if any), or stop using it. */
function KeyFileDialog({ mode, hasKeyFile, onClose, onDone }: { mode: 'make' | 'stop'; hasKeyFile: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [password, setPassword] = useState('');
  const [current, setCurrent] = useState('');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const making = mode === 'make';
  const needsCurrent = hasKeyFile || !making;
  const canSubmit = !busy && password !== '' && (!needsCurrent || current.trim() !== '') && (!making || target.trim() !== '');
  const edit = (set: (v: string) => void) => (v: string) => {
    set(v);
    setError(null);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (making) await api.keyFileSet(password, needsCurrent ? current.trim() : null, target.trim());
      else await api.keyFileRemove(password, current.trim());
      setPassword('');
      toast.success(making ? t('settings.keyFile.made') : t('settings.keyFile.stopped'));
      onDone();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={making ? t('settings.keyFile.makeTitle') : t('settings.keyFile.stopTitle')} onClose={() => !busy && onClose()} testId="key-file-dialog">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <p className="muted">{making ? t('settings.keyFile.makeLead') : t('settings.keyFile.stopLead')}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-password`}>
            {t('settings.keyFile.password')}
          </label>
          <PasswordInput id={`${id}-password`} value={password} onChange={(e) => edit(setPassword)(e.target.value)} disabled={busy} testId="key-file-password" />
        </div>
        {needsCurrent && (
          <KeyFileField
            value={current}
            onChange={edit(setCurrent)}
            label={t('settings.keyFile.current')}
            hint={making ? t('settings.keyFile.currentHint') : undefined}
            disabled={busy}
            testId="key-file-current"
            onError={setError}
          />
        )}
        {making && (
          <KeyFileField
            value={target}
            onChange={edit(setTarget)}
            label={t('settings.keyFile.target')}
            hint={t('settings.keyFile.targetHint')}
            disabled={busy}
            testId="key-file-target"
            pick={api.chooseKeyFileTarget}
            onError={setError}
          />
        )}
        {error && <ErrorMessage error={error} testId="key-file-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="key-file-submit">
            {showSpinner ? <Spinner /> : making ? <FileKey size={18} aria-hidden="true" /> : <FileX size={18} aria-hidden="true" />}
            {making ? t('settings.keyFile.submit') : t('settings.keyFile.stopSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ChangePasswordDialog({ needsKeyFile, onClose }: { needsKeyFile: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const canSubmit = current !== '' && (!needsKeyFile || keyFile.trim() !== '') && acceptable && password === confirm && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(current, password, confirm, needsKeyFile ? keyFile.trim() : null);
      toast.success(t('settings.password.changed'));
      onClose();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('settings.password.title')} onClose={onClose} testId="change-password-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-current`}>
            {t('settings.password.current')}
          </label>
          <PasswordInput
            id={`${id}-current`}
            value={current}
            onChange={(e) => {
              setCurrent(e.target.value);
              setError(null);
            }}
            testId="change-current"
          />
        </div>
        {needsKeyFile && (
          <KeyFileField
            value={keyFile}
            onChange={(v) => {
              setKeyFile(v);
              setError(null);
            }}
            hint={t('settings.keyFile.changeHint')}
            testId="change-key-file"
            onError={setError}
          />
        )}
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={(v) => {
            setPassword(v);
            setError(null);
          }}
          onConfirm={(v) => {
            setConfirm(v);
            setError(null);
          }}
          assessment={assessment}
          pending={pending}
          passwordTestId="change-password"
          confirmTestId="change-password-confirm"
        />
        {error && <ErrorMessage error={error} testId="change-error" />}
        <p className="muted small">{t('settings.password.recoveryStillWorks')}</p>
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit} data-testid="change-submit" aria-busy={busy}>
            {showSpinner && <Spinner />}
            {t('settings.password.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './settings.css';
import { api, toApiError, type ApiError } from '../../api';
import { useApp, useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { PasswordInput } from '../../components/PasswordInput';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useDelayedFlag, usePasswordAssessment } from '../../lib/hooks';
import { SettingsBackupLine } from '../backup/BackupNotices';
import { InventorySettings } from './InventorySettings';
import { OrganisationSettings } from './OrganisationSettings';

const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60];

export function SettingsScreen() {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);

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
      </section>

      <SettingsBackupLine />

      <OrganisationSettings />
      <InventorySettings />

      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
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

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const canSubmit = current !== '' && acceptable && password === confirm && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.changePassword(current, password, confirm);
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

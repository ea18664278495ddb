import { ArrowLeft, Check, FolderOpen } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './create.css';
import { api, toApiError, type ApiError } from '../../api';
import { useApp } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LogoMark } from '../../components/Logo';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { folderName } from '../../lib/format';
import { useDelayedFlag, usePasswordAssessment } from '../../lib/hooks';
import { coreText } from '../../lib/words';
import { RecoveryKeyStep } from './RecoveryKeyStep';

type Step = 'where' | 'who' | 'key';
const STEPS: Step[] = ['where', 'who', 'key'];

/** Errors that are about the folder: the way out is to go back and pick another one. */
const FOLDER_ERRORS = new Set(['vault_exists', 'folder_not_empty', 'read_only', 'io', 'not_a_vault']);

export function CreateWizard() {
  const { t } = useTranslation();
  const { route, setRoute } = useApp();
  const [step, setStep] = useState<Step>('where');
  const [folder, setFolder] = useState('');
  const [created, setCreated] = useState<{ recoveryKey: string; confirmGroupIndex: number } | null>(null);
  const back = route.name === 'create' && route.back ? route.back : { name: 'welcome' as const };

  return (
    <main className="centered-page centered-page--top">
      <div className="corner-tools">
        <LanguageSwitch />
      </div>
      <section className="card card--wide wizard" aria-labelledby="wizard-title">
        <header className="wizard__header">
          <div className="brand brand--small">
            <LogoMark size={28} />
            <span className="brand__name">{t('app.name')}</span>
          </div>
          <h1 id="wizard-title" className="title">
            {t('create.title')}
          </h1>
          <StepIndicator current={step} />
        </header>

        {step === 'where' && (
          <WhereStep
            folder={folder}
            onFolder={setFolder}
            onNext={() => setStep('who')}
            onCancel={() => setRoute(back)}
          />
        )}
        {step === 'who' && (
          <WhoStep
            folder={folder}
            onBack={() => setStep('where')}
            onCreated={(result) => {
              setCreated(result);
              setStep('key');
            }}
            onOpenExisting={() => setRoute({ name: 'unlock', folder, vaultName: folderName(folder) })}
          />
        )}
        {step === 'key' && created && (
          <RecoveryKeyStep
            recoveryKey={created.recoveryKey}
            confirmGroupIndex={created.confirmGroupIndex}
            onConfirmed={() => setCreated(null)}
          />
        )}
      </section>
    </main>
  );
}

function StepIndicator({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t('create.stepsLabel')}>
      {STEPS.map((step, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        return (
          <li key={step} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="steps__dot" aria-hidden="true">
              {state === 'done' ? <Check size={14} /> : i + 1}
            </span>
            <span className="steps__label">
              <span className="visually-hidden">{t('create.stepN', { n: i + 1, total: STEPS.length })} </span>
              {t(`create.steps.${step}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function WhereStep({
  folder,
  onFolder,
  onNext,
  onCancel,
}: {
  folder: string;
  onFolder: (folder: string) => void;
  onNext: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [cloud, setCloud] = useState<string | null>(null);

  useEffect(() => {
    if (folder) return;
    api
      .defaultVaultFolder()
      .then((path) => onFolder(path))
      .catch((e) => setError(toApiError(e)));
    // Only once, when the step first opens with an empty field.
  }, []);

  // A folder a cloud service synchronises is allowed, but said: the vault would leave the laptop.
  useEffect(() => {
    let current = true;
    const path = folder.trim();
    if (!path) {
      setCloud(null);
      return;
    }
    api
      .cloudFolder(path)
      .then((service) => current && setCloud(service))
      .catch(() => current && setCloud(null));
    return () => {
      current = false;
    };
  }, [folder]);

  const choose = async () => {
    setChoosing(true);
    setError(null);
    try {
      const path = await api.chooseFolder();
      if (path) onFolder(path);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setChoosing(false);
    }
  };

  return (
    <form
      className="wizard__body"
      onSubmit={(e) => {
        e.preventDefault();
        if (folder.trim()) onNext();
      }}
    >
      <h2 className="subtitle">{t('create.where.title')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-folder`}>
          {t('create.where.label')}
        </label>
        <div className="input-row">
          <input
            id={`${id}-folder`}
            className="input input--path"
            value={folder}
            onChange={(e) => onFolder(e.target.value)}
            data-testid="create-folder"
            spellCheck={false}
            autoFocus
          />
          <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={choosing}>
            <FolderOpen size={18} aria-hidden="true" />
            {t('create.where.choose')}
          </button>
        </div>
        {cloud && (
          <p className="field__warning" data-testid="create-folder-cloud">
            {coreText('vault-cloud-folder', { service: cloud })}
          </p>
        )}
      </div>
      <ul className="explain-list">
        <li>{t('create.where.explainEmpty')}</li>
        <li>{t('create.where.explainEncrypted')}</li>
        <li>{t('create.where.explainLocal')}</li>
      </ul>
      {error && <ErrorMessage error={error} />}
      <div className="actions actions--split">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          <ArrowLeft size={18} aria-hidden="true" />
          {t('common.back')}
        </button>
        <button type="submit" className="button button--primary" data-testid="create-folder-next" disabled={!folder.trim()}>
          {t('common.next')}
        </button>
      </div>
    </form>
  );
}

function WhoStep({
  folder,
  onBack,
  onCreated,
  onOpenExisting,
}: {
  folder: string;
  onBack: () => void;
  onCreated: (result: { recoveryKey: string; confirmGroupIndex: number }) => void;
  onOpenExisting: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const canSubmit = acceptable && password === confirm && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.createVault(folder.trim(), name.trim(), password, confirm);
      setPassword('');
      setConfirm('');
      onCreated(result);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <form
      className="wizard__body"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit) void submit();
      }}
    >
      <h2 className="subtitle">{t('create.who.title')}</h2>
      <p className="muted small">
        {t('create.who.folderIs')} <Path path={folder} />
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          {t('create.who.name')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          data-testid="create-name"
          autoComplete="name"
          autoFocus
        />
        <p className="field__hint">{t('create.who.nameHint')}</p>
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
        passwordLabel={t('create.who.password')}
        passwordTestId="create-password"
        confirmTestId="create-password-confirm"
      />
      {error && (
        <ErrorMessage error={error} testId="create-error">
          {error.code === 'vault_exists' ? (
            <button type="button" className="link-button" onClick={onOpenExisting}>
              {t('create.who.openExisting')}
            </button>
          ) : FOLDER_ERRORS.has(error.code) ? (
            <button type="button" className="link-button" onClick={onBack}>
              {t('create.who.changeFolder')}
            </button>
          ) : null}
        </ErrorMessage>
      )}
      <div className="actions actions--split">
        <button type="button" className="button button--ghost" onClick={onBack} disabled={busy}>
          <ArrowLeft size={18} aria-hidden="true" />
          {t('common.back')}
        </button>
        <button type="submit" className="button button--primary" data-testid="create-submit" aria-busy={busy} disabled={!canSubmit}>
          {showSpinner && <Spinner />}
          {busy ? t('create.who.creating') : t('create.who.submit')}
        </button>
      </div>
    </form>
  );
}

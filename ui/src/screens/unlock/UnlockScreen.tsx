import { ArchiveRestore, ArrowLeft, Clock, FileKey, FlaskConical, FolderOpen, KeyRound, Lock, Plus, Users, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './unlock.css';
import { api, toApiError, type ApiError } from '../../api';
import { useApp, type Route } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { KeyFileField } from '../../components/KeyFileField';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LogoMark } from '../../components/Logo';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { PasswordInput } from '../../components/PasswordInput';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag, usePasswordAssessment } from '../../lib/hooks';
import { useRestoreDialog } from '../backup/RestoreDialog';
import { rememberedName, rememberName } from './rememberedName';

type UnlockRoute = Extract<Route, { name: 'unlock' }>;

/**
 * One task: type the password (and, where several people use the vault, your name). Recovery
 * with the printed key is one link away.
 */
export function UnlockScreen({ route }: { route: UnlockRoute }) {
  const { t } = useTranslation();
  const { setRoute, openFolder, startDemo, status } = useApp();
  const [mode, setMode] = useState<'password' | 'recover'>(route.mode ?? 'password');
  const [linkError, setLinkError] = useState<ApiError | null>(null);
  const [note, setNote] = useState(route.note ?? null);
  const restore = useRestoreDialog();

  const runLink = async (action: () => Promise<void>) => {
    setLinkError(null);
    try {
      await action();
    } catch (e) {
      setLinkError(toApiError(e));
    }
  };

  return (
    <main className="centered-page" data-testid="unlock-screen">
      <div className="corner-tools">
        <LanguageSwitch />
      </div>
      <section className={`card card--narrow unlock${mode === 'recover' ? ' unlock--recover' : ''}`} aria-labelledby="unlock-title">
        <div className="brand brand--small">
          <LogoMark size={28} />
          <span className="brand__name">{t('app.name')}</span>
        </div>

        <div className="unlock__vault">
          <span className="unlock__vault-icon" aria-hidden="true">
            {mode === 'password' ? <Lock size={22} /> : <KeyRound size={22} />}
          </span>
          <div className="unlock__vault-text">
            <h1 id="unlock-title" className="unlock__vault-name">
              {route.vaultName}
            </h1>
            <p>
              <Path path={route.folder} className="path path--small" title={route.folder} />
            </p>
          </div>
        </div>

        {note === 'idle' && mode === 'password' && (
          <div className="notice notice--info" role="status" data-testid="unlock-idle-note">
            <Clock size={18} aria-hidden="true" />
            <p>{t('unlock.idleNote', { count: route.idleMinutes ?? status?.autoLockMinutes ?? 0 })}</p>
          </div>
        )}

        {mode === 'password' ? (
          <PasswordForm
            folder={route.folder}
            onTyping={() => setNote(null)}
            onUseRecovery={() => setMode('recover')}
          />
        ) : (
          <RecoverForm folder={route.folder} onBack={() => setMode('password')} />
        )}

        {mode === 'password' && (
          <nav className="unlock__links" aria-label={t('unlock.otherActions')}>
            <button type="button" className="link-button" onClick={() => void runLink(openFolder)}>
              <FolderOpen size={16} aria-hidden="true" />
              {t('unlock.openAnother')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => setRoute({ name: 'create', back: { ...route, note: null } })}
            >
              <Plus size={16} aria-hidden="true" />
              {t('unlock.createNew')}
            </button>
            <button type="button" className="link-button" onClick={() => void runLink(startDemo)} data-testid="unlock-demo">
              <FlaskConical size={16} aria-hidden="true" />
              {t('unlock.demo')}
            </button>
            <button type="button" className="link-button" onClick={restore.open} data-testid="unlock-restore">
              <ArchiveRestore size={16} aria-hidden="true" />
              {t('restore.action')}
            </button>
          </nav>
        )}
        {linkError && <ErrorMessage error={linkError} />}
      </section>
      {restore.dialog}
    </main>
  );
}

function PasswordForm({
  folder,
  onTyping,
  onUseRecovery,
}: {
  folder: string;
  onTyping: () => void;
  onUseRecovery: () => void;
}) {
  const { t } = useTranslation();
  const { enterApp } = useApp();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [userName, setUserName] = useState(() => rememberedName(folder));
  const [password, setPassword] = useState('');
  // The key file: asked for once the backend says this password needs one, or on request.
  const [withKeyFile, setWithKeyFile] = useState(false);
  const [keyFile, setKeyFile] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      // With a name only that user's key slot is tried; without one, every slot.
      const name = userName.trim() || null;
      if (withKeyFile && keyFile.trim()) await api.unlockVaultWithKeyFile(folder, name, password, keyFile.trim());
      else await api.unlockVault(folder, name, password);
      rememberName(folder, userName);
      setPassword('');
      await enterApp();
    } catch (e) {
      const refusal = toApiError(e);
      setError(refusal);
      setBusy(false);
      if (refusal.code === 'key_file_needed') {
        // The password was right; what is missing is the file.
        setWithKeyFile(true);
        return;
      }
      // Keep what was typed, selected, so the next try is one keystroke away.
      requestAnimationFrame(() => input.current?.select());
    }
  };

  return (
    <form
      className="unlock__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password && !busy) void submit();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-user`}>
          {t('unlock.user')}
        </label>
        <input
          id={`${id}-user`}
          className="input"
          value={userName}
          onChange={(e) => {
            setUserName(e.target.value);
            setError(null);
            onTyping();
          }}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          aria-describedby={`${id}-user-hint`}
          disabled={busy}
          data-testid="unlock-user"
        />
        <p className="field__hint" id={`${id}-user-hint`}>
          {t('unlock.userHint')}
        </p>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-pw`}>
          {t('unlock.password')}
        </label>
        <PasswordInput
          ref={input}
          id={`${id}-pw`}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(null);
            onTyping();
          }}
          testId="unlock-password"
          aria-invalid={error !== null && error.code !== 'key_file_needed'}
          aria-describedby={error ? `${id}-error` : undefined}
          disabled={busy}
        />
        {error && !withKeyFile && <ErrorMessage error={error} testId="unlock-error" id={`${id}-error`} />}
      </div>
      {withKeyFile && (
        <div className="unlock__key-file" data-testid="unlock-key-file-part">
          <KeyFileField
            value={keyFile}
            onChange={(v) => {
              setKeyFile(v);
              // "This password also needs its key file" stays as guidance while the file is given.
              if (error?.code !== 'key_file_needed') setError(null);
            }}
            disabled={busy}
            testId="unlock-key-file"
            onError={setError}
            autoFocus={error?.code === 'key_file_needed'}
          />
          {error && <ErrorMessage error={error} testId="unlock-error" id={`${id}-error`} />}
        </div>
      )}
      <button
        type="submit"
        className="button button--primary button--block"
        data-testid="unlock-submit" aria-busy={busy}
        disabled={!password || busy}
      >
        {busy ? <Spinner /> : <Lock size={18} aria-hidden="true" />}
        {busy ? t('unlock.unlocking') : t('unlock.submit')}
      </button>
      <div className="unlock__form-links">
        {!withKeyFile && (
          <button type="button" className="link-button" onClick={() => setWithKeyFile(true)} data-testid="unlock-use-key-file">
            <FileKey size={16} aria-hidden="true" />
            {t('keyFile.use')}
          </button>
        )}
        <button type="button" className="link-button" onClick={onUseRecovery} data-testid="unlock-use-recovery">
          <KeyRound size={16} aria-hidden="true" />
          {t('unlock.forgot')}
        </button>
      </div>
    </form>
  );
}

/** Most shares a split has (the core's limit); a split needs at least two. */
const MAX_SHARES = 10;
const SHARE_PLACEHOLDER = Array.from({ length: 10 }, () => 'XXXX').join('-');

function RecoverForm({ folder, onBack }: { folder: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { enterApp } = useApp();
  const id = useId();
  // The whole recovery key, or shares of it from the trusted people it was split among.
  const [withShares, setWithShares] = useState(false);
  const [shares, setShares] = useState<string[]>(['', '']);
  const [key, setKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { assessment, pending, acceptable } = usePasswordAssessment(password);
  const showSpinner = useDelayedFlag(busy);
  const given = shares.map((s) => s.trim()).filter(Boolean);
  const haveSecret = withShares ? given.length >= 2 : key.trim() !== '';
  const canSubmit = haveSecret && acceptable && password === confirm && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (withShares) await api.recoverWithShares(folder, given, password, confirm);
      else await api.recoverVault(folder, key.trim(), password, confirm);
      setKey('');
      setShares(['', '']);
      setPassword('');
      setConfirm('');
      await enterApp();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  const clear = () => setError(null);

  return (
    <form
      className="unlock__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit) void submit();
      }}
    >
      <h2 className="subtitle">{withShares ? t('recover.sharesTitle') : t('recover.title')}</h2>
      <p className="muted">{withShares ? t('recover.sharesIntro') : t('recover.intro')}</p>
      {withShares ? (
        <fieldset className="fieldset unlock__shares" data-testid="recover-shares">
          <legend className="visually-hidden">{t('recover.sharesTitle')}</legend>
          {shares.map((share, i) => (
            <div className="field" key={i}>
              <label className="field__label" htmlFor={`${id}-share-${i}`}>
                {t('recover.share', { n: i + 1 })}
              </label>
              <div className="input-row">
                <input
                  id={`${id}-share-${i}`}
                  className="input input--key input--share"
                  value={share}
                  onChange={(e) => {
                    const v = e.target.value;
                    setShares((all) => all.map((s, j) => (j === i ? v : s)));
                    clear();
                  }}
                  placeholder={SHARE_PLACEHOLDER}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  aria-describedby={`${id}-share-hint`}
                  data-testid="recover-share"
                  autoFocus={i === 0}
                />
                {shares.length > 2 && (
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => {
                      setShares((all) => all.filter((_, j) => j !== i));
                      clear();
                    }}
                    aria-label={t('recover.removeShare', { n: i + 1 })}
                    title={t('recover.removeShare', { n: i + 1 })}
                    data-testid="recover-share-remove"
                  >
                    <X size={16} aria-hidden="true" />
                  </button>
                )}
              </div>
            </div>
          ))}
          <p className="field__hint" id={`${id}-share-hint`}>
            {t('recover.shareHint')}
          </p>
          {shares.length < MAX_SHARES && (
            <button
              type="button"
              className="link-button"
              onClick={() => setShares((all) => [...all, ''])}
              data-testid="recover-add-share"
            >
              <Plus size={16} aria-hidden="true" />
              {t('recover.addShare')}
            </button>
          )}
        </fieldset>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-key`}>
            {t('recover.key')}
          </label>
          <input
            id={`${id}-key`}
            className="input input--key"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              clear();
            }}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            data-testid="recover-key"
            autoFocus
          />
          <p className="field__hint">{t('recover.keyHint')}</p>
        </div>
      )}
      <button
        type="button"
        className="link-button unlock__toggle"
        onClick={() => {
          setWithShares((v) => !v);
          clear();
        }}
        data-testid="recover-use-shares"
        data-shares={withShares}
      >
        {withShares ? <KeyRound size={16} aria-hidden="true" /> : <Users size={16} aria-hidden="true" />}
        {withShares ? t('recover.useWholeKey') : t('recover.useShares')}
      </button>
      <NewPasswordFields
        password={password}
        confirm={confirm}
        onPassword={(v) => {
          setPassword(v);
          clear();
        }}
        onConfirm={(v) => {
          setConfirm(v);
          clear();
        }}
        assessment={assessment}
        pending={pending}
        passwordTestId="recover-password"
        confirmTestId="recover-password-confirm"
      />
      {error && <ErrorMessage error={error} testId="recover-error" />}
      <button type="submit" className="button button--primary button--block" data-testid="recover-submit" aria-busy={busy} disabled={!canSubmit}>
        {showSpinner && <Spinner />}
        {t('recover.submit')}
      </button>
      <button type="button" className="link-button link-button--center" onClick={onBack}>
        <ArrowLeft size={16} aria-hidden="true" />
        {t('recover.back')}
      </button>
    </form>
  );
}

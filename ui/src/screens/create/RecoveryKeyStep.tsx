import { Printer, ShieldAlert } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import './create.css';
import { api, toApiError, type ApiError } from '../../api';
import { useApp } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LogoMark } from '../../components/Logo';
import { Spinner } from '../../components/Spinner';
import { formatDate } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';

/**
 * Step 3: the recovery key, shown once. It lives only in React state (never in storage or logs)
 * and is dropped as soon as the backend has confirmed the person wrote it down.
 */
export function RecoveryKeyStep({
  recoveryKey,
  confirmGroupIndex,
  onConfirmed,
}: {
  recoveryKey: string;
  confirmGroupIndex: number;
  onConfirmed: () => void;
}) {
  const { t } = useTranslation();
  const { status, refresh, enterApp } = useApp();
  const id = useId();
  const [written, setWritten] = useState(false);
  const [group, setGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const groups = recoveryKey.split('-');
  const isLast = confirmGroupIndex === groups.length - 1;

  useEffect(() => {
    // The vault is open now; fetch its name and the user for the printed sheet.
    refresh().catch(() => {});
  }, [refresh]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.confirmRecoveryKey(group.trim());
      onConfirmed(); // drops the key from memory before the app opens
      await enterApp();
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
        if (written && group.trim() && !busy) void submit();
      }}
    >
      <h2 className="subtitle">{t('create.key.title')}</h2>
      <div className="notice notice--warning">
        <ShieldAlert size={20} aria-hidden="true" />
        <div>
          <p className="notice__title">{t('create.key.onceTitle')}</p>
          <p>{t('create.key.onceText')}</p>
        </div>
      </div>

      <div className="key-box">
        <p className="key-box__label" id={`${id}-key-label`}>
          {t('create.key.keyLabel')}
        </p>
        <p className="recovery-key" data-testid="recovery-key" aria-labelledby={`${id}-key-label`}>
          {groups.map((g, i) => (
            <span key={i}>
              <span className={`recovery-key__group${i === confirmGroupIndex ? ' is-confirm' : ''}`}>{g}</span>
              {i < groups.length - 1 && <span className="recovery-key__sep">-</span>}
              {/* Two even lines of four groups: easier to copy by hand. */}
              {i === 3 && <br />}
            </span>
          ))}
        </p>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          <Printer size={18} aria-hidden="true" />
          {t('create.key.print')}
        </button>
      </div>

      <ul className="explain-list">
        <li>{t('create.key.keepSafe')}</li>
        <li>{t('create.key.noCopy')}</li>
      </ul>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={written}
          onChange={(e) => setWritten(e.target.checked)}
          data-testid="recovery-written"
        />
        <span>{t('create.key.written')}</span>
      </label>

      <div className="field">
        <label className="field__label" htmlFor={`${id}-group`}>
          {isLast ? t('create.key.confirmLast') : t('create.key.confirmGroup', { n: confirmGroupIndex + 1 })}
        </label>
        <input
          id={`${id}-group`}
          className="input input--key input--short"
          value={group}
          onChange={(e) => {
            setGroup(e.target.value);
            setError(null);
          }}
          maxLength={9}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="XXXX"
          data-testid="recovery-confirm-input"
        />
        <p className="field__hint">{t('create.key.confirmHint')}</p>
      </div>

      {error && <ErrorMessage error={error} testId="recovery-confirm-error" />}

      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="recovery-confirm-submit" aria-busy={busy}
          disabled={!written || !group.trim() || busy}
        >
          {showSpinner && <Spinner />}
          {t('create.key.submit')}
        </button>
      </div>

      {createPortal(
        <PrintSheet
          groups={groups}
          vaultName={status?.vault?.name ?? ''}
          vaultPath={status?.vault?.path ?? ''}
          userName={status?.user?.name ?? ''}
        />,
        document.body,
      )}
    </form>
  );
}

/** The sheet that window.print() prints: only this, never the rest of the window. */
function PrintSheet({
  groups,
  vaultName,
  vaultPath,
  userName,
}: {
  groups: string[];
  vaultName: string;
  vaultPath: string;
  userName: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="print-sheet" aria-hidden="true">
      <div className="print-sheet__brand">
        <LogoMark size={28} />
        <span>{t('app.name')}</span>
      </div>
      <h1>{t('print.title')}</h1>
      <dl className="print-sheet__meta">
        <dt>{t('print.vault')}</dt>
        <dd>{vaultName}</dd>
        <dt>{t('print.folder')}</dt>
        <dd>{vaultPath}</dd>
        {userName && (
          <>
            <dt>{t('print.responsible')}</dt>
            <dd>{userName}</dd>
          </>
        )}
        <dt>{t('print.date')}</dt>
        <dd>{formatDate(new Date())}</dd>
      </dl>
      <p className="print-sheet__key">{groups.join('-')}</p>
      <ul>
        <li>{t('print.line1')}</li>
        <li>{t('print.line2')}</li>
        <li>{t('print.line3')}</li>
      </ul>
    </div>
  );
}

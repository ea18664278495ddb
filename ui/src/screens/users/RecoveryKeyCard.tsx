import { FileDown, KeyRound, Plus, ShieldAlert, Split, X } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../create/create.css';
import { api, toApiError, type ApiError, type RecoveryShare } from '../../api';
import { useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SaveDialog } from '../../components/SaveDialog';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';

/** A split has 2 to 10 holders (the core's limits; it refuses anything else anyway). */
const MIN_HOLDERS = 2;
const MAX_HOLDERS = 10;

/**
 * The recovery key, for the responsible person only (manage_users): make a new one, or split a
 * new one among trusted people. Either replaces the current key; the new key or the shares are
 * shown once, live only in this component's state, and are gone when its dialog closes.
 */
export function RecoveryKeyCard() {
  const { t } = useTranslation();
  const manage = useCan()('manage_users');
  const [dialog, setDialog] = useState<'new' | 'split' | null>(null);
  if (!manage) return null;
  return (
    <section className="card card--panel recovery-card" aria-labelledby="recovery-card-title" data-testid="recovery-key-card">
      <div className="recovery-card__row">
        <div className="recovery-card__text">
          <h2 id="recovery-card-title" className="card__title">
            {t('recoveryKey.title')}
          </h2>
          <p className="muted">{t('recoveryKey.text')}</p>
        </div>
        <div className="recovery-card__actions">
          <button type="button" className="button button--secondary" onClick={() => setDialog('new')} data-testid="recovery-key-new">
            <KeyRound size={18} aria-hidden="true" />
            {t('recoveryKey.new')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDialog('split')} data-testid="recovery-key-split">
            <Split size={18} aria-hidden="true" />
            {t('recoveryKey.split')}
          </button>
        </div>
      </div>
      {dialog === 'new' && <NewKeyDialog onClose={() => setDialog(null)} />}
      {dialog === 'split' && <SplitDialog onClose={() => setDialog(null)} />}
    </section>
  );
}

/** Confirm, then the new key once, as on the first run; closes once it is written down. */
function NewKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId();
  const [key, setKey] = useState<string | null>(null);
  const [written, setWritten] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  // Once the key is shown it closes only when written down: it is never shown again.
  const mayClose = key === null ? !busy : written;

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      setKey(await api.recoveryKeyNew());
      toast.success(t('recoveryKey.newDone'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const groups = key?.split('-') ?? [];
  return (
    <Dialog title={t('recoveryKey.newTitle')} onClose={() => mayClose && onClose()} testId="recovery-new-dialog">
      {key === null ? (
        <div className="form">
          <div className="notice notice--warning">
            <ShieldAlert size={20} aria-hidden="true" />
            <p>{t('recoveryKey.newWarning')}</p>
          </div>
          {error && <ErrorMessage error={error} testId="recovery-new-error" />}
          <div className="actions actions--end">
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void make()} disabled={busy} aria-busy={busy} data-testid="recovery-new-confirm">
              {showSpinner ? <Spinner /> : <KeyRound size={18} aria-hidden="true" />}
              {t('recoveryKey.newSubmit')}
            </button>
          </div>
        </div>
      ) : (
        <div className="form">
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
            <p className="recovery-key" data-testid="recovery-new-key" aria-labelledby={`${id}-key-label`}>
              {groups.map((g, i) => (
                <span key={i}>
                  <span className="recovery-key__group">{g}</span>
                  {i < groups.length - 1 && <span className="recovery-key__sep">-</span>}
                  {i === 3 && <br />}
                </span>
              ))}
            </p>
          </div>
          <ul className="explain-list">
            <li>{t('create.key.keepSafe')}</li>
            <li>{t('create.key.noCopy')}</li>
          </ul>
          <label className="checkbox">
            <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} data-testid="recovery-new-written" />
            <span>{t('create.key.written')}</span>
          </label>
          <div className="actions actions--end">
            <button type="button" className="button button--primary" onClick={onClose} disabled={!written} data-testid="recovery-new-done">
              {t('common.done')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/**
 * Split a new recovery key among 2–10 people, any `threshold` of whom open the vault together.
 * The shares are shown once, with "Save as PDF"; the backend keeps them for that until the
 * vault locks, never on disk.
 */
function SplitDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [holders, setHolders] = useState<string[]>(['', '', '']);
  const [threshold, setThreshold] = useState(2);
  const [shares, setShares] = useState<RecoveryShare[] | null>(null);
  const [given, setGiven] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const count = holders.length;
  const canSubmit = !busy && holders.every((h) => h.trim() !== '');
  // Once shown, the shares are never shown again: close only when they were handed out or saved.
  const mayClose = shares === null ? !busy : given || saved;

  const setHolderCount = (next: string[]) => {
    setHolders(next);
    setThreshold((n) => Math.min(n, next.length));
    setError(null);
  };

  const split = async () => {
    setBusy(true);
    setError(null);
    try {
      setShares(await api.recoveryKeySplit(threshold, holders.map((h) => h.trim())));
      toast.success(t('recoveryKey.splitDone'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('recoveryKey.splitTitle')} onClose={() => mayClose && onClose()} testId="split-dialog" size="wide">
      {shares === null ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canSubmit) void split();
          }}
        >
          <div className="notice notice--warning">
            <ShieldAlert size={20} aria-hidden="true" />
            <div>
              <p className="notice__title">{t('recoveryKey.splitReplaces')}</p>
              <p data-testid="split-how">{t('recoveryKey.splitHow', { threshold, count })}</p>
            </div>
          </div>
          <fieldset className="fieldset split__holders">
            <legend className="field__label">{t('recoveryKey.holders')}</legend>
            {holders.map((h, i) => (
              <div className="input-row split__holder" key={i}>
                <label className="split__holder-n" htmlFor={`${id}-holder-${i}`}>
                  {t('recoveryKey.holder', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-holder-${i}`}
                  className="input"
                  value={h}
                  onChange={(e) => {
                    const v = e.target.value;
                    setHolders((all) => all.map((x, j) => (j === i ? v : x)));
                    setError(null);
                  }}
                  disabled={busy}
                  autoComplete="off"
                  autoCapitalize="words"
                  spellCheck={false}
                  data-testid="split-holder"
                  autoFocus={i === 0}
                />
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setHolderCount(holders.filter((_, j) => j !== i))}
                  disabled={busy || count <= MIN_HOLDERS}
                  aria-label={t('recoveryKey.removeHolder', { n: i + 1 })}
                  title={t('recoveryKey.removeHolder', { n: i + 1 })}
                  data-testid="split-remove-holder"
                >
                  <X size={16} aria-hidden="true" />
                </button>
              </div>
            ))}
            {count < MAX_HOLDERS && (
              <button type="button" className="link-button split__add" onClick={() => setHolderCount([...holders, ''])} disabled={busy} data-testid="split-add-holder">
                <Plus size={16} aria-hidden="true" />
                {t('recoveryKey.addHolder')}
              </button>
            )}
          </fieldset>
          <div className="field field--inline">
            <label className="field__label" htmlFor={`${id}-threshold`}>
              {t('recoveryKey.threshold')}
            </label>
            <select
              id={`${id}-threshold`}
              className="input select"
              value={threshold}
              onChange={(e) => {
                setThreshold(Number(e.target.value));
                setError(null);
              }}
              disabled={busy}
              data-testid="split-threshold"
            >
              {Array.from({ length: count - 1 }, (_, i) => i + 2).map((n) => (
                <option key={n} value={n}>
                  {t('recoveryKey.thresholdOption', { threshold: n, count })}
                </option>
              ))}
            </select>
          </div>
          {error && <ErrorMessage error={error} testId="split-error" />}
          <div className="actions actions--end">
            <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="split-submit">
              {showSpinner ? <Spinner /> : <Split size={18} aria-hidden="true" />}
              {t('recoveryKey.splitSubmit')}
            </button>
          </div>
        </form>
      ) : (
        <div className="form" data-testid="split-shares">
          <div className="notice notice--warning">
            <ShieldAlert size={20} aria-hidden="true" />
            <div>
              <p className="notice__title">{t('recoveryKey.sharesOnceTitle')}</p>
              <p>{t('recoveryKey.sharesLead')}</p>
            </div>
          </div>
          <ol className="shares">
            {shares.map((s) => (
              <li key={s.index} className="share" data-testid="split-share" data-holder={s.holder} data-index={s.index}>
                <div className="share__head">
                  <span className="share__holder">{s.holder}</span>
                  <span className="share__of">{t('recoveryKey.shareOf', { index: s.index, count: s.count })}</span>
                </div>
                <p className="share__text" data-testid="split-share-text">
                  {s.text}
                </p>
              </li>
            ))}
          </ol>
          <label className="checkbox">
            <input type="checkbox" checked={given} onChange={(e) => setGiven(e.target.checked)} data-testid="split-given" />
            <span>{t('recoveryKey.given')}</span>
          </label>
          <div className="actions actions--end">
            <button type="button" className="button button--secondary" onClick={() => setSaving(true)} data-testid="split-save-pdf">
              <FileDown size={18} aria-hidden="true" />
              {t('recoveryKey.savePdf')}
            </button>
            <button type="button" className="button button--primary" onClick={onClose} disabled={!mayClose} data-testid="split-done">
              {t('common.done')}
            </button>
          </div>
          {saving && (
            <SaveDialog
              title={t('recoveryKey.savePdfTitle')}
              lead={t('recoveryKey.savePdfLead')}
              suggestName={(l) => t('recoveryKey.fileName', { lang: l })}
              onSave={async (path, l, ifExists) => {
                const written = await api.recoverySharesSave(path, l, ifExists);
                setSaved(true);
                return written;
              }}
              onClose={() => setSaving(false)}
            />
          )}
        </div>
      )}
    </Dialog>
  );
}

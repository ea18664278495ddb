import { FileSpreadsheet, FileText, FileType, FolderOpen, ShieldCheck } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './release.css';
import { api, toApiError, type ApiError, type ExportFormat, type IfExists, type Recipient, type ReportLanguage, type Transfer } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ReplaceButton } from '../../components/ReplaceButton';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField } from '../../lib/lifecycle';
import { suggestedFileName, withExtension } from '../../lib/reports';
import { useUiLanguage } from '../../lib/register';
import { FieldError } from './FieldError';

const FORMATS: { key: ExportFormat; icon: typeof FileText }[] = [
  { key: 'xlsx', icon: FileSpreadsheet },
  { key: 'pdf', icon: FileType },
  { key: 'csv', icon: FileText },
];
const LANGS: ReportLanguage[] = ['kk', 'ru', 'en'];
/** Errors shown next to a field of this dialog; any other goes above the buttons. */
const OWN_FIELDS = ['recipient', 'purpose', 'path', 'format'];

/**
 * Save a report or a release for a recipient: format, language of the file, who gets it and why,
 * and where to save it. The path starts as a file in the Documents folder (default_save_path) and
 * follows the format's extension. The core writes the file and records it in the transfer ledger;
 * a file already there is replaced only when the system's dialog asked or the user says so.
 */
export function ExportDialog({
  kind,
  period,
  onSave,
  onExported,
  onClose,
}: {
  kind: 'report' | 'release';
  period: { from: string; to: string };
  onSave: (format: ExportFormat, lang: ReportLanguage, to: Recipient, path: string, ifExists: IfExists) => Promise<Transfer>;
  onExported: (transfer: Transfer) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const uiLang = useUiLanguage();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [lang, setLang] = useState<ReportLanguage>(uiLang);
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [path, setPath] = useState('');
  const [touched, setTouched] = useState(false);
  // The path the system's save dialog confirmed (it asks before replacing): only that exact path
  // may replace a file without asking here; a typed path or a changed extension is another file.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ recipient: boolean; purpose: boolean }>({ recipient: false, purpose: false });
  const [busy, setBusy] = useState<'choose' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy === 'save', 150);
  const recipientRef = useRef<HTMLInputElement>(null);
  const purposeRef = useRef<HTMLTextAreaElement>(null);
  const field = error?.code === 'file_exists' ? 'path' : errorField(error);
  const generalError = error && !(field && OWN_FIELDS.includes(field)) ? error : null;

  // The default path follows the format until the user types or chooses their own; after that
  // only its extension does.
  const touchedRef = useRef(false);
  touchedRef.current = touched;
  useEffect(() => {
    if (touchedRef.current) {
      setPath((p) => withExtension(p, format));
      return;
    }
    let live = true;
    api
      .defaultSavePath(suggestedFileName(kind, period, format))
      .then((p) => live && !touchedRef.current && setPath(withExtension(p, format)))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
    // `period` is the built spec's; it does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format, kind]);

  const choose = async () => {
    setBusy('choose');
    setError(null);
    try {
      const chosen = await api.chooseExportPath(suggestedFileName(kind, period, format), format);
      if (chosen) {
        setPath(withExtension(chosen, format));
        setTouched(true);
        setConfirmed(chosen);
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const save = async (replace = false) => {
    const gaps = { recipient: recipient.trim() === '', purpose: purpose.trim() === '' };
    setMissing(gaps);
    if (gaps.recipient || gaps.purpose) {
      (gaps.recipient ? recipientRef.current : purposeRef.current)?.focus();
      return;
    }
    const target = withExtension(path, format);
    setPath(target);
    setBusy('save');
    setError(null);
    try {
      const ifExists: IfExists = replace || target === confirmed ? 'replace' : 'refuse';
      const transfer = await onSave(format, lang, { recipient: recipient.trim(), purpose: purpose.trim() }, target, ifExists);
      toast.success(t('reports.export.saved', { number: transfer.number }));
      onExported(transfer);
      onClose();
    } catch (e) {
      setError(toApiError(e));
      setBusy(null);
    }
  };

  const requiredText = (key: 'recipient' | 'purpose') =>
    missing[key] ? (
      <p className="field__error" id={`${id}-${key}-error`} data-testid={`export-${key}-required`}>
        {t(`reports.export.${key}Required`)}
      </p>
    ) : field === key && error ? (
      <FieldError error={error} id={`${id}-${key}-error`} />
    ) : null;

  return (
    <Dialog title={t(`reports.export.title.${kind}`)} onClose={() => busy !== 'save' && onClose()} testId="export-dialog" size="wide">
      <form
        className="form export-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void save();
        }}
      >
        <div className="notice notice--success export-form__notice">
          <ShieldCheck size={20} aria-hidden="true" />
          <p>{t('reports.export.anonymised')}</p>
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('reports.export.format')}</legend>
          <div className="format-cards">
            {FORMATS.map(({ key, icon: Icon }) => (
              <label key={key} className="format-card">
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={key}
                  checked={format === key}
                  onChange={() => {
                    setFormat(key);
                    setError(null);
                  }}
                  data-testid={`export-format-${key}`}
                />
                <Icon size={22} aria-hidden="true" className="format-card__icon" />
                <span className="format-card__text">
                  <span className="format-card__name">{key.toUpperCase()}</span>
                  <span className="format-card__hint">{t(`reports.export.formats.${key}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {field === 'format' && error && <FieldError error={error} />}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t('reports.export.language')}</legend>
          <div className="radio-cards radio-cards--tight">
            {LANGS.map((l) => (
              <label key={l} className="radio-card" lang={l}>
                <input type="radio" name={`${id}-lang`} value={l} checked={lang === l} onChange={() => setLang(l)} data-testid={`export-lang-${l}`} />
                <span>{t(`language.names.${l}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="form-grid form-grid--two">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-recipient`}>
              {t('reports.export.recipient')} <span className="required-mark" aria-hidden="true">*</span>
            </label>
            <input
              ref={recipientRef}
              id={`${id}-recipient`}
              className="input"
              value={recipient}
              onChange={(e) => {
                setRecipient(e.target.value);
                setMissing((m) => ({ ...m, recipient: false }));
                if (field === 'recipient') setError(null);
              }}
              required
              aria-required="true"
              aria-invalid={missing.recipient || field === 'recipient' || undefined}
              aria-describedby={`${id}-recipient-error ${id}-recipient-hint`}
              placeholder={t('reports.export.recipientPlaceholder')}
              autoComplete="off"
              data-testid="export-recipient"
            />
            {requiredText('recipient') ?? (
              <p className="field__hint" id={`${id}-recipient-hint`}>
                {t('reports.export.recipientHint')}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-purpose`}>
              {t('reports.export.purpose')} <span className="required-mark" aria-hidden="true">*</span>
            </label>
            <textarea
              ref={purposeRef}
              id={`${id}-purpose`}
              className="input textarea export-form__purpose"
              rows={2}
              value={purpose}
              onChange={(e) => {
                setPurpose(e.target.value);
                setMissing((m) => ({ ...m, purpose: false }));
                if (field === 'purpose') setError(null);
              }}
              required
              aria-required="true"
              aria-invalid={missing.purpose || field === 'purpose' || undefined}
              aria-describedby={`${id}-purpose-error`}
              placeholder={t('reports.export.purposePlaceholder')}
              data-testid="export-purpose"
            />
            {requiredText('purpose')}
          </div>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-path`}>
            {t('save.path')}
          </label>
          <div className="input-row">
            <input
              id={`${id}-path`}
              className="input input--path"
              value={path}
              onChange={(e) => {
                setPath(e.target.value);
                setTouched(true);
                if (field === 'path') setError(null);
              }}
              onBlur={() => path.trim() && setPath(withExtension(path, format))}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={field === 'path' || undefined}
              data-testid="export-path"
            />
            <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null} data-testid="export-choose">
              <FolderOpen size={18} aria-hidden="true" />
              {t('save.choose')}
            </button>
          </div>
          {field === 'path' && error ? (
            <FieldError error={error} testId="export-path-error">
              {error.code === 'file_exists' && <ReplaceButton onReplace={() => void save(true)} disabled={busy !== null} testId="export-replace" />}
            </FieldError>
          ) : (
            <p className="field__hint">{t('reports.export.pathHint', { ext: format.toUpperCase() })}</p>
          )}
        </div>

        {generalError && (
          <FieldError error={generalError} testId="export-error" />
        )}
        {field === 'organisation' && (
          <p className="export-form__settings">
            <a className="link" href="#/settings" onClick={onClose}>
              {t('reports.export.openSettings')}
            </a>
          </p>
        )}

        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy === 'save'}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy !== null || path.trim() === ''} aria-busy={busy === 'save'} data-testid="export-save">
            {showSpinner && <Spinner />}
            {t('reports.export.submit', { format: format.toUpperCase() })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

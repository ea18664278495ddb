import { FolderOpen } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError, type DocumentLanguage, type IfExists } from '../api';
import { useDelayedFlag } from '../lib/hooks';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { ReplaceButton } from './ReplaceButton';
import { Spinner } from './Spinner';
import { useToast } from './Toast';
import { errorText } from '../lib/errors';

/** What saving wrote: its path, or its path and the sentence the toast says about it. */
export type Saved = string | { path: string; toast: string };

/**
 * Save a document (a consent form, an act, a paper, the compliance pack) in Kazakh or Russian:
 * the path starts as a file in the user's Documents folder (default_save_path) and can be typed
 * or chosen with the system's save dialog. The backend writes the file and says where it went; a
 * file already at the path is replaced only when the system's dialog asked or the user presses
 * "Replace". With `lang` the language was chosen before (the Documents screen): no choice here.
 */
export function SaveDialog({
  title,
  lead,
  lang: fixedLang,
  hint,
  submitLabel,
  busyLabel,
  suggestName,
  onSave,
  onClose,
}: {
  title: string;
  /** A sentence, or what the dialog saves laid out as facts. */
  lead?: React.ReactNode;
  /** The document's language, when it was chosen before this dialog. */
  lang?: DocumentLanguage;
  /** What kind of file it is and how it is written (the PDF sentence unless told). */
  hint?: string;
  submitLabel?: string;
  /** Said beside a spinner while a long save runs. */
  busyLabel?: string;
  /** The file name offered for a language, e.g. "consent-12-kk.pdf". */
  suggestName: (lang: DocumentLanguage) => string;
  /** Writes the file; resolves to the path written (and, if it likes, what the toast says). */
  onSave: (path: string, lang: DocumentLanguage, ifExists: IfExists) => Promise<Saved>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [chosenLang, setLang] = useState<DocumentLanguage>(i18n.language === 'kk' ? 'kk' : 'ru');
  const lang = fixedLang ?? chosenLang;
  const [path, setPath] = useState('');
  const [touched, setTouched] = useState(false);
  // The path the system's save dialog confirmed (it asks before replacing): only that exact path
  // may replace a file without asking here; a typed one may not until the user says so.
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [busy, setBusy] = useState<'choose' | 'save' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy === 'save', 150);
  const suggest = useRef(suggestName);
  suggest.current = suggestName;

  // The default path follows the language until the user types or chooses their own.
  useEffect(() => {
    if (touched) return;
    let live = true;
    api
      .defaultSavePath(suggest.current(lang))
      .then((p) => live && setPath(p))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [lang, touched]);

  const choose = async () => {
    setBusy('choose');
    setError(null);
    try {
      const chosen = await api.chooseSavePath(suggestName(lang));
      if (chosen) {
        setPath(chosen);
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
    setBusy('save');
    setError(null);
    try {
      const target = path.trim();
      const ifExists: IfExists = replace || target === confirmed ? 'replace' : 'refuse';
      const saved = await onSave(target, lang, ifExists);
      if (typeof saved === 'string') toast.success(t('save.saved', { path: saved || target }));
      else toast.success(saved.toast);
      onClose();
    } catch (e) {
      setError(toApiError(e));
      setBusy(null);
    }
  };

  return (
    <Dialog title={title} onClose={() => busy !== 'save' && onClose()} testId="save-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && path.trim()) void save();
        }}
      >
        {lead && (typeof lead === 'string' ? <p className="muted">{lead}</p> : lead)}
        {!fixedLang && (
          <fieldset className="fieldset">
            <legend className="field__label">{t('save.language')}</legend>
            <div className="radio-cards radio-cards--tight">
              {(['kk', 'ru'] as const).map((l) => (
                <label key={l} className="radio-card" lang={l}>
                  <input
                    type="radio"
                    name={`${id}-lang`}
                    value={l}
                    checked={lang === l}
                    onChange={() => {
                      setLang(l);
                      // A refusal was about the other language's file.
                      setError(null);
                    }}
                    data-testid={`save-lang-${l}`}
                  />
                  <span>{t(`language.names.${l}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
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
                setError(null);
              }}
              spellCheck={false}
              autoComplete="off"
              data-testid="save-path"
            />
            <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null} data-testid="save-choose">
              <FolderOpen size={18} aria-hidden="true" />
              {t('save.choose')}
            </button>
          </div>
          <p className="field__hint">{hint ?? t('save.hint')}</p>
        </div>
        {busyLabel && showSpinner && (
          <p className="muted" data-testid="save-working">
            <Spinner label={busyLabel} />
          </p>
        )}
        {error && (
          <ErrorMessage error={error} text={errorText(t, error)} testId="save-error">
            {error.code === 'file_exists' && <ReplaceButton onReplace={() => void save(true)} disabled={busy !== null} testId="save-replace" />}
          </ErrorMessage>
        )}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy === 'save'}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy !== null || path.trim() === ''}
            aria-busy={busy === 'save'}
            data-testid="save-confirm"
          >
            {showSpinner && <Spinner />}
            {submitLabel ?? t('save.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

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

/**
 * Save a document (a consent form, an act) as a PDF in Kazakh or Russian: the path starts as a
 * file in the user's Documents folder (default_save_path) and can be typed or chosen with the
 * system's save dialog. The backend writes the file and says where it went; a file already at
 * the path is replaced only when the system's dialog asked or the user presses "Replace".
 */
export function SaveDialog({
  title,
  lead,
  suggestName,
  onSave,
  onClose,
}: {
  title: string;
  lead?: string;
  /** The file name offered for a language, e.g. "consent-12-kk.pdf". */
  suggestName: (lang: DocumentLanguage) => string;
  /** Writes the file; resolves to the path written. */
  onSave: (path: string, lang: DocumentLanguage, ifExists: IfExists) => Promise<string>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [lang, setLang] = useState<DocumentLanguage>(i18n.language === 'kk' ? 'kk' : 'ru');
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
      const written = await onSave(target, lang, ifExists);
      toast.success(t('save.saved', { path: written || path.trim() }));
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
        {lead && <p className="muted">{lead}</p>}
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
          <p className="field__hint">{t('save.hint')}</p>
        </div>
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
            {t('save.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

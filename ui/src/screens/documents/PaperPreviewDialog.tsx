import { FileDown } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './documents.css';
import { api, toApiError, type ApiError, type DocumentLanguage, type PaperPreview, type PaperRow } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { confidantText, paperTitle, requestFor, svgDataUrl } from '../../lib/papers';
import { DocumentLanguageChoice } from './DocumentLanguageChoice';

/**
 * A paper as it would be saved now, page by page, without writing anything: the core lays it out
 * and sends each page as SVG, shown as an image (so nothing in it can run). It says the number the
 * paper will get; Save keeps that number. Changing the language lays it out again.
 */
export function PaperPreviewDialog({
  row,
  lang,
  onLang,
  maySave,
  onSave,
  onClose,
}: {
  row: PaperRow;
  lang: DocumentLanguage;
  onLang: (lang: DocumentLanguage) => void;
  maySave: boolean;
  /** Save it, with the number the preview said. */
  onSave: (number: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ lang: DocumentLanguage; value: PaperPreview } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = preview?.lang === lang ? preview.value : null;
  const showLoading = useDelayedFlag(current === null && error === null, 150);

  // Laid out again for another language (the row stays the same while the dialog is open).
  useEffect(() => {
    let live = true;
    setError(null);
    api
      .paperPreview(requestFor(row, lang))
      .then((value) => live && setPreview({ lang, value }))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `row` is fixed for the dialog's life
  }, [lang, attempt]);

  const images = useMemo(() => current?.pages.map(svgDataUrl) ?? [], [current]);
  const title = paperTitle(t, row.paper);

  return (
    <Dialog title={t('documents.preview.title', { document: title })} onClose={onClose} size="document" testId="paper-preview">
      <div className="paper-preview">
        <div className="paper-preview__bar">
          <div className="paper-preview__facts">
            {row.person && (
              <p>
                <span className="strong">{row.person.name}</span> <span className="muted">· {confidantText(t, row.person)}</span>
              </p>
            )}
            {current ? (
              <p data-testid="paper-preview-number" data-number={current.number}>
                <span className="strong">{t('documents.preview.number', { number: current.number })}</span>{' '}
                <span className="muted">· {t('documents.preview.pages', { count: current.pages.length })}</span>
              </p>
            ) : (
              <p className="muted">{t('documents.preview.notSaved')}</p>
            )}
          </div>
          <DocumentLanguageChoice value={lang} onChange={onLang} label={t('documents.language')} testId="preview-lang" />
        </div>

        {error ? (
          <ErrorMessage error={error} testId="paper-preview-error">
            <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
              {t('common.tryAgain')}
            </button>
          </ErrorMessage>
        ) : current ? (
          <div className="paper-preview__pages" tabIndex={0} aria-label={t('documents.preview.pagesLabel', { document: title })} data-testid="paper-preview-pages">
            {images.map((src, i) => (
              <figure key={i} className="paper-page">
                <img src={src} alt={t('documents.preview.page', { page: i + 1, count: images.length })} data-testid="paper-preview-page" />
                <figcaption className="paper-page__number">{t('documents.preview.page', { page: i + 1, count: images.length })}</figcaption>
              </figure>
            ))}
          </div>
        ) : (
          <div className="paper-preview__pages paper-preview__pages--loading">
            {showLoading && <LoadingBlock label={t('documents.preview.loading')} />}
          </div>
        )}

        <div className="actions actions--end paper-preview__actions">
          {current && <p className="muted small paper-preview__note">{t('documents.preview.note')}</p>}
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.close')}
          </button>
          {maySave && (
            <button
              type="button"
              className="button button--primary"
              disabled={!current}
              onClick={() => current && onSave(current.number)}
              data-testid="paper-preview-save"
            >
              <FileDown size={18} aria-hidden="true" />
              {t('documents.actions.save')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

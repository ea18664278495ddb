import { FileDown } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../documents/documents.css';
import { toApiError, type ApiError, type DocumentLanguage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { svgDataUrl } from '../../lib/papers';
import { DocumentLanguageChoice } from '../documents/DocumentLanguageChoice';

/**
 * A document of the clocks (the answer to an access request, the notice of a breach) as it would
 * be saved now, page by page, in Kazakh or Russian: the core lays it out and sends each page as
 * SVG, shown as an image (nothing in it can run). Nothing is written; Save opens the save dialog.
 */
export function PagesPreviewDialog({
  title,
  facts,
  lang,
  onLang,
  load,
  maySave,
  onSave,
  onClose,
  testId,
}: {
  title: string;
  /** What the document is about, above the pages. */
  facts: React.ReactNode;
  lang: DocumentLanguage;
  onLang: (lang: DocumentLanguage) => void;
  /** The pages in a language. */
  load: (lang: DocumentLanguage) => Promise<string[]>;
  maySave: boolean;
  onSave: () => void;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<{ lang: DocumentLanguage; svg: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = pages?.lang === lang ? pages.svg : null;
  const showLoading = useDelayedFlag(current === null && error === null, 150);

  useEffect(() => {
    let live = true;
    setError(null);
    load(lang)
      .then((svg) => live && setPages({ lang, svg }))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is fixed for the dialog's life
  }, [lang, attempt]);

  const images = useMemo(() => current?.map(svgDataUrl) ?? [], [current]);

  return (
    <Dialog title={title} onClose={onClose} size="document" testId={testId}>
      <div className="paper-preview">
        <div className="paper-preview__bar">
          <div className="paper-preview__facts">
            {facts}
            {current ? (
              <p className="muted" data-testid={`${testId}-count`} data-pages={current.length}>
                {t('documents.preview.pages', { count: current.length })}
              </p>
            ) : (
              <p className="muted">{t('documents.preview.notSaved')}</p>
            )}
          </div>
          <DocumentLanguageChoice value={lang} onChange={onLang} label={t('documents.language')} testId={`${testId}-lang`} />
        </div>

        {error ? (
          <ErrorMessage error={error} testId={`${testId}-error`}>
            <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
              {t('common.tryAgain')}
            </button>
          </ErrorMessage>
        ) : current ? (
          <div className="paper-preview__pages" tabIndex={0} aria-label={t('documents.preview.pagesLabel', { document: title })} data-testid={`${testId}-pages`}>
            {images.map((src, i) => (
              <figure key={i} className="paper-page">
                <img src={src} alt={t('documents.preview.page', { page: i + 1, count: images.length })} data-testid={`${testId}-page`} />
                <figcaption className="paper-page__number">{t('documents.preview.page', { page: i + 1, count: images.length })}</figcaption>
              </figure>
            ))}
          </div>
        ) : (
          <div className="paper-preview__pages paper-preview__pages--loading">{showLoading && <LoadingBlock label={t('documents.preview.loading')} />}</div>
        )}

        <div className="actions actions--end paper-preview__actions">
          {current && <p className="muted small paper-preview__note">{t('documents.preview.note')}</p>}
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('common.close')}
          </button>
          {maySave && (
            <button type="button" className="button button--primary" disabled={!current} onClick={onSave} data-testid={`${testId}-save`}>
              <FileDown size={18} aria-hidden="true" />
              {t('documents.actions.save')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

import { CircleCheck, FolderArchive, Inbox, PackageCheck, Settings, ShieldAlert, TriangleAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './documents.css';
import { api, toApiError, type ApiError, type DocumentLanguage, type PackMissing, type PackSummary } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { Path } from '../../components/Path';
import { SaveDialog } from '../../components/SaveDialog';
import { Spinner } from '../../components/Spinner';
import { megabytes } from '../../lib/backup';
import { formatDateTime } from '../../lib/format';
import { useUiLanguage } from '../../lib/register';
import { coreText } from '../../lib/words';
import { DocumentLanguageChoice } from './DocumentLanguageChoice';
import { SaveFacts } from './SaveFacts';

/** What is missing because of Settings → Organisation: the result links there. */
const IN_SETTINGS = new Set<PackMissing>([
  'org_name_missing',
  'org_bin_missing',
  'org_address_missing',
  'responsible_missing',
  'responsible_contacts_missing',
  'head_missing',
]);

const PAPER_KINDS = new Set(['policy', 'inventory', 'order', 'retention', 'undertaking']);

/**
 * The compliance pack: one ZIP for an inspector with every paper, the acts, the consents, the
 * transfers and the journal with its check, and an index of what is in it and what is missing.
 * Made by the responsible person (change_settings and export_rows: it lists people by name);
 * scans of signed consent forms go in only when asked for. Afterwards the card says how many
 * files it holds and, in the app's language, what an inspector will not find.
 */
export function PackCard({ mayPack, onProduced }: { mayPack: boolean; onProduced: () => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [lang, setLang] = useState<DocumentLanguage>('kk');
  const [scans, setScans] = useState(false);
  const [naming, setNaming] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<{ summary: PackSummary; path: string } | null>(null);

  const start = async () => {
    setNaming(true);
    setError(null);
    try {
      setFileName(await api.packFileName());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setNaming(false);
    }
  };

  return (
    <section className="card card--panel pack-card" aria-labelledby={`${id}-title`} data-testid="pack-card">
      <header className="card__header">
        <span className="card__icon" aria-hidden="true">
          <FolderArchive size={20} />
        </span>
        <h2 id={`${id}-title`} className="card__title">
          {t('documents.pack.title')}
        </h2>
      </header>
      <p className="muted pack-card__text">{t('documents.pack.text')}</p>

      {mayPack ? (
        <div className="pack-form">
          <DocumentLanguageChoice value={lang} onChange={setLang} label={t('documents.pack.language')} testId="pack-lang" />
          <label className="checkbox pack-form__scans">
            <input type="checkbox" checked={scans} onChange={(e) => setScans(e.target.checked)} data-testid="pack-scans" />
            <span>
              {t('documents.pack.scans')}
              <span className="field__hint pack-form__hint">{t('documents.pack.scansHint')}</span>
            </span>
          </label>
          <div className="pack-form__make">
            <button type="button" className="button button--primary" onClick={() => void start()} disabled={naming} aria-busy={naming} data-testid="pack-make">
              {naming ? <Spinner /> : <PackageCheck size={18} aria-hidden="true" />}
              {t('documents.pack.make')}
            </button>
          </div>
          {error && <ErrorMessage error={error} testId="pack-error" />}
        </div>
      ) : (
        <OnlyResponsible text={t('onlyResponsible.documents')} testId="pack-readonly" />
      )}

      {result && <PackResult summary={result.summary} path={result.path} />}

      {fileName !== null && (
        <SaveDialog
          title={t('documents.pack.saveTitle')}
          lead={
            <SaveFacts
              facts={[
                [t('documents.pack.language'), t(`language.names.${lang}`)],
                [t('documents.pack.scansFact'), t(scans ? 'documents.pack.scansIncluded' : 'documents.pack.scansLeftOut')],
              ]}
              note={t('documents.pack.saveLead')}
            />
          }
          lang={lang}
          hint={t('documents.pack.saveHint')}
          submitLabel={t('documents.pack.submit')}
          busyLabel={t('documents.pack.writing')}
          suggestName={() => fileName}
          onSave={async (path, l, ifExists) => {
            const summary = await api.packSave(l, path, ifExists, scans);
            setResult({ summary, path });
            // The pack made new papers where none was up to date.
            onProduced();
            return { path, toast: t('documents.pack.saved', { number: summary.number, path }) };
          }}
          onClose={() => setFileName(null)}
        />
      )}
    </section>
  );
}

/** What the pack holds and what it lacks, each missing item a sentence in the app's language. */
function PackResult({ summary, path }: { summary: PackSummary; path: string }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  // The index is a file of the pack too.
  const files = summary.entries.length + 1;
  const newPapers = summary.entries.filter((e) => PAPER_KINDS.has(e.what) && e.state === 'new').length;
  const toSettings = summary.missing.some((m) => IN_SETTINGS.has(m));
  return (
    <div className="pack-result" data-testid="pack-result" data-files={files} data-journal-ok={summary.journalOk}>
      <div className="notice notice--success pack-result__done" role="status">
        <CircleCheck size={20} aria-hidden="true" />
        <div>
          <p className="strong" data-testid="pack-result-title">
            {t('documents.pack.resultTitle', { number: summary.number })}
          </p>
          <p data-testid="pack-result-files">
            {t('documents.pack.files', { count: files })} · {t('backup.sizeMb', { size: megabytes(summary.size, lang) })} · {formatDateTime(summary.producedAt)}
          </p>
          <Path path={path} />
        </div>
      </div>
      {newPapers > 0 && (
        <p className="notice notice--info small" data-testid="pack-new-papers">
          <FolderArchive size={16} aria-hidden="true" />
          <span>{t('documents.pack.newPapers', { count: newPapers })}</span>
        </p>
      )}
      {!summary.journalOk && (
        <div className="notice notice--warning" role="alert" data-testid="pack-journal-broken">
          <TriangleAlert size={20} aria-hidden="true" />
          <p>{t('documents.pack.journalBroken')}</p>
        </div>
      )}
      <h3 className="pack-result__heading">{t('documents.pack.missingTitle')}</h3>
      {summary.missing.length === 0 ? (
        <p className="muted" data-testid="pack-nothing-missing">
          {t('documents.pack.nothingMissing')}
        </p>
      ) : (
        <ul className="pack-missing" data-testid="pack-missing">
          {summary.missing.map((key) => (
            <li key={key} data-key={key} data-testid="pack-missing-item">
              {coreText(`pack-missing-${key}`)}
            </li>
          ))}
        </ul>
      )}
      {summary.missing.includes('requests_overdue_missing') && (
        <a className="link with-icon pack-result__settings" href="#/requests" data-testid="pack-open-requests">
          <Inbox size={16} aria-hidden="true" />
          {t('documents.pack.openRequests')}
        </a>
      )}
      {summary.missing.includes('breach_notice_missing') && (
        <a className="link with-icon pack-result__settings" href="#/breaches" data-testid="pack-open-breaches">
          <ShieldAlert size={16} aria-hidden="true" />
          {t('documents.pack.openBreaches')}
        </a>
      )}
      {toSettings && (
        <a className="link with-icon pack-result__settings" href="#/settings" data-testid="pack-open-settings">
          <Settings size={16} aria-hidden="true" />
          {t('documents.pack.openSettings')}
        </a>
      )}
    </div>
  );
}

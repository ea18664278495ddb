import { Eye, FileDown, FileSignature, FileText, UsersRound } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './documents.css';
import { api, toApiError, type ApiError, type DocumentLanguage, type PaperRow } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { SaveDialog } from '../../components/SaveDialog';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { confidantText, madeText, nextNumber, paperFileName, paperTitle, requestFor, rowKey } from '../../lib/papers';
import { peoplePath } from '../../lib/route';
import { DocumentLanguageChoice } from './DocumentLanguageChoice';
import { PackCard } from './PackCard';
import { PaperPreviewDialog } from './PaperPreviewDialog';
import { SaveFacts } from './SaveFacts';

/** A paper being saved: its row, and the number when a preview said it. */
interface Saving {
  row: PaperRow;
  number: number | null;
}

/**
 * Documents: the papers an inspector asks for (the policy, the data inventory, the order
 * appointing the responsible person, the retention schedule, and a confidentiality undertaking
 * for each person who sees the data), each with where it stands, a preview and Save as PDF; and
 * the compliance pack. The documents are in Kazakh or Russian whatever the app's language.
 * Producing papers needs change_settings, the pack also export_rows; everyone may look.
 */
export function DocumentsScreen() {
  const { t } = useTranslation();
  const can = useCan();
  const mayProduce = can('change_settings');
  const mayPack = mayProduce && can('export_rows');
  const [rows, setRows] = useState<PaperRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lang, setLang] = useState<DocumentLanguage>('kk');
  const [previewing, setPreviewing] = useState<PaperRow | null>(null);
  const [saving, setSaving] = useState<Saving | null>(null);
  const showLoading = useDelayedFlag(rows === null && error === null);

  const load = useCallback(() => {
    setError(null);
    api
      .papersList()
      .then(setRows)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const organisation = rows?.filter((r) => r.paper !== 'undertaking') ?? [];
  const undertakings = rows?.filter((r) => r.paper === 'undertaking') ?? [];

  const actions = (row: PaperRow) => {
    const key = rowKey(row).replace(':', '-');
    const title = paperTitle(t, row.paper);
    const who = row.person ? `${title}: ${row.person.name}` : title;
    return (
      <div className="paper-actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setPreviewing(row)}
          aria-label={t('documents.actions.previewLabel', { document: who })}
          data-testid={`paper-preview-${key}`}
        >
          <Eye size={16} aria-hidden="true" />
          {t('documents.actions.preview')}
        </button>
        {mayProduce && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setSaving({ row, number: nextNumber(row) })}
            aria-label={t('documents.actions.saveLabel', { document: who })}
            data-testid={`paper-save-${key}`}
          >
            <FileDown size={16} aria-hidden="true" />
            {t('documents.actions.save')}
          </button>
        )}
      </div>
    );
  };

  return (
    <div className="page page--wide" data-testid="documents-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('documents.title')}</h1>
          <p className="page__lead">{t('documents.lead')}</p>
        </div>
      </header>

      {!mayProduce && <OnlyResponsible text={t('onlyResponsible.documents')} testId="documents-readonly" />}

      {error ? (
        <div className="card card--panel state">
          <ErrorMessage error={error} testId="documents-error" />
          <button type="button" className="button button--secondary" onClick={load}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : rows === null ? (
        showLoading ? <LoadingBlock label={t('documents.loading')} /> : <div className="state state--blank" />
      ) : (
        <>
          <section className="table-card table-card--auto papers-card" aria-labelledby="papers-org-title" data-testid="papers-organisation">
            <header className="papers-card__header">
              <div>
                <h2 id="papers-org-title" className="papers-card__title">
                  {t('documents.org.title')}
                </h2>
                <p className="muted small">{t('documents.languageHint')}</p>
              </div>
              <DocumentLanguageChoice value={lang} onChange={setLang} label={t('documents.language')} testId="papers-lang" />
            </header>
            <div className="table-scroll">
              <table className="table papers-table">
                <thead>
                  <tr>
                    <th scope="col">{t('documents.columns.document')}</th>
                    <th scope="col">{t('documents.columns.state')}</th>
                    <th scope="col" className="papers-table__actions-head">
                      <span className="visually-hidden">{t('documents.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {organisation.map((row) => (
                    <tr key={rowKey(row)} data-testid="paper-row" data-paper={row.paper} data-status={row.status}>
                      <td className="papers-table__document">
                        <span className="paper-name">
                          <FileText size={20} aria-hidden="true" className="paper-name__icon" />
                          <span>
                            <span className="paper-name__title">{paperTitle(t, row.paper)}</span>
                            <span className="table__details">{t(`documents.about.${row.paper}`)}</span>
                          </span>
                        </span>
                      </td>
                      <td className="papers-table__state">
                        <PaperState row={row} />
                      </td>
                      <td>{actions(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="table-card table-card--auto papers-card" aria-labelledby="papers-undertakings-title" data-testid="papers-undertakings">
            <header className="papers-card__header papers-card__header--stack">
              <h2 id="papers-undertakings-title" className="papers-card__title">
                {t('documents.undertakings.title')}
              </h2>
              <p className="muted">{t('documents.undertakings.text')}</p>
              <p className="muted small papers-card__how">
                <UsersRound size={16} aria-hidden="true" />
                <span>
                  {t('documents.undertakings.howToAdd')}{' '}
                  <a className="link" href={peoplePath.list()} data-testid="undertakings-open-people">
                    {t('documents.undertakings.openPeople')}
                  </a>
                </span>
              </p>
            </header>
            {undertakings.length === 0 ? (
              <div className="state" data-testid="undertakings-empty">
                <p className="muted">{t('documents.undertakings.empty')}</p>
              </div>
            ) : (
              <div className="table-scroll">
                <table className="table papers-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('documents.columns.person')}</th>
                      <th scope="col">{t('documents.columns.state')}</th>
                      <th scope="col" className="papers-table__actions-head">
                        <span className="visually-hidden">{t('documents.columns.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {undertakings.map((row) => (
                      <tr key={rowKey(row)} data-testid="paper-row" data-paper={row.paper} data-person={row.person?.id} data-status={row.status}>
                        <td className="papers-table__document">
                          {row.person && (
                            <span className="paper-name">
                              <FileSignature size={20} aria-hidden="true" className="paper-name__icon" />
                              <span>
                                {row.person.source === 'register' ? (
                                  <a className="paper-person__name" href={peoplePath.person(row.person.id)}>
                                    {row.person.name}
                                  </a>
                                ) : (
                                  <span className="paper-person__name">{row.person.name}</span>
                                )}
                                <span className="table__details">{confidantText(t, row.person)}</span>
                              </span>
                            </span>
                          )}
                        </td>
                        <td className="papers-table__state">
                          <PaperState row={row} />
                        </td>
                        <td>{actions(row)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <PackCard mayPack={mayPack} onProduced={load} />
        </>
      )}

      {previewing && (
        <PaperPreviewDialog
          row={previewing}
          lang={lang}
          onLang={setLang}
          maySave={mayProduce}
          onSave={(number) => setSaving({ row: previewing, number })}
          onClose={() => setPreviewing(null)}
        />
      )}

      {saving && (
        <SaveDialog
          title={t('documents.save.title')}
          lead={
            <SaveFacts
              facts={[
                [t('documents.columns.document'), saving.number !== null ? `${paperTitle(t, saving.row.paper)} № ${saving.number}` : paperTitle(t, saving.row.paper)],
                ...(saving.row.person ? [[t('documents.columns.person'), saving.row.person.name] as [string, string]] : []),
                [t('save.language'), t(`language.names.${lang}`)],
              ]}
              note={t('documents.save.sign')}
            />
          }
          lang={lang}
          hint={t('documents.save.hint')}
          suggestName={(l) => paperFileName(l, saving.row.paper, saving.number, saving.row.person)}
          onSave={async (path, l, ifExists) => {
            const produced = await api.paperSave(requestFor(saving.row, l), path, ifExists);
            // The preview (if any) said what is now saved.
            setPreviewing(null);
            load();
            return { path, toast: t('documents.save.saved', { document: paperTitle(t, produced.paper), number: produced.number, path }) };
          }}
          onClose={() => setSaving(null)}
        />
      )}
    </div>
  );
}

/** Where a paper stands: never made, up to date (№ and date), or out of date and why. */
function PaperState({ row }: { row: PaperRow }) {
  const { t } = useTranslation();
  const made = madeText(t, row);
  const why = row.outdated.map((r) => t(`documents.state.why.${r}`, { defaultValue: r }));
  return (
    <span className="paper-state" data-testid="paper-state">
      <span
        className={`state-badge${row.status === 'current' ? ' state-badge--active' : row.status === 'outdated' ? ' state-badge--expiring' : ''}`}
        data-testid="paper-status"
      >
        {t(`documents.state.${row.status}`)}
      </span>
      {made && row.last && (
        <span className="paper-state__made" data-testid="paper-made">
          <span className="paper-state__nowrap">{made}</span> · <span className="paper-state__nowrap">{t(`documents.langIn.${row.last.lang}`)}</span>
        </span>
      )}
      {row.status === 'outdated' && why.length > 0 && (
        <span className="paper-state__why" data-testid="paper-why">
          {t('documents.state.whyLine', { reasons: why.join('; ') })}
        </span>
      )}
    </span>
  );
}

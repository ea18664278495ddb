import { CircleCheck, ClipboardList, FileSpreadsheet, FolderOpen, ShieldCheck, TriangleAlert, Users } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './person.css';
import '../consents/consents.css';
import {
  api,
  events,
  toApiError,
  type ApiError,
  type FieldKey,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type Kind,
  type RegisterMeta,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { allowedFields, fieldLabel, kindLabel, problemText, useCount, useUiLanguage } from '../../lib/register';
import { navigate, peoplePath } from '../../lib/route';
import { basisDraft, basisProblemOf, checkBasis, initialBasis, type BasisProblem, type BasisState } from '../../lib/basis';
import { purposeName, useLifecycleMeta } from '../../lib/lifecycle';
import { BasisFields, BasisSummary } from '../basis/BasisFields';
import { ImportSteps } from './ImportSteps';
import { BackLink } from './PersonForm';
import { ServiceImportWizard } from './ServiceImportWizard';

type Step = 'file' | 'columns' | 'basis' | 'report';
const STEPS: Step[] = ['file', 'columns', 'basis', 'report'];
/** What a file holds: people for the register, or the log of services they received. */
export type ImportWhat = 'people' | 'services';
const FULL_NAME = '__full_name__';
/** Rejected rows shown in the report; the count says how many there are in all. */
const MAX_SHOWN = 1000;
const SAMPLES = 3;
const PREVIEW_ROWS = 8;

/**
 * Import from a file: first what the file holds — people (a list, one row per person) or the
 * services they received (a log, one row per visit) — then that import's own steps.
 */
export function ImportWizard({ meta, onImported }: { meta: RegisterMeta; onImported?: () => void }) {
  const [what, setWhat] = useState<ImportWhat | null>(null);
  const [picked, setPicked] = useState<ImportWhat>('people');
  const start = () => setWhat(null);
  if (what === 'people') return <PeopleImportWizard meta={meta} onImported={onImported} onBack={start} />;
  if (what === 'services') return <ServiceImportWizard meta={meta} onImported={onImported} onBack={start} />;
  return <ImportStart picked={picked} onPick={setPicked} onNext={() => setWhat(picked)} />;
}

/** The first step: what is in the file? Its steps follow the choice. */
function ImportStart({ picked, onPick, onNext }: { picked: ImportWhat; onPick: (w: ImportWhat) => void; onNext: () => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const labels =
    picked === 'people'
      ? ['what', ...STEPS].map((s) => t(`import.steps.${s}`))
      : [t('import.steps.what'), t('import.steps.file'), t('import.steps.columns'), t('serviceImport.steps.types'), t('import.steps.report')];
  const choices: { what: ImportWhat; icon: typeof Users }[] = [
    { what: 'people', icon: Users },
    { what: 'services', icon: ClipboardList },
  ];
  return (
    <div className="page page--form" data-testid="import-wizard">
      <BackLink href={peoplePath.list()} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('import.what.title')}</h1>
          <p className="page__lead">{t('import.what.lead')}</p>
        </div>
      </header>
      <ImportSteps labels={labels} current={0} />
      <section className="card card--panel form" aria-labelledby={`${id}-what`}>
        <h2 id={`${id}-what`} className="subtitle" tabIndex={-1} ref={headingRef}>
          {t('import.what.question')}
        </h2>
        <div className="import-what" role="radiogroup" aria-labelledby={`${id}-what`}>
          {choices.map(({ what, icon: Icon }) => (
            <label key={what} className="import-what__choice">
              <input
                type="radio"
                name={`${id}-what`}
                value={what}
                checked={picked === what}
                onChange={() => onPick(what)}
                data-testid={`import-what-${what}`}
              />
              <span className="import-what__icon" aria-hidden="true">
                <Icon size={22} />
              </span>
              <span className="import-what__text">
                <span className="import-what__title">{t(`import.what.${what}`)}</span>
                <span className="import-what__hint">{t(`import.what.${what}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <div className="actions actions--end">
          <button type="button" className="button button--primary" onClick={onNext} data-testid="import-what-next">
            {t('common.next')}
          </button>
        </div>
      </section>
    </div>
  );
}

/**
 * Import people from a CSV or XLSX file: choose the file and the kind, match the columns (the
 * backend guesses), name the batch's basis for processing once (Art. 7(1), 9: paper consents on
 * file, or an Art. 9 ground), check the whole file with a dry run, then import it — all or
 * nothing. The same basis goes with the check and with the import.
 */
function PeopleImportWizard({ meta, onImported, onBack }: { meta: RegisterMeta; onImported?: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [step, setStep] = useState<Step>('file');
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<Kind>(meta.kinds[0] ?? 'beneficiary');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(FieldKey | null)[]>([]);
  const [fullNameColumn, setFullNameColumn] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'choose' | 'preview' | 'check' | 'run' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const showSpinner = useDelayedFlag(busy !== null, 150);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const count = useCount();
  const lang = useUiLanguage();
  const lifecycle = useLifecycleMeta();
  const [basis, setBasis] = useState<BasisState>(() => initialBasis(meta.kinds[0] ?? 'beneficiary'));
  const [basisTouched, setBasisTouched] = useState(false);
  const [basisProblems, setBasisProblems] = useState<BasisProblem[]>([]);
  const purposeOf = (key: string) => purposeName(lifecycle.meta, key, lang);

  useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  const choose = async () => {
    setBusy('choose');
    setError(null);
    try {
      const chosen = await api.chooseImportFile();
      if (chosen) setPath(chosen);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const readFile = async () => {
    setBusy('preview');
    setError(null);
    try {
      const p = await api.importPreview(path.trim());
      setPreview(p);
      // Services come in as a log of their own: a people file's services column is not read.
      setMapping(p.headers.map((_, i) => (p.mapping[i] === 'services' ? null : (p.mapping[i] ?? null))));
      setFullNameColumn(p.fullNameColumn);
      setReport(null);
      setStep('columns');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  /** Until the user touched the basis it follows the kind: employees by Art. 9(10), others by consent. */
  const changeKind = (next: Kind) => {
    setKind(next);
    if (!basisTouched) setBasis(initialBasis(next));
    else setBasis((b) => ({ ...b, consent: { ...b.consent, purposes: [] }, ground: { ...b.ground, purposes: [] } }));
    setBasisProblems([]);
  };

  const check = async () => {
    const missing = checkBasis(basis);
    if (missing.length) {
      setBasisProblems(missing);
      setStep('basis');
      return;
    }
    setBusy('check');
    setError(null);
    setBasisProblems([]);
    try {
      setReport(await api.importRun(path.trim(), kind, mapping, fullNameColumn, true, basisDraft(basis, 'batch')));
      setStep('report');
    } catch (e) {
      const err = toApiError(e);
      const problem = basisProblemOf(t, err);
      if (problem) {
        setBasisProblems([problem]);
        setStep('basis');
      } else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    setBusy('run');
    setError(null);
    setProgress({ done: 0, total: report?.rows ?? preview?.rowCount ?? 0 });
    const unlisten = await events.onImportProgress((p) => setProgress(p));
    try {
      const result = await api.importRun(path.trim(), kind, mapping, fullNameColumn, false, basisDraft(basis, 'batch'));
      if (result.imported) {
        // Let the full bar be seen for a moment, then back to the list with a toast.
        setProgress({ done: result.rows, total: result.rows });
        await new Promise((r) => setTimeout(r, 500));
        toast.success(t('import.done', { count: result.accepted }));
        onImported?.();
        navigate(peoplePath.list());
        return;
      }
      setReport(result);
      setProgress(null);
    } catch (e) {
      setError(toApiError(e));
      setProgress(null);
    } finally {
      unlisten();
      setBusy(null);
    }
  };

  const startOver = () => {
    setStep('file');
    setPreview(null);
    setReport(null);
    setError(null);
  };

  // Services come in as a log of their own (the first step's "Services received").
  const allowed: FieldKey[] = allowedFields(meta, kind).filter((f) => f !== 'services');

  const setColumn = (column: number, value: string) => {
    setReport(null);
    if (value === FULL_NAME) {
      setFullNameColumn(column);
      setMapping((m) => m.map((f, i) => (i === column ? null : f)));
      return;
    }
    if (fullNameColumn === column) setFullNameColumn(null);
    setMapping((m) => m.map((f, i) => (i === column ? ((value || null) as FieldKey | null) : f)));
  };

  const columnValue = (i: number) => (fullNameColumn === i ? FULL_NAME : (mapping[i] ?? ''));
  /** The column the core reads as the day each person first came, while no field takes it. */
  const registeredOn = preview?.registeredOnColumn ?? null;
  const readsRegisteredOn = (i: number) => registeredOn === i && columnValue(i) === '';
  const isIgnored = (i: number) => columnValue(i) === '' && !readsRegisteredOn(i);
  const columnTitle = (i: number) => {
    if (fullNameColumn === i) return t('import.columns.fullName');
    if (readsRegisteredOn(i)) return t('import.columns.registeredOnShort');
    const f = mapping[i];
    return f ? fieldLabel(t, f) : t('import.columns.ignored');
  };

  return (
    <div className="page page--form" data-testid="import-wizard">
      <BackLink href={peoplePath.list()} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('import.title')}</h1>
          <p className="page__lead">{t('import.lead')}</p>
        </div>
      </header>

      <ImportSteps labels={['what', ...STEPS].map((s) => t(`import.steps.${s}`))} current={STEPS.indexOf(step) + 1} />

      {step === 'file' && (
        <section className="card card--panel form" aria-labelledby={`${id}-file`}>
          <h2 id={`${id}-file`} className="subtitle" tabIndex={-1} ref={headingRef}>
            {t('import.file.title')}
          </h2>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-path`}>
              {t('import.file.path')}
            </label>
            <div className="input-row">
              <input
                id={`${id}-path`}
                className="input input--path"
                value={path}
                onChange={(e) => {
                  setPath(e.target.value);
                  setError(null);
                }}
                placeholder={t('import.file.pathPlaceholder')}
                spellCheck={false}
                autoComplete="off"
                data-testid="import-path"
              />
              <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null} data-testid="import-choose">
                <FolderOpen size={18} aria-hidden="true" />
                {t('import.file.choose')}
              </button>
            </div>
            <p className="field__hint">{t('import.file.pathHint')}</p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kind`}>
              {t('import.file.kind')}
            </label>
            <select id={`${id}-kind`} className="input select" value={kind} onChange={(e) => changeKind(e.target.value as Kind)} data-testid="import-kind">
              {meta.kinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('import.file.kindHint')}</p>
          </div>
          <ul className="explain-list">
            <li>{t('import.file.explainCheck')}</li>
            <li>{t('import.file.explainAll')}</li>
            <li>{t('import.file.explainInventory')}</li>
          </ul>
          {error && <ErrorMessage error={error} testId="import-error" />}
          <div className="actions actions--split">
            <button type="button" className="button button--ghost" onClick={onBack} disabled={busy !== null} data-testid="import-back-to-what">
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={path.trim() === '' || busy !== null}
              aria-busy={busy === 'preview'}
              onClick={() => void readFile()}
              data-testid="import-next"
            >
              {busy === 'preview' && showSpinner && <Spinner />}
              {busy === 'preview' ? t('import.reading') : t('common.next')}
            </button>
          </div>
        </section>
      )}

      {step === 'columns' && preview && (
        <>
          <section className="card card--panel" aria-labelledby={`${id}-columns`}>
            <div className="import-file">
              <FileSpreadsheet size={22} aria-hidden="true" />
              <div>
                <Path path={path} className="path" />
                <p className="muted small">
                  {[
                    t('import.columns.rows', { count: preview.rowCount, formatted: count(preview.rowCount) }),
                    preview.format.toUpperCase(),
                    preview.encoding && t('import.columns.encoding', { encoding: preview.encoding }),
                    preview.delimiter && t('import.columns.delimiter', { delimiter: preview.delimiter === '\t' ? 'Tab' : preview.delimiter }),
                    preview.sheet && t('import.columns.sheet', { sheet: preview.sheet }),
                    kindLabel(t, kind),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
            </div>
            <h2 id={`${id}-columns`} className="subtitle" tabIndex={-1} ref={headingRef}>
              {t('import.columns.title')}
            </h2>
            <p className="muted">{t('import.columns.lead')}</p>
            <div className="mapping" role="table" aria-label={t('import.columns.title')}>
              <div className="mapping__row mapping__row--head" role="row">
                <span role="columnheader">{t('import.columns.column')}</span>
                <span role="columnheader">{t('import.columns.samples')}</span>
                <span role="columnheader">{t('import.columns.field')}</span>
              </div>
              {preview.headers.map((header, i) => {
                const guessed = mapping[i];
                const options = [...allowed];
                if (guessed && !options.includes(guessed)) options.push(guessed);
                const samples = preview.rows.slice(0, SAMPLES).map((r) => r[i] ?? '');
                const ignored = isIgnored(i);
                return (
                  <div key={i} className={`mapping__row${ignored ? ' is-ignored' : ''}`} role="row" data-testid="import-column">
                    <span role="cell" className="mapping__header">
                      <span className="mapping__letter">{t('import.columns.columnN', { n: i + 1 })}</span>
                      <span className="strong">{header || t('import.columns.noHeader')}</span>
                    </span>
                    <span role="cell" className="mapping__samples">
                      {samples.map((s, j) => (
                        <span key={j} className="mapping__sample" title={s}>
                          {s || <span className="muted">{t('import.columns.empty')}</span>}
                        </span>
                      ))}
                    </span>
                    <span role="cell">
                      <label className="visually-hidden" htmlFor={`${id}-map-${i}`}>
                        {t('import.columns.mapLabel', { column: header || i + 1 })}
                      </label>
                      <select
                        id={`${id}-map-${i}`}
                        className="input"
                        value={columnValue(i)}
                        onChange={(e) => setColumn(i, e.target.value)}
                        data-testid={`import-map-${i}`}
                      >
                        {/* The core reads this column as "registered on" unless a field takes it. */}
                        <option value="">{registeredOn === i ? t('import.columns.registeredOn') : t('import.columns.ignore')}</option>
                        <option value={FULL_NAME}>{t('import.columns.fullName')}</option>
                        {options.map((f) => (
                          <option key={f} value={f}>
                            {fieldLabel(t, f)}
                            {allowed.includes(f) ? '' : ` (${t('import.columns.notAllowed')})`}
                          </option>
                        ))}
                      </select>
                      {readsRegisteredOn(i) && (
                        <span className="field__hint mapping__note" data-testid="import-registered-on">
                          {t('import.columns.registeredOnHint')}
                        </span>
                      )}
                    </span>
                  </div>
                );
              })}
            </div>
          </section>

          <section className="card card--panel" aria-labelledby={`${id}-preview`}>
            <h2 id={`${id}-preview`} className="form-section__title">
              {t('import.columns.previewTitle')}
            </h2>
            <div className="table-card table-card--auto import-preview">
              <div className="table-scroll">
                <table className="table table--compact" data-testid="import-preview">
                  <thead>
                    <tr>
                      <th scope="col" className="table__num">
                        {t('import.report.row')}
                      </th>
                      {preview.headers.map((h, i) => (
                        <th key={i} scope="col" className={isIgnored(i) ? 'is-ignored' : undefined}>
                          <span className="import-preview__field">{columnTitle(i)}</span>
                          <span className="import-preview__header">{h}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.slice(0, PREVIEW_ROWS).map((row, r) => (
                      <tr key={r}>
                        <td className="table__num">{r + 2}</td>
                        {preview.headers.map((_, i) => (
                          <td key={i} className={isIgnored(i) ? 'is-ignored' : undefined}>
                            {row[i] ?? ''}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>

          {error && <ErrorMessage error={error} testId="import-error" />}
          <div className="form-footer">
            <button type="button" className="button button--ghost" onClick={startOver} disabled={busy !== null}>
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setError(null);
                setStep('basis');
              }}
              disabled={busy !== null}
              data-testid="import-to-basis"
            >
              {t('common.next')}
            </button>
          </div>
        </>
      )}

      {step === 'basis' && (
        <>
          <section className="card card--panel form" aria-labelledby={`${id}-basis`} data-testid="import-basis">
            <h2 id={`${id}-basis`} className="subtitle with-icon" tabIndex={-1} ref={headingRef}>
              <ShieldCheck size={20} aria-hidden="true" />
              {t('import.basis.title')}
            </h2>
            <p className="muted">{t('import.basis.lead', { kind: kindLabel(t, kind).toLowerCase() })}</p>
            {lifecycle.meta ? (
              <BasisFields
                mode="batch"
                kinds={[kind]}
                meta={lifecycle.meta}
                value={basis}
                onChange={(next) => {
                  setBasis(next);
                  setBasisTouched(true);
                  setBasisProblems([]);
                  setReport(null);
                }}
                problems={basisProblems}
                disabled={busy !== null}
              />
            ) : lifecycle.error ? (
              <div className="state">
                <ErrorMessage error={lifecycle.error} />
                <button type="button" className="button button--secondary" onClick={lifecycle.reload}>
                  {t('common.tryAgain')}
                </button>
              </div>
            ) : (
              <LoadingBlock label={t('common.loading')} />
            )}
          </section>
          {error && <ErrorMessage error={error} testId="import-error" />}
          <div className="form-footer">
            <button type="button" className="button button--ghost" onClick={() => setStep('columns')} disabled={busy !== null}>
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void check()}
              disabled={busy !== null || !lifecycle.meta}
              aria-busy={busy === 'check'}
              data-testid="import-dry-run"
            >
              {busy === 'check' && showSpinner && <Spinner />}
              {busy === 'check' ? t('import.checking') : t('import.dryRun')}
            </button>
          </div>
        </>
      )}

      {step === 'report' && report && (
        <section className="card card--panel form" aria-labelledby={`${id}-report`} data-testid="import-report" data-rejected={report.rejected.length}>
          <h2 id={`${id}-report`} className="subtitle" tabIndex={-1} ref={headingRef}>
            {t('import.report.title')}
          </h2>
          <BasisSummary value={basis} mode="batch" meta={lifecycle.meta} testId="import-basis-summary" />
          <dl className="report-figures">
            <div>
              <dt>{t('import.report.rows')}</dt>
              <dd data-testid="import-report-rows">{count(report.rows)}</dd>
            </div>
            <div className="report-figures--ok">
              <dt>{t('import.report.accepted')}</dt>
              <dd data-testid="import-report-accepted">{count(report.accepted)}</dd>
            </div>
            <div className={report.rejected.length ? 'report-figures--bad' : undefined}>
              <dt>{t('import.report.rejected')}</dt>
              <dd data-testid="import-report-rejected">{count(new Set(report.rejected.map((r) => r.row)).size)}</dd>
            </div>
          </dl>

          {report.rejected.length > 0 ? (
            <>
              <div className="notice notice--warning" role="alert">
                <TriangleAlert size={20} aria-hidden="true" />
                <div>
                  <p className="notice__title">{t('import.report.nothingTitle')}</p>
                  <p>{t('import.report.allOrNothing')}</p>
                </div>
              </div>
              <div className="table-card table-card--auto report-table">
                <div className="table-scroll">
                  <table className="table" data-testid="import-rejected">
                    <thead>
                      <tr>
                        <th scope="col" className="table__num">
                          {t('import.report.row')}
                        </th>
                        <th scope="col">{t('import.report.field')}</th>
                        <th scope="col">{t('import.report.problem')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.rejected.slice(0, MAX_SHOWN).map((r, i) => (
                        <tr key={i} data-testid="import-rejected-row" data-row={r.row} data-code={r.code}>
                          <td className="table__num">{r.row}</td>
                          <td>{fieldLabel(t, r.field)}</td>
                          <td>{problemText(t, r, purposeOf)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
              {report.rejected.length > MAX_SHOWN && (
                <p className="muted small">{t('import.report.more', { shown: MAX_SHOWN, total: report.rejected.length })}</p>
              )}
              {error && <ErrorMessage error={error} testId="import-error" />}
              <div className="actions actions--split">
                <button type="button" className="button button--ghost" onClick={() => setStep('columns')}>
                  {t('import.report.backToColumns')}
                </button>
                <div className="actions">
                  <button type="button" className="button button--secondary" onClick={() => void check()} disabled={busy !== null}>
                    {busy === 'check' && showSpinner && <Spinner />}
                    {t('import.report.checkAgain')}
                  </button>
                  <button type="button" className="button button--primary" onClick={startOver} data-testid="import-choose-another">
                    {t('import.report.chooseAnother')}
                  </button>
                </div>
              </div>
            </>
          ) : (
            <>
              <div className="notice notice--info">
                <CircleCheck size={20} aria-hidden="true" className="ok-icon" />
                <p>{t('import.report.ok', { count: report.accepted, formatted: count(report.accepted) })}</p>
              </div>
              {progress && (
                <div className="progress-block">
                  <div
                    className="progress"
                    role="progressbar"
                    aria-label={t('import.running')}
                    aria-valuemin={0}
                    aria-valuemax={progress.total || 1}
                    aria-valuenow={progress.done}
                    data-testid="import-progress"
                  >
                    <span className="progress__bar" style={{ width: `${progress.total ? Math.min(100, (progress.done / progress.total) * 100) : 0}%` }} />
                  </div>
                  <p className="muted small" aria-live="polite">
                    {t('import.progress', { done: count(progress.done), total: count(progress.total) })}
                  </p>
                </div>
              )}
              {error && <ErrorMessage error={error} testId="import-error" />}
              <div className="actions actions--split">
                <button type="button" className="button button--ghost" onClick={() => setStep('basis')} disabled={busy !== null} data-testid="import-back-to-basis">
                  {t('import.report.backToBasis')}
                </button>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void run()}
                  disabled={busy !== null}
                  aria-busy={busy === 'run'}
                  data-testid="import-run"
                >
                  {busy === 'run' && <Spinner />}
                  {busy === 'run' ? t('import.running') : t('import.run', { count: report.accepted, formatted: count(report.accepted) })}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}

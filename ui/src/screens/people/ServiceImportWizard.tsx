import { CircleCheck, CircleDashed, FileSpreadsheet, FolderOpen, Tags, TriangleAlert, UserSearch } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import './person.css';
import {
  api,
  SERVICE_COLUMNS,
  toApiError,
  type ApiError,
  type RegisterMeta,
  type ServiceColumn,
  type ServiceImportPreview,
  type ServiceImportReport,
  type ServiceTypeChoice,
  type ServiceTypeChoices,
  type ServiceTypeInFile,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Path } from '../../components/Path';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { displayDate, fieldLabel, problemText, serviceTypeLabel, useCount } from '../../lib/register';
import { navigate, peoplePath } from '../../lib/route';
import { ImportSteps } from './ImportSteps';
import { BackLink } from './PersonForm';

type Step = 'file' | 'columns' | 'types' | 'report';
const STEPS: Step[] = ['file', 'columns', 'types', 'report'];
/** Rejected rows shown; the count says how many there are in all. */
const MAX_SHOWN = 1000;
const SAMPLES = 3;
const PREVIEW_ROWS = 8;
const AS_WRITTEN = 'asWritten';

/** A column's role in words. */
export function serviceColumnLabel(t: TFunction, role: string): string {
  switch (role) {
    case 'number':
    case 'date':
    case 'service_type':
      return t(`serviceImport.columns.roles.${role}`);
    case 'full_name':
      return t('import.columns.fullName');
    case 'person':
      return t('fields.subject');
    default:
      return fieldLabel(t, role);
  }
}

const choiceValue = (c: ServiceTypeChoice | null | undefined) => (!c ? '' : c.as === 'asWritten' ? AS_WRITTEN : `standard:${c.key}`);
const choiceOf = (value: string): ServiceTypeChoice | null =>
  value === AS_WRITTEN ? { as: 'asWritten' } : value.startsWith('standard:') ? { as: 'standard', key: value.slice('standard:'.length) } : null;

/** Which of the columns the check needs are mapped: the day, the service, and who received it. */
export function serviceMappingNeeds(mapping: (ServiceColumn | null)[]) {
  const has = (r: ServiceColumn) => mapping.includes(r);
  const named = (has('surname') && has('name')) || has('full_name');
  return {
    person: has('iin') || has('number') || (named && has('birth_date')),
    date: has('date'),
    serviceType: has('service_type'),
  };
}

/**
 * Import the log of services an NGO kept before Derbes (one row per visit): choose the file,
 * match its columns (the backend guesses), check it — which lists every service type the file
 * names — confirm once what each unknown type is, see every refused row with its reason, then
 * import it, all or nothing. Each row names a person already in the register by IIN, Derbes
 * number, or surname + name + birth date; the backend finds them and decides every rule.
 */
export function ServiceImportWizard({ meta, onImported, onBack }: { meta: RegisterMeta; onImported?: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [step, setStep] = useState<Step>('file');
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<ServiceImportPreview | null>(null);
  const [mapping, setMapping] = useState<(ServiceColumn | null)[]>([]);
  const [choices, setChoices] = useState<ServiceTypeChoices>({});
  const [report, setReport] = useState<ServiceImportReport | null>(null);
  const [done, setDone] = useState<ServiceImportReport | null>(null);
  const [busy, setBusy] = useState<'choose' | 'preview' | 'check' | 'run' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy !== null, 150);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Only the latest check may fill the report: choices can change faster than the file is read.
  const checks = useRef(0);
  const count = useCount();

  useEffect(() => {
    headingRef.current?.focus();
  }, [step, done]);

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
      const p = await api.serviceImportPreview(path.trim());
      setPreview(p);
      setMapping(p.headers.map((_, i) => p.mapping[i] ?? null));
      setChoices({});
      setReport(null);
      setStep('columns');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  /** A dry run under the current mapping and `withChoices`; on success, go to `next`. */
  const check = async (withChoices: ServiceTypeChoices, next?: Step) => {
    const mine = ++checks.current;
    setBusy('check');
    setError(null);
    try {
      const result = await api.serviceImportRun(path.trim(), mapping, withChoices, true);
      if (mine !== checks.current) return;
      setReport(result);
      if (next) setStep(next);
    } catch (e) {
      if (mine === checks.current) setError(toApiError(e));
    } finally {
      if (mine === checks.current) setBusy(null);
    }
  };

  const pick = (value: string, choice: ServiceTypeChoice | null) => {
    const next = { ...choices };
    if (choice) next[value] = choice;
    else delete next[value];
    setChoices(next);
    void check(next);
  };

  const run = async () => {
    setBusy('run');
    setError(null);
    try {
      const result = await api.serviceImportRun(path.trim(), mapping, choices, false);
      if (result.imported) {
        setDone(result);
        onImported?.();
      } else {
        // The file changed since the check: show what is wrong with it now.
        setReport(result);
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const startOver = () => {
    setStep('file');
    setPreview(null);
    setReport(null);
    setChoices({});
    setDone(null);
    setError(null);
  };

  const setColumn = (column: number, value: string) => {
    setReport(null);
    setMapping((m) => m.map((r, i) => (i === column ? ((value || null) as ServiceColumn | null) : r)));
  };

  const typeChoice = (type: ServiceTypeInFile) => choices[type.value] ?? type.chosen;
  const undecided = report ? report.types.filter((type) => !typeChoice(type)).length : 0;
  const needs = serviceMappingNeeds(mapping);
  const mappingReady = needs.person && needs.date && needs.serviceType;
  const labels = [t('import.steps.what'), t('import.steps.file'), t('import.steps.columns'), t('serviceImport.steps.types'), t('import.steps.report')];
  const rejectedRows = report ? new Set(report.rejected.map((r) => r.row)).size : 0;
  const period = (r: ServiceImportReport) =>
    r.firstDay && r.lastDay ? (r.firstDay === r.lastDay ? displayDate(r.firstDay) : `${displayDate(r.firstDay)}–${displayDate(r.lastDay)}`) : '';
  const summary = (r: ServiceImportReport) =>
    t('serviceImport.report.summary', {
      services: t('serviceImport.report.services', { count: r.accepted, formatted: count(r.accepted) }),
      people: t('serviceImport.report.people', { count: r.people, formatted: count(r.people) }),
      period: period(r),
    });

  return (
    <div className="page page--form" data-testid="service-import-wizard">
      <BackLink href={peoplePath.list()} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('serviceImport.title')}</h1>
          <p className="page__lead">{t('serviceImport.lead')}</p>
        </div>
      </header>

      <ImportSteps labels={labels} current={done ? labels.length : STEPS.indexOf(step) + 1} />

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
                placeholder={t('serviceImport.file.pathPlaceholder')}
                spellCheck={false}
                autoComplete="off"
                data-testid="service-import-path"
              />
              <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy !== null} data-testid="service-import-choose">
                <FolderOpen size={18} aria-hidden="true" />
                {t('import.file.choose')}
              </button>
            </div>
            <p className="field__hint">{t('import.file.pathHint')}</p>
          </div>
          <ul className="explain-list">
            <li>{t('serviceImport.file.explainRows')}</li>
            <li>{t('serviceImport.file.explainFind')}</li>
            <li>{t('import.file.explainCheck')}</li>
            <li>{t('import.file.explainAll')}</li>
            <li>{t('serviceImport.file.explainTwice')}</li>
          </ul>
          {error && <ErrorMessage error={error} testId="service-import-error" />}
          <div className="actions actions--split">
            <button type="button" className="button button--ghost" onClick={onBack} disabled={busy !== null} data-testid="service-import-back-to-what">
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={path.trim() === '' || busy !== null}
              aria-busy={busy === 'preview'}
              onClick={() => void readFile()}
              data-testid="service-import-next"
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

            <div className="notice notice--info service-find">
              <UserSearch size={20} aria-hidden="true" />
              <div>
                <p className="notice__title">{t('serviceImport.columns.findTitle')}</p>
                <ol className="service-find__list">
                  <li>{t('serviceImport.columns.findIin')}</li>
                  <li>{t('serviceImport.columns.findNumber')}</li>
                  <li>{t('serviceImport.columns.findName')}</li>
                </ol>
                <p className="muted small">{t('serviceImport.columns.findNobodyNew')}</p>
              </div>
            </div>

            <div className="mapping" role="table" aria-label={t('import.columns.title')}>
              <div className="mapping__row mapping__row--head" role="row">
                <span role="columnheader">{t('import.columns.column')}</span>
                <span role="columnheader">{t('import.columns.samples')}</span>
                <span role="columnheader">{t('serviceImport.columns.role')}</span>
              </div>
              {preview.headers.map((header, i) => {
                const samples = preview.rows.slice(0, SAMPLES).map((r) => r[i] ?? '');
                const ignored = !mapping[i];
                return (
                  <div key={i} className={`mapping__row${ignored ? ' is-ignored' : ''}`} role="row" data-testid="service-import-column">
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
                        {t('serviceImport.columns.mapLabel', { column: header || i + 1 })}
                      </label>
                      <select
                        id={`${id}-map-${i}`}
                        className="input"
                        value={mapping[i] ?? ''}
                        onChange={(e) => setColumn(i, e.target.value)}
                        data-testid={`service-import-map-${i}`}
                      >
                        <option value="">{t('import.columns.ignore')}</option>
                        {SERVICE_COLUMNS.map((r) => (
                          <option key={r} value={r}>
                            {serviceColumnLabel(t, r)}
                          </option>
                        ))}
                      </select>
                    </span>
                  </div>
                );
              })}
            </div>

            <div className="service-needs" data-testid="service-import-needs">
              <p className="field__label">{t('serviceImport.columns.needTitle')}</p>
              <ul>
                {(['person', 'date', 'serviceType'] as const).map((k) => (
                  <li key={k} className={needs[k] ? 'is-met' : 'is-missing'} data-met={needs[k]}>
                    {needs[k] ? <CircleCheck size={18} aria-hidden="true" /> : <CircleDashed size={18} aria-hidden="true" />}
                    <span>{t(`serviceImport.columns.need.${k}`)}</span>
                  </li>
                ))}
              </ul>
              {!mappingReady && <p className="muted small">{t('serviceImport.columns.needMissing')}</p>}
            </div>
          </section>

          <section className="card card--panel" aria-labelledby={`${id}-preview`}>
            <h2 id={`${id}-preview`} className="form-section__title">
              {t('import.columns.previewTitle')}
            </h2>
            <div className="table-card table-card--auto import-preview">
              <div className="table-scroll">
                <table className="table table--compact" data-testid="service-import-preview">
                  <thead>
                    <tr>
                      <th scope="col" className="table__num">
                        {t('import.report.row')}
                      </th>
                      {preview.headers.map((h, i) => (
                        <th key={i} scope="col" className={mapping[i] ? undefined : 'is-ignored'}>
                          <span className="import-preview__field">{mapping[i] ? serviceColumnLabel(t, mapping[i]) : t('import.columns.ignored')}</span>
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
                          <td key={i} className={mapping[i] ? undefined : 'is-ignored'}>
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

          {error && <ErrorMessage error={error} testId="service-import-error" />}
          <div className="form-footer">
            <button type="button" className="button button--ghost" onClick={startOver} disabled={busy !== null}>
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void check(choices, 'types')}
              disabled={busy !== null || !mappingReady}
              aria-busy={busy === 'check'}
              data-testid="service-import-check"
            >
              {busy === 'check' && showSpinner && <Spinner />}
              {busy === 'check' ? t('import.checking') : t('import.dryRun')}
            </button>
          </div>
        </>
      )}

      {step === 'types' && report && (
        <>
          <section className="card card--panel" aria-labelledby={`${id}-types`} data-testid="service-import-types" data-undecided={undecided}>
            <h2 id={`${id}-types`} className="subtitle with-icon" tabIndex={-1} ref={headingRef}>
              <Tags size={20} aria-hidden="true" />
              {t('serviceImport.types.title')}
            </h2>
            <p className="muted">{t('serviceImport.types.lead')}</p>
            {report.types.length === 0 ? (
              <div className="notice notice--warning">
                <TriangleAlert size={20} aria-hidden="true" />
                <p>{t('serviceImport.types.none')}</p>
              </div>
            ) : (
              <div className="table-card table-card--auto service-types">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('serviceImport.types.value')}</th>
                      <th scope="col" className="table__num">
                        {t('serviceImport.types.rows')}
                      </th>
                      <th scope="col">{t('serviceImport.types.as')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.types.map((type, i) => {
                      const chosen = typeChoice(type);
                      const recognisedKept = type.recognised !== null && chosen?.as === 'standard' && chosen.key === type.recognised;
                      return (
                        <tr
                          key={type.value}
                          className={chosen ? undefined : 'is-undecided'}
                          data-testid="service-type-row"
                          data-value={type.value}
                          data-chosen={choiceValue(chosen)}
                        >
                          <td className="service-types__value">{type.value}</td>
                          <td className="table__num">{count(type.rows)}</td>
                          <td>
                            <div className="service-types__choice">
                              <label className="visually-hidden" htmlFor={`${id}-type-${i}`}>
                                {t('serviceImport.types.selectLabel', { value: type.value })}
                              </label>
                              <select
                                id={`${id}-type-${i}`}
                                className="input select"
                                value={choiceValue(chosen)}
                                onChange={(e) => pick(type.value, choiceOf(e.target.value))}
                                aria-describedby={`${id}-type-${i}-state`}
                                data-testid={`service-type-choice-${i}`}
                              >
                                {!chosen && <option value="">{t('serviceImport.types.choose')}</option>}
                                <optgroup label={t('serviceImport.types.standard')}>
                                  {meta.serviceTypes.map((key) => (
                                    <option key={key} value={`standard:${key}`}>
                                      {serviceTypeLabel(t, key)}
                                    </option>
                                  ))}
                                </optgroup>
                                <option value={AS_WRITTEN}>{t('serviceImport.types.asWritten')}</option>
                              </select>
                              {recognisedKept ? (
                                <span id={`${id}-type-${i}-state`} className="state-badge state-badge--active" data-testid="service-type-recognised">
                                  <CircleCheck size={14} aria-hidden="true" />
                                  {t('serviceImport.types.recognised')}
                                </span>
                              ) : chosen ? (
                                <span id={`${id}-type-${i}-state`} className="state-badge" data-testid="service-type-chosen">
                                  {t('serviceImport.types.yourChoice')}
                                </span>
                              ) : (
                                <span id={`${id}-type-${i}-state`} className="state-badge state-badge--expiring" data-testid="service-type-undecided">
                                  <CircleDashed size={14} aria-hidden="true" />
                                  {t('serviceImport.types.undecided')}
                                </span>
                              )}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <p className={`service-types__status ${undecided ? 'is-missing' : 'is-met'}`} aria-live="polite" data-testid="service-types-status">
              {busy === 'check' && showSpinner ? (
                <>
                  <Spinner /> {t('serviceImport.types.rechecking')}
                </>
              ) : undecided ? (
                <>
                  <CircleDashed size={18} aria-hidden="true" /> {t('serviceImport.types.left', { count: undecided })}
                </>
              ) : report.types.length ? (
                <>
                  <CircleCheck size={18} aria-hidden="true" /> {t('serviceImport.types.allSet')}
                </>
              ) : null}
            </p>
          </section>
          {error && <ErrorMessage error={error} testId="service-import-error" />}
          <div className="form-footer">
            <button type="button" className="button button--ghost" onClick={() => setStep('columns')} disabled={busy !== null}>
              {t('common.back')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setError(null);
                setStep('report');
              }}
              disabled={busy !== null || undecided > 0}
              data-testid="service-import-to-report"
            >
              {t('common.next')}
            </button>
          </div>
        </>
      )}

      {step === 'report' && report && !done && (
        <section className="card card--panel form" aria-labelledby={`${id}-report`} data-testid="service-import-report" data-rejected={report.rejected.length}>
          <h2 id={`${id}-report`} className="subtitle" tabIndex={-1} ref={headingRef}>
            {t('import.report.title')}
          </h2>
          <dl className="report-figures">
            <div>
              <dt>{t('import.report.rows')}</dt>
              <dd data-testid="service-import-rows">{count(report.rows)}</dd>
            </div>
            <div className="report-figures--ok">
              <dt>{t('serviceImport.report.accepted')}</dt>
              <dd data-testid="service-import-accepted">{count(report.accepted)}</dd>
            </div>
            {report.alreadyRecorded > 0 && (
              <div>
                <dt>{t('serviceImport.report.already')}</dt>
                <dd data-testid="service-import-already">{count(report.alreadyRecorded)}</dd>
              </div>
            )}
            <div className={rejectedRows ? 'report-figures--bad' : undefined}>
              <dt>{t('import.report.rejected')}</dt>
              <dd data-testid="service-import-rejected">{count(rejectedRows)}</dd>
            </div>
          </dl>

          {report.accepted > 0 && (
            <div className="service-summary" data-testid="service-import-summary">
              <p className="service-summary__line">{summary(report)}</p>
              {report.alreadyRecorded > 0 && (
                <p className="muted">{t('serviceImport.report.alreadyOnFile', { count: report.alreadyRecorded, formatted: count(report.alreadyRecorded) })}</p>
              )}
              <p className="muted small" data-testid="service-import-matched">
                {t('serviceImport.report.matched', {
                  iin: count(report.matchedBy.iin),
                  number: count(report.matchedBy.number),
                  name: count(report.matchedBy.nameAndBirthDate),
                })}
              </p>
            </div>
          )}

          {report.rejected.length > 0 ? (
            <>
              <div className="notice notice--warning" role="alert">
                <TriangleAlert size={20} aria-hidden="true" />
                <div>
                  <p className="notice__title">{t('import.report.nothingTitle')}</p>
                  <p>{t('serviceImport.report.allOrNothing')}</p>
                </div>
              </div>
              <div className="table-card table-card--auto report-table">
                <div className="table-scroll">
                  <table className="table" data-testid="service-import-rejected-table">
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
                        <tr key={i} data-testid="service-import-rejected-row" data-row={r.row} data-code={r.code}>
                          <td className="table__num">{r.row}</td>
                          <td>{serviceColumnLabel(t, r.field)}</td>
                          <td>{problemText(t, r)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
              {report.rejected.length > MAX_SHOWN && (
                <p className="muted small">{t('import.report.more', { shown: MAX_SHOWN, total: report.rejected.length })}</p>
              )}
              {error && <ErrorMessage error={error} testId="service-import-error" />}
              <div className="actions actions--split">
                <button type="button" className="button button--ghost" onClick={() => setStep('types')} disabled={busy !== null}>
                  {t('serviceImport.report.backToTypes')}
                </button>
                <div className="actions">
                  <button type="button" className="button button--secondary" onClick={() => void check(choices)} disabled={busy !== null} data-testid="service-import-check-again">
                    {busy === 'check' && showSpinner && <Spinner />}
                    {t('import.report.checkAgain')}
                  </button>
                  <button type="button" className="button button--primary" onClick={startOver} data-testid="service-import-choose-another">
                    {t('import.report.chooseAnother')}
                  </button>
                </div>
              </div>
            </>
          ) : (
            <>
              {report.accepted > 0 ? (
                <div className="notice notice--info">
                  <CircleCheck size={20} aria-hidden="true" className="ok-icon" />
                  <p>{t('serviceImport.report.ok')}</p>
                </div>
              ) : (
                <div className="notice notice--info" data-testid="service-import-nothing-new">
                  <CircleCheck size={20} aria-hidden="true" className="ok-icon" />
                  <p>{t('serviceImport.report.nothingNew')}</p>
                </div>
              )}
              {error && <ErrorMessage error={error} testId="service-import-error" />}
              <div className="actions actions--split">
                <button type="button" className="button button--ghost" onClick={() => setStep('types')} disabled={busy !== null}>
                  {t('serviceImport.report.backToTypes')}
                </button>
                {report.accepted > 0 ? (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void run()}
                    disabled={busy !== null}
                    aria-busy={busy === 'run'}
                    data-testid="service-import-run"
                  >
                    {busy === 'run' && <Spinner />}
                    {busy === 'run' ? t('import.running') : t('serviceImport.report.run', { count: report.accepted, formatted: count(report.accepted) })}
                  </button>
                ) : (
                  <button type="button" className="button button--primary" onClick={startOver} data-testid="service-import-choose-another">
                    {t('import.report.chooseAnother')}
                  </button>
                )}
              </div>
            </>
          )}
        </section>
      )}

      {done && (
        <section className="card card--panel form" aria-labelledby={`${id}-done`} data-testid="service-import-done">
          <h2 id={`${id}-done`} className="subtitle" tabIndex={-1} ref={headingRef}>
            {t('serviceImport.done.title')}
          </h2>
          <div className="notice notice--success">
            <CircleCheck size={20} aria-hidden="true" />
            <div>
              <p className="notice__title" data-testid="service-import-done-summary">
                {summary(done)}
              </p>
              <p>{t('serviceImport.done.where')}</p>
              {done.alreadyRecorded > 0 && (
                <p className="muted">{t('serviceImport.done.skipped', { count: done.alreadyRecorded, formatted: count(done.alreadyRecorded) })}</p>
              )}
            </div>
          </div>
          <div className="actions actions--split">
            <button type="button" className="button button--ghost" onClick={onBack} data-testid="service-import-another">
              {t('serviceImport.done.another')}
            </button>
            <button type="button" className="button button--primary" onClick={() => navigate(peoplePath.list())} data-testid="service-import-to-people">
              {t('serviceImport.done.toPeople')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

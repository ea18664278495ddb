import { Play } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { api, toApiError, type ApiError, type Dimension, type Measure, type Report, type ReportSpec, type ReportsMeta } from '../../api';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField } from '../../lib/lifecycle';
import { ageBandsText, dimensionLabel, measureLabel, parseAgeBands, scrollToTop } from '../../lib/reports';
import { useUiLanguage } from '../../lib/register';
import { ExportDialog } from './ExportDialog';
import { FieldError } from './FieldError';
import { ReportView } from './ReportView';
import { ScopeFields, type Scope } from './ScopeFields';

/** The fields of a report this form shows an error next to; any other goes above the Build button. */
const OWN_FIELDS = ['from', 'to', 'by', 'threshold', 'age_bands'];
const SLOTS = [0, 1, 2] as const;

type By = [Dimension | '', Dimension | '', Dimension | ''];

function padBy(by: Dimension[]): By {
  return [by[0] ?? '', by[1] ?? '', by[2] ?? ''];
}

/**
 * The aggregate report: what to count, broken down by what, for whom and when, and the small-cell
 * threshold. Nothing is built until Build is pressed — each build is journaled.
 */
export function ReportBuilder({ meta, onExported }: { meta: ReportsMeta; onExported: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const defaults = meta.report;
  const [scope, setScope] = useState<Scope>({ from: defaults.from, to: defaults.to, kinds: defaults.kinds, programmes: defaults.programmes });
  const [measure, setMeasure] = useState<Measure>(defaults.measure);
  const [by, setBy] = useState<By>(padBy(defaults.by));
  const [bands, setBands] = useState(defaults.ageBands.join(', '));
  const [threshold, setThreshold] = useState(String(defaults.threshold));
  const [built, setBuilt] = useState<{ spec: ReportSpec; report: Report; lang: string } | null>(null);
  const [bandsProblem, setBandsProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);
  const showSpinner = useDelayedFlag(busy, 150);
  const resultRef = useRef<HTMLElement>(null);
  const scrollOnBuild = useRef(false);

  const parsedBands = parseAgeBands(bands);
  const thresholdNumber = Number(threshold.trim());
  const spec: ReportSpec = useMemo(
    () => ({
      from: scope.from,
      to: scope.to,
      measure,
      by: by.filter((d): d is Dimension => d !== ''),
      kinds: scope.kinds,
      programmes: scope.programmes,
      ageBands: parsedBands ?? [],
      threshold: Number.isFinite(thresholdNumber) ? Math.max(0, Math.trunc(thresholdNumber)) : 0,
    }),
    // parsedBands is derived from `bands`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scope, measure, by, bands, thresholdNumber],
  );
  const stale = built !== null && (built.lang !== lang || JSON.stringify(built.spec) !== JSON.stringify(spec));
  const field = errorField(error);
  const generalError = error && !(field && OWN_FIELDS.includes(field)) ? error : null;

  useEffect(() => {
    if (built && scrollOnBuild.current) {
      scrollOnBuild.current = false;
      scrollToTop(resultRef.current);
    }
  }, [built]);

  const change = (fn: () => void) => {
    fn();
    setError(null);
  };

  const chooseMeasure = (m: Measure) =>
    change(() => {
      setMeasure(m);
      // Service type only breaks down services: drop it, and close the gap it leaves.
      if (m !== 'services' && by.includes('service_type')) setBy(padBy(by.filter((d): d is Dimension => d !== '' && d !== 'service_type')));
    });

  const chooseBy = (slot: number, value: Dimension | '') =>
    change(() => {
      const next = [...by] as By;
      next[slot] = value;
      setBy(padBy(next.filter((d): d is Dimension => d !== '')));
    });

  const build = async () => {
    if (parsedBands === null) {
      setBandsProblem(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const report = await api.reportBuild(spec, lang);
      scrollOnBuild.current = true;
      setBuilt({ spec, report, lang });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card card--panel builder" aria-labelledby={`${id}-title`} data-testid="report-builder">
        <header className="builder__header">
          <h2 id={`${id}-title`} className="card__title">
            {t('reports.table.title')}
          </h2>
          <p className="muted">{t('reports.table.lead')}</p>
        </header>
        <form
          className="builder__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void build();
          }}
        >
          <div className="builder__columns">
            <div className="builder__column">
              <fieldset className="fieldset builder__group">
                <legend className="field__label">{t('reports.table.measure')}</legend>
                <div className="radio-cards radio-cards--stack radio-cards--tight" role="radiogroup" aria-label={t('reports.table.measure')}>
                  {meta.measures.map((m) => (
                    <label key={m} className="radio-card radio-card--described">
                      <input
                        type="radio"
                        name={`${id}-measure`}
                        value={m}
                        checked={measure === m}
                        onChange={() => chooseMeasure(m)}
                        data-testid={`report-measure-${m}`}
                      />
                      <span className="radio-card__text">
                        <span className="radio-card__title">{measureLabel(t, m)}</span>
                        <span className="radio-card__hint">{t(`reports.measureHints.${m}`, { defaultValue: '' })}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>

              <fieldset className="fieldset builder__group" aria-describedby={field === 'by' ? `${id}-by-error` : `${id}-by-hint`}>
                <legend className="field__label">{t('reports.table.by')}</legend>
                <div className="by-list">
                  {SLOTS.map((slot) => (
                    <div key={slot} className="by-list__row">
                      <label className="by-list__label" htmlFor={`${id}-by-${slot}`}>
                        {t(`reports.table.slots.${slot}`)}
                      </label>
                      <select
                        id={`${id}-by-${slot}`}
                        className="input select by-list__select"
                        value={by[slot]}
                        disabled={slot > 0 && by[slot - 1] === ''}
                        onChange={(e) => chooseBy(slot, e.target.value as Dimension | '')}
                        aria-invalid={field === 'by' || undefined}
                        data-testid={`report-by-${slot}`}
                      >
                        <option value="">{t('reports.table.none')}</option>
                        {meta.dimensions.map((d) => {
                          const servicesOnly = d === 'service_type' && measure !== 'services';
                          const taken = by.some((x, i) => i !== slot && x === d);
                          return (
                            <option key={d} value={d} disabled={servicesOnly || taken}>
                              {dimensionLabel(t, d)}
                              {servicesOnly ? ` — ${t('reports.table.servicesOnly')}` : ''}
                            </option>
                          );
                        })}
                      </select>
                    </div>
                  ))}
                </div>
                {field === 'by' && error ? (
                  <FieldError id={`${id}-by-error`} error={error} testId="report-by-error" />
                ) : (
                  <p className="field__hint" id={`${id}-by-hint`}>
                    {t('reports.table.byHint')}
                  </p>
                )}
              </fieldset>
            </div>

            <div className="builder__column">
              <ScopeFields
                id={id}
                prefix="report"
                value={scope}
                onChange={(patch) => change(() => setScope((s) => ({ ...s, ...patch })))}
                programmes={meta.programmes}
                error={error}
              />
              <div className="builder__pair">
                <div className="field">
                  <label className="field__label" htmlFor={`${id}-bands`}>
                    {t('reports.table.ageBands')}
                  </label>
                  <input
                    id={`${id}-bands`}
                    className="input"
                    value={bands}
                    onChange={(e) =>
                      change(() => {
                        setBands(e.target.value);
                        setBandsProblem(false);
                      })
                    }
                    inputMode="numeric"
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={field === 'age_bands' || bandsProblem || undefined}
                    aria-describedby={`${id}-bands-hint`}
                    data-testid="report-age-bands"
                  />
                  {bandsProblem ? (
                    <p className="field__error" id={`${id}-bands-hint`} role="alert">
                      {t('reports.table.bandsFormat')}
                    </p>
                  ) : field === 'age_bands' && error ? (
                    <FieldError error={error} id={`${id}-bands-hint`} />
                  ) : (
                    <p className="field__hint" id={`${id}-bands-hint`} data-testid="report-age-bands-text">
                      {parsedBands ? ageBandsText(parsedBands) : t('reports.table.bandsFormat')}
                    </p>
                  )}
                </div>
                <div className="field field--threshold">
                  <label className="field__label" htmlFor={`${id}-threshold`}>
                    {t('reports.table.threshold')}
                  </label>
                  <input
                    id={`${id}-threshold`}
                    className="input input--number"
                    type="number"
                    min={meta.minThreshold}
                    max={100}
                    step={1}
                    value={threshold}
                    onChange={(e) => change(() => setThreshold(e.target.value))}
                    aria-invalid={field === 'threshold' || undefined}
                    aria-describedby={`${id}-threshold-hint`}
                    data-testid="report-threshold"
                  />
                  {field === 'threshold' && error ? (
                    <FieldError error={error} id={`${id}-threshold-hint`} />
                  ) : (
                    <p className="field__hint" id={`${id}-threshold-hint`}>
                      {t('reports.table.thresholdHint', { n: Number.isFinite(thresholdNumber) && thresholdNumber > 0 ? Math.trunc(thresholdNumber) : meta.report.threshold })}
                    </p>
                  )}
                </div>
              </div>
            </div>
          </div>

          {generalError && <FieldError error={generalError} testId="report-error" />}
          <div className="builder__footer">
            <p className="muted small">{t('reports.table.journaled')}</p>
            <div className="builder__buttons">
              <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="report-build">
                {showSpinner ? <Spinner /> : <Play size={16} aria-hidden="true" />}
                {built ? t('reports.table.rebuild') : t('reports.table.build')}
              </button>
            </div>
          </div>
        </form>
      </section>

      {built && (
        <section ref={resultRef} className="result" aria-labelledby={`${id}-result-title`} data-testid="report-result" aria-busy={busy}>
          <ReportView report={built.report} titleId={`${id}-result-title`} stale={stale} onExport={() => setExporting(true)} />
        </section>
      )}

      {exporting && built && (
        <ExportDialog
          kind="report"
          period={built.spec}
          onSave={(format, fileLang, to, path, ifExists) => api.reportExport(built.spec, fileLang, format, to, path, ifExists)}
          onExported={onExported}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}

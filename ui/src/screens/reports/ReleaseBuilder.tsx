import { Play } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { api, toApiError, type ApiError, type Attribute, type Release, type ReleaseSpec, type ReportsMeta, type SensitiveColumn } from '../../api';
import { Spinner } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField } from '../../lib/lifecycle';
import { attributeLabel, scrollToTop } from '../../lib/reports';
import { useUiLanguage } from '../../lib/register';
import { ExportDialog } from './ExportDialog';
import { FieldError } from './FieldError';
import { ReleaseView } from './ReleaseView';
import { ScopeFields, type Scope } from './ScopeFields';

/** Fields this form shows an error next to; any other goes above the Compute button. */
const OWN_FIELDS = ['from', 'to', 'columns', 'k', 'l', 'max_suppressed_percent'];
const SETTINGS_FIELDS = ['k', 'l', 'max_suppressed_percent'];

const whole = (s: string) => {
  const n = Number(s.trim().replace(',', '.'));
  return Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
};

/**
 * The row-level release: which columns go out (each a quasi-identifier), k, an optional sensitive
 * column with l, and how many rows may be left out. The core finds the generalisation; nothing is
 * computed until Compute is pressed — each computation is journaled.
 */
export function ReleaseBuilder({ meta, onExported }: { meta: ReportsMeta; onExported: () => void }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId().replace(/:/g, '');
  const defaults = meta.release;
  const [scope, setScope] = useState<Scope>({ from: defaults.from, to: defaults.to, kinds: defaults.kinds, programmes: defaults.programmes });
  const [columns, setColumns] = useState<Attribute[]>(defaults.columns.length ? defaults.columns : meta.defaultAttributes);
  const [k, setK] = useState(String(defaults.k));
  const [sensitive, setSensitive] = useState<SensitiveColumn | ''>(defaults.sensitive ?? '');
  const [l, setL] = useState(String(defaults.l ?? 2));
  const [maxSuppressed, setMaxSuppressed] = useState(String(defaults.maxSuppressedPercent));
  const [built, setBuilt] = useState<{ spec: ReleaseSpec; release: Release; lang: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);
  const showSpinner = useDelayedFlag(busy, 150);
  const resultRef = useRef<HTMLElement>(null);
  const scrollOnBuild = useRef(false);

  const spec: ReleaseSpec = useMemo(() => {
    const pct = Number(maxSuppressed.trim().replace(',', '.'));
    return {
      from: scope.from,
      to: scope.to,
      kinds: scope.kinds,
      programmes: scope.programmes,
      columns: meta.attributes.filter((a) => columns.includes(a)),
      k: whole(k),
      sensitive: sensitive || null,
      l: sensitive ? whole(l) : null,
      maxSuppressedPercent: Number.isFinite(pct) ? pct : 0,
    };
  }, [scope, columns, k, sensitive, l, maxSuppressed, meta.attributes]);
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

  const build = async () => {
    setBusy(true);
    setError(null);
    try {
      const release = await api.releaseBuild(spec, lang);
      scrollOnBuild.current = true;
      setBuilt({ spec, release, lang });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card card--panel builder" aria-labelledby={`${id}-title`} data-testid="release-builder">
        <header className="builder__header">
          <h2 id={`${id}-title`} className="card__title">
            {t('reports.release.title')}
          </h2>
          <p className="muted">{t('reports.release.lead')}</p>
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
              <fieldset className="fieldset builder__group" aria-describedby={`${id}-columns-hint`}>
                <legend className="field__label">{t('reports.release.columns')}</legend>
                <p className="field__hint" id={`${id}-columns-hint`}>
                  {t('reports.release.columnsHint')}
                </p>
                <div className="column-checks">
                  {meta.attributes.map((a) => (
                    <label key={a} className="checkbox checkbox--compact">
                      <input
                        type="checkbox"
                        checked={columns.includes(a)}
                        onChange={(e) => change(() => setColumns((all) => (e.target.checked ? [...all, a] : all.filter((x) => x !== a))))}
                        data-testid={`release-col-${a}`}
                      />
                      <span>{attributeLabel(t, a)}</span>
                    </label>
                  ))}
                </div>
                {field === 'columns' && error && <FieldError error={error} />}
              </fieldset>

              <fieldset className="fieldset builder__group">
                <legend className="field__label">{t('reports.release.protection')}</legend>
                <div className="settings-grid">
                  <div className="field">
                    <label className="field__label field__label--light" htmlFor={`${id}-k`}>
                      {t('reports.release.k')}
                    </label>
                    <input
                      id={`${id}-k`}
                      className="input input--number"
                      type="number"
                      min={2}
                      max={100}
                      step={1}
                      value={k}
                      onChange={(e) => change(() => setK(e.target.value))}
                      aria-invalid={field === 'k' || undefined}
                      aria-describedby={`${id}-k-hint`}
                      data-testid="release-k"
                    />
                  </div>
                  <div className="field">
                    <label className="field__label field__label--light" htmlFor={`${id}-max`}>
                      {t('reports.release.maxSuppressed')}
                    </label>
                    <div className="input-unit">
                      <input
                        id={`${id}-max`}
                        className="input input--number"
                        type="number"
                        min={0}
                        max={20}
                        step={0.5}
                        value={maxSuppressed}
                        onChange={(e) => change(() => setMaxSuppressed(e.target.value))}
                        aria-invalid={field === 'max_suppressed_percent' || undefined}
                        data-testid="release-max-suppressed"
                      />
                      <span className="input-unit__unit" aria-hidden="true">
                        %
                      </span>
                    </div>
                  </div>
                  <div className="field">
                    <label className="field__label field__label--light" htmlFor={`${id}-sensitive`}>
                      {t('reports.release.sensitive')}
                    </label>
                    <select
                      id={`${id}-sensitive`}
                      className="input select"
                      value={sensitive}
                      onChange={(e) => change(() => setSensitive(e.target.value as SensitiveColumn | ''))}
                      data-testid="release-sensitive"
                    >
                      <option value="">{t('reports.release.noSensitive')}</option>
                      <option value="service_type">{t('reports.release.serviceType')}</option>
                    </select>
                  </div>
                  {sensitive && (
                    <div className="field">
                      <label className="field__label field__label--light" htmlFor={`${id}-l`}>
                        {t('reports.release.l')}
                      </label>
                      <input
                        id={`${id}-l`}
                        className="input input--number"
                        type="number"
                        min={2}
                        max={10}
                        step={1}
                        value={l}
                        onChange={(e) => change(() => setL(e.target.value))}
                        aria-invalid={field === 'l' || undefined}
                        data-testid="release-l"
                      />
                    </div>
                  )}
                </div>
                {field && SETTINGS_FIELDS.includes(field) && error ? (
                  <FieldError error={error} testId="release-settings-error" />
                ) : (
                  <p className="field__hint" id={`${id}-k-hint`}>
                    {sensitive ? t('reports.release.kHintL', { k: whole(k) || 'k', l: whole(l) || 'l' }) : t('reports.release.kHint', { k: whole(k) || 'k' })}
                  </p>
                )}
              </fieldset>
            </div>

            <div className="builder__column">
              <ScopeFields
                id={id}
                prefix="release"
                value={scope}
                onChange={(patch) => change(() => setScope((s) => ({ ...s, ...patch })))}
                programmes={meta.programmes}
                error={error}
              />
            </div>
          </div>

          {generalError && <FieldError error={generalError} testId="release-error" />}
          <div className="builder__footer">
            <p className="muted small">{t('reports.release.journaled')}</p>
            <div className="builder__buttons">
              <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="release-build">
                {showSpinner ? <Spinner /> : <Play size={16} aria-hidden="true" />}
                {built ? t('reports.release.recompute') : t('reports.release.compute')}
              </button>
            </div>
          </div>
        </form>
      </section>

      {built && (
        <section ref={resultRef} className="result" aria-labelledby={`${id}-result-title`} data-testid="release-result" aria-busy={busy}>
          <ReleaseView release={built.release} titleId={`${id}-result-title`} stale={stale} onExport={() => setExporting(true)} />
        </section>
      )}

      {exporting && built && (
        <ExportDialog
          kind="release"
          period={built.spec}
          onSave={(format, fileLang, to, path, ifExists) => api.releaseExport(built.spec, fileLang, format, to, path, ifExists)}
          onExported={onExported}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}

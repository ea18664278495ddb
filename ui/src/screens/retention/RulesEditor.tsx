import { CircleAlert, Plus, Trash2 } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './retention.css';
import { api, toApiError, type Anchor, type ApiError, type Kind, type LifecycleMeta, type RetentionMode, type Rule } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { errorText } from '../../lib/errors';
import { basisLabel, errorField, periodText } from '../../lib/lifecycle';
import { kindLabel, useUiLanguage } from '../../lib/register';

const KINDS: Kind[] = ['beneficiary', 'employee', 'volunteer'];
const MODES: RetentionMode[] = ['period', 'for_life', 'until_purpose'];
const ANCHORS: Anchor[] = ['collection', 'last_service', 'programme_end', 'employment_end', 'consent_end'];

interface Row {
  key: number;
  kind: Kind;
  /** '' for any purpose. */
  purpose: string;
  mode: RetentionMode;
  anchor: Anchor | '';
  length: string;
  unit: 'years' | 'months';
  basis: string;
}

function toRow(rule: Rule, key: number): Row {
  const months = rule.months ?? 0;
  const inYears = months > 0 && months % 12 === 0;
  return {
    key,
    kind: rule.kind,
    purpose: rule.purpose ?? '',
    mode: rule.mode,
    anchor: rule.anchor ?? '',
    length: rule.months === null ? '' : String(inYears ? months / 12 : months),
    unit: inYears || rule.months === null ? 'years' : 'months',
    basis: rule.basis,
  };
}

/** What is sent: the length as typed, in months (the backend checks it). */
function toRule(row: Row): Rule {
  const n = Number(row.length.trim().replace(',', '.'));
  const months = row.mode === 'period' && row.length.trim() !== '' && Number.isFinite(n) ? Math.round(row.unit === 'years' ? n * 12 : n) : null;
  return {
    kind: row.kind,
    purpose: row.purpose || null,
    mode: row.mode,
    anchor: row.mode === 'period' ? (row.anchor || null) : null,
    months,
    basis: row.basis,
  };
}

/** The retention rules as an editable table: kind, purpose, how long and from when, and why. */
export function RulesEditor({ meta }: { meta: LifecycleMeta }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const toast = useToast();
  /** Changing the rules is a setting (change_settings); the others read them. */
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [saved, setSaved] = useState<Rule[] | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  const showLoading = useDelayedFlag(saved === null && loadError === null);
  const anchors = (meta.anchors.length ? meta.anchors : ANCHORS) as Anchor[];

  const reset = (rules: Rule[]) => {
    setSaved(rules);
    setRows(rules.map((r) => toRow(r, nextKey.current++)));
  };

  const load = () => {
    setLoadError(null);
    api
      .retentionRulesGet()
      .then(reset)
      .catch((e) => setLoadError(toApiError(e)));
  };
  useEffect(load, []);

  const dirty = useMemo(() => saved !== null && JSON.stringify(rows.map(toRule)) !== JSON.stringify(saved), [rows, saved]);

  const update = (key: number, patch: Partial<Row>) => {
    setError(null);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const add = () => {
    setError(null);
    setRows((all) => [
      ...all,
      { key: nextKey.current++, kind: 'beneficiary', purpose: '', mode: 'period', anchor: 'last_service', length: '5', unit: 'years', basis: meta.bases[0] ?? 'organisation_policy' },
    ]);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      reset(await api.retentionRulesSet(rows.map(toRule)));
      toast.success(t('retention.rules.saved'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  // A refused rule is named by its number (counted from 1) in the refusal's parameters.
  const badRow = errorField(error) === 'retention_rules' && typeof error?.params.rule === 'number' ? error.params.rule - 1 : -1;

  if (loadError) {
    return (
      <div className="state" data-testid="retention-rules">
        <ErrorMessage error={loadError} />
        <button type="button" className="button button--secondary" onClick={load}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  if (!saved) return <div data-testid="retention-rules">{showLoading && <LoadingBlock label={t('common.loading')} />}</div>;

  const purposesFor = (kind: Kind, current: string) => meta.purposes.filter((p) => p.kinds.includes(kind) || p.key === current);

  return (
    <section className="card card--panel rules" data-testid="retention-rules" aria-labelledby={`${id}-title`}>
      <header className="settings-card__header">
        <h2 id={`${id}-title`} className="card__title">
          {t('retention.rules.title')}
        </h2>
        <p className="muted">{t('retention.rules.lead')}</p>
      </header>
      {!mayChange && <OnlyResponsible text={t('onlyResponsible.rules')} testId="rules-readonly" />}
      {rows.length === 0 ? (
        <div className="state" data-testid="rules-empty">
          <p className="state__title">{t('retention.rules.emptyTitle')}</p>
          <p className="muted">{t('retention.rules.emptyText')}</p>
        </div>
      ) : (
        <fieldset className="fieldset" disabled={!mayChange}>
          <ol className="rule-list" data-testid="rules-table" aria-label={t('retention.rules.title')}>
            {rows.map((r, i) => {
              const n = i + 1;
              const fid = (what: string) => `${id}-${r.key}-${what}`;
              const period = r.mode === 'period';
              const rule = toRule(r);
              const words = `${rule.purpose ? (meta.purposes.find((p) => p.key === rule.purpose)?.names[lang] ?? rule.purpose) : t('retention.anyPurpose')} · ${
                rule.mode === 'period' && !rule.months ? '—' : periodText(t, rule)
              } (${basisLabel(t, rule.basis)})`;
              return (
                <li key={r.key} className={`rule-card${badRow === i ? ' is-invalid' : ''}`} data-testid="rule-row" aria-invalid={badRow === i || undefined}>
                  <div className="rule-card__head">
                    <span className="rule-card__n">{t('retention.rules.ruleN', { n })}</span>
                    <span className="rule-card__words" data-testid={`rule-words-${i}`}>
                      {kindLabel(t, rule.kind)} · {words}
                    </span>
                    {mayChange && (
                      <button
                        type="button"
                        className="icon-button rule-card__remove"
                        onClick={() => {
                          setError(null);
                          setRows((all) => all.filter((x) => x.key !== r.key));
                        }}
                        aria-label={t('retention.rules.removeN', { n })}
                        title={t('retention.rules.removeN', { n })}
                        data-testid={`rule-remove-${i}`}
                      >
                        <Trash2 size={17} aria-hidden="true" />
                      </button>
                    )}
                  </div>
                  <div className="rule-card__fields">
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('kind')}>
                        {t('retention.rules.kind')}
                      </label>
                      <select id={fid('kind')} className="input rules__select" value={r.kind} onChange={(e) => update(r.key, { kind: e.target.value as Kind })} data-testid={`rule-kind-${i}`}>
                        {KINDS.map((k) => (
                          <option key={k} value={k}>
                            {kindLabel(t, k)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('purpose')}>
                        {t('retention.rules.purpose')}
                      </label>
                      <select id={fid('purpose')} className="input rules__select" value={r.purpose} onChange={(e) => update(r.key, { purpose: e.target.value })} data-testid={`rule-purpose-${i}`}>
                        <option value="">{t('retention.anyPurpose')}</option>
                        {purposesFor(r.kind, r.purpose).map((p) => (
                          <option key={p.key} value={p.key}>
                            {p.names[lang]}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('mode')}>
                        {t('retention.rules.mode')}
                      </label>
                      <select id={fid('mode')} className="input rules__select" value={r.mode} onChange={(e) => update(r.key, { mode: e.target.value as RetentionMode })} data-testid={`rule-mode-${i}`}>
                        {MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(`retention.modes.${m}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('anchor')}>
                        {t('retention.rules.anchor')}
                      </label>
                      <select
                        id={fid('anchor')}
                        className="input rules__select"
                        value={period ? r.anchor : ''}
                        disabled={!period}
                        onChange={(e) => update(r.key, { anchor: e.target.value as Anchor })}
                        data-testid={`rule-anchor-${i}`}
                      >
                        {(!period || r.anchor === '') && <option value="">—</option>}
                        {anchors.map((a) => (
                          <option key={a} value={a}>
                            {t(`retention.anchors.${a}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('length')}>
                        {t('retention.rules.length')}
                      </label>
                      <span className="rules__length">
                        <input
                          id={fid('length')}
                          className="input rules__number"
                          inputMode="numeric"
                          value={period ? r.length : ''}
                          disabled={!period}
                          onChange={(e) => update(r.key, { length: e.target.value })}
                          data-testid={`rule-length-${i}`}
                        />
                        <select
                          className="input rules__unit"
                          value={r.unit}
                          disabled={!period}
                          aria-label={t('retention.rules.cellLabel', { n, what: t('retention.rules.unit') })}
                          onChange={(e) => update(r.key, { unit: e.target.value as Row['unit'] })}
                          data-testid={`rule-unit-${i}`}
                        >
                          <option value="years">{t('retention.rules.years')}</option>
                          <option value="months">{t('retention.rules.months')}</option>
                        </select>
                      </span>
                    </div>
                    <div className="field">
                      <label className="rule-card__label" htmlFor={fid('basis')}>
                        {t('retention.rules.basis')}
                      </label>
                      <select id={fid('basis')} className="input rules__select" value={r.basis} onChange={(e) => update(r.key, { basis: e.target.value })} data-testid={`rule-basis-${i}`}>
                        {!meta.bases.includes(r.basis) && <option value={r.basis}>{basisLabel(t, r.basis)}</option>}
                        {meta.bases.map((b) => (
                          <option key={b} value={b}>
                            {basisLabel(t, b)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </fieldset>
      )}
      {error &&
        (badRow >= 0 ? (
          <div className="error-message" role="alert" data-testid="rules-error">
            <CircleAlert className="error-message__icon" size={18} aria-hidden="true" />
            <p>{errorText(t, error)}</p>
          </div>
        ) : (
          <ErrorMessage error={error} testId="rules-error" />
        ))}
      {mayChange && (
        <div className="form-footer form-footer--inline">
          <button type="button" className="button button--secondary rules__add" onClick={add} data-testid="rules-add">
            <Plus size={18} aria-hidden="true" />
            {t('retention.rules.add')}
          </button>
          <span className="form-footer__spacer" />
          {dirty && <span className="muted small">{t('retention.rules.unsaved')}</span>}
          <button type="button" className="button button--ghost" disabled={!dirty || busy} onClick={() => reset(saved)}>
            {t('retention.rules.discard')}
          </button>
          <button type="button" className="button button--primary" disabled={!dirty || busy} aria-busy={busy} onClick={() => void save()} data-testid="rules-save">
            {busy && <Spinner />}
            {t('retention.rules.save')}
          </button>
        </div>
      )}
    </section>
  );
}

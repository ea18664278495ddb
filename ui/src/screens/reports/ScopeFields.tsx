import { useTranslation } from 'react-i18next';
import './reports.css';
import type { ApiError, Kind } from '../../api';
import { errorField } from '../../lib/lifecycle';
import { normaliseMonth } from '../../lib/reports';
import { kindLabel } from '../../lib/register';
import { FieldError } from './FieldError';

const KINDS: Kind[] = ['beneficiary', 'employee', 'volunteer'];

export interface Scope {
  from: string;
  to: string;
  kinds: Kind[];
  programmes: string[];
}

/**
 * Who and when a report or a release covers: the period (two months), the kinds of people, and
 * the programmes (none chosen = all). Shared by both builders; `prefix` names the testids.
 */
export function ScopeFields({
  id,
  prefix,
  value,
  onChange,
  programmes,
  error,
}: {
  id: string;
  prefix: 'report' | 'release';
  value: Scope;
  onChange: (patch: Partial<Scope>) => void;
  programmes: string[];
  error: ApiError | null;
}) {
  const { t } = useTranslation();
  const field = errorField(error);

  const toggle = <T,>(list: T[], item: T, on: boolean, order: T[]): T[] =>
    on ? order.filter((x) => x === item || list.includes(x)) : list.filter((x) => x !== item);

  return (
    <>
      <fieldset className="fieldset builder__group" aria-describedby={field === 'from' || field === 'to' ? `${id}-period-error` : undefined}>
        <legend className="field__label">{t('reports.scope.period')}</legend>
        <div className="period">
          <label className="period__part">
            <span className="period__word">{t('reports.scope.from')}</span>
            <input
              type="month"
              className="input input--month"
              value={value.from}
              placeholder="2026-01"
              onChange={(e) => onChange({ from: normaliseMonth(e.target.value) })}
              aria-invalid={field === 'from' || undefined}
              data-testid={`${prefix}-from`}
            />
          </label>
          <label className="period__part">
            <span className="period__word">{t('reports.scope.to')}</span>
            <input
              type="month"
              className="input input--month"
              value={value.to}
              placeholder="2026-12"
              onChange={(e) => onChange({ to: normaliseMonth(e.target.value) })}
              aria-invalid={field === 'to' || undefined}
              data-testid={`${prefix}-to`}
            />
          </label>
        </div>
        {(field === 'from' || field === 'to') && error && <FieldError id={`${id}-period-error`} error={error} />}
      </fieldset>

      <fieldset className="fieldset builder__group">
        <legend className="field__label">{t('reports.scope.kinds')}</legend>
        <div className="toggle-chips">
          {KINDS.map((k) => (
            <label key={k} className="toggle-chip">
              <input
                type="checkbox"
                checked={value.kinds.includes(k)}
                onChange={(e) => onChange({ kinds: toggle(value.kinds, k, e.target.checked, KINDS) })}
                data-testid={`${prefix}-kind-${k}`}
              />
              <span>{kindLabel(t, k)}</span>
            </label>
          ))}
        </div>
        {value.kinds.length === 0 && <p className="field__hint">{t('reports.scope.allKinds')}</p>}
      </fieldset>

      <fieldset className="fieldset builder__group builder__group--wide">
        <legend className="field__label">{t('reports.scope.programmes')}</legend>
        {programmes.length === 0 ? (
          <p className="field__hint">{t('reports.scope.noProgrammes')}</p>
        ) : (
          <>
            <div className="toggle-chips">
              {programmes.map((p, i) => (
                <label key={p} className="toggle-chip">
                  <input
                    type="checkbox"
                    checked={value.programmes.includes(p)}
                    onChange={(e) => onChange({ programmes: toggle(value.programmes, p, e.target.checked, programmes) })}
                    data-testid={`${prefix}-programme-${i}`}
                  />
                  <span>{p}</span>
                </label>
              ))}
            </div>
            <p className="field__hint">{value.programmes.length === 0 ? t('reports.scope.allProgrammes') : t('reports.scope.someProgrammes', { count: value.programmes.length })}</p>
          </>
        )}
      </fieldset>
    </>
  );
}

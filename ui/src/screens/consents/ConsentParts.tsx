import { Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './consents.css';
import type { LifecyclePurpose, Representative } from '../../api';

/**
 * Pieces of a consent shared by the consent wizard (a person already in the register) and the
 * basis section of the "add a person" form, the import and the list of people without a basis:
 * the purposes to tick and the legal representative's three lines.
 */

/** The purposes of the approved inventory offered for a kind of person, as ticks. */
export function PurposeChecks({
  offered,
  chosen,
  onChange,
  lang,
  testIdPrefix,
  disabled,
  describedBy,
}: {
  offered: LifecyclePurpose[];
  chosen: string[];
  onChange: (next: string[]) => void;
  lang: 'kk' | 'ru' | 'en';
  /** `consent-purpose` gives data-testid="consent-purpose-<key>". */
  testIdPrefix: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  if (offered.length === 0) {
    return (
      <p className="notice notice--warning small" data-testid={`${testIdPrefix}-none`}>
        <Info size={16} aria-hidden="true" />
        <span>{t('consent.wizard.noPurposes')}</span>
      </p>
    );
  }
  return (
    <div className="check-list" aria-describedby={describedBy}>
      {offered.map((p) => (
        <label key={p.key} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(p.key)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? [...chosen, p.key] : chosen.filter((k) => k !== p.key))}
            data-testid={`${testIdPrefix}-${p.key}`}
          />
          <span>{p.names[lang]}</span>
        </label>
      ))}
    </div>
  );
}

/** The three lines of a legal representative (a parent, guardian or trustee of a minor). */
export function RepresentativeFields({
  id,
  rep,
  onChange,
  invalid,
  fieldError,
  testIdPrefix,
  disabled,
}: {
  /** Prefix of the inputs' ids. */
  id: string;
  rep: Representative;
  onChange: (next: Representative) => void;
  /** Props marking the input `representative_<k>` invalid, when the backend pointed at it. */
  invalid: (field: string) => Record<string, unknown>;
  /** The backend's sentence under the input `representative_<k>`, if it pointed there. */
  fieldError: (field: string) => React.ReactNode;
  /** `consent-rep` gives data-testid="consent-rep-name" and so on. */
  testIdPrefix: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      {(['name', 'relation', 'document'] as const).map((k) => (
        <div key={k} className={`field${k === 'document' ? ' field--wide' : ''}`}>
          <label className="field__label" htmlFor={`${id}-rep-${k}`}>
            {t(`consent.rep.${k}`)}
          </label>
          <input
            id={`${id}-rep-${k}`}
            className="input"
            value={rep[k]}
            placeholder={t(`consent.rep.${k}Placeholder`)}
            disabled={disabled}
            onChange={(e) => onChange({ ...rep, [k]: e.target.value })}
            {...invalid(`representative_${k}`)}
            autoComplete="off"
            data-testid={`${testIdPrefix}-${k}`}
          />
          {fieldError(`representative_${k}`)}
        </div>
      ))}
    </div>
  );
}

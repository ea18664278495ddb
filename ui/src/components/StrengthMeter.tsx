import { Check, Info } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PasswordAssessment } from '../api';

const LEVEL_CLASS = ['very-weak', 'weak', 'fair', 'good', 'strong'] as const;

/**
 * Shows the backend's verdict on a new password: five segments (red → amber → green), a word for
 * the level, and the problems and suggestions translated from their codes.
 */
export function StrengthMeter({
  assessment,
  pending = false,
  id,
}: {
  assessment: PasswordAssessment | null;
  pending?: boolean;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const score = assessment?.score ?? 0;
  const filled = assessment ? score + 1 : 0;
  const level = LEVEL_CLASS[score] ?? 'very-weak';
  const translate = (group: 'problems' | 'suggestions', code: string) => {
    const key = `strength.${group}.${code}`;
    return i18n.exists(key) ? t(key, { min: assessment?.minLength ?? 10 }) : code;
  };

  return (
    <div
      className={`strength strength--${assessment ? level : 'none'}`}
      data-testid="strength-meter"
      data-score={assessment ? score : ''}
      data-acceptable={assessment ? String(assessment.acceptable) : ''}
      id={id}
      aria-live="polite"
      aria-busy={pending}
    >
      <div
        className="strength__bar"
        role="meter"
        aria-label={t('strength.label')}
        aria-valuemin={0}
        aria-valuemax={5}
        aria-valuenow={filled}
        aria-valuetext={assessment ? t(`strength.levels.${score}`) : t('strength.none')}
      >
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={`strength__segment${i < filled ? ' is-filled' : ''}`} />
        ))}
      </div>
      <div className="strength__summary">
        <span className="strength__level">
          {assessment ? t(`strength.levels.${score}`) : t('strength.none')}
        </span>
        {assessment?.acceptable && (
          <span className="strength__ok">
            <Check size={16} aria-hidden="true" /> {t('strength.acceptable')}
          </span>
        )}
      </div>
      {assessment && (assessment.problems.length > 0 || assessment.suggestions.length > 0) && (
        <ul className="strength__notes">
          {assessment.problems.map((code) => (
            <li key={`p-${code}`} className="strength__problem">
              {translate('problems', code)}
            </li>
          ))}
          {assessment.suggestions.map((code) => (
            <li key={`s-${code}`} className="strength__suggestion">
              <Info size={14} aria-hidden="true" /> {translate('suggestions', code)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

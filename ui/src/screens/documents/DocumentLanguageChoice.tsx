import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage } from '../../api';

const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['kk', 'ru'];

/**
 * Kazakh or Russian, for a document: two radio buttons drawn as one segmented control. The app's
 * own language does not decide it.
 */
export function DocumentLanguageChoice({
  value,
  onChange,
  label,
  disabled,
  testId,
}: {
  value: DocumentLanguage;
  onChange: (lang: DocumentLanguage) => void;
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="doc-lang" data-testid={testId} data-value={value}>
      <legend className="doc-lang__label">{label}</legend>
      <div className="doc-lang__options">
        {DOCUMENT_LANGUAGES.map((l) => (
          <label key={l} className="doc-lang__option" lang={l}>
            <input
              type="radio"
              name={name}
              value={l}
              checked={value === l}
              disabled={disabled}
              onChange={() => onChange(l)}
              data-testid={`${testId}-${l}`}
            />
            <span>{t(`language.names.${l}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

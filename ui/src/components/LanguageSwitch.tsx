import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';

/** ҚАЗ / РУС / ENG — switches the whole UI at once, without a reload, and remembers the choice. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-switch__option"
          aria-pressed={i18n.language === lang}
          title={t(`language.names.${lang}`)}
          data-testid={`lang-${lang}`}
          onClick={() => void setLanguage(lang)}
        >
          {t(`language.short.${lang}`)}
        </button>
      ))}
    </div>
  );
}

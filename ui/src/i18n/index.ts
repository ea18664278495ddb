import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'derbes.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Saved choice, else the system language if it is one of ours, else Russian. */
export function initialLanguage(): Language {
  try {
    // Design preview only: ?lang=kk picks the language for screenshots.
    if (import.meta.env.DEV) {
      const fromQuery = new URLSearchParams(window.location.search).get('lang');
      if (isLanguage(fromQuery)) return fromQuery;
    }
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // localStorage may be unavailable; fall through.
  }
  const system = (typeof navigator !== 'undefined' ? navigator.language : '').slice(0, 2).toLowerCase();
  return isLanguage(system) ? system : 'ru';
}

function applyToDocument(lang: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function setLanguage(lang: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice just is not remembered.
  }
  return i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, kk: { translation: kk }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: false,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export default i18n;

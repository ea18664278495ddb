import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import i18n, { LANGUAGES, isLanguage, type Language } from '../i18n';

/**
 * The core's words — its refusals by code, the problems of a record, the names of the fields
 * they point at — from the same Fluent files the core and the CLI read
 * (crates/core/locales/<lang>/core.ftl). The screens' own texts stay in ../i18n.
 */
const FILES = import.meta.glob<string>('../../../crates/core/locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every file of a language (core.ftl, vault.ftl, register.ftl, …). */
function sources(lang: Language): string[] {
  return Object.entries(FILES)
    .filter(([path]) => path.includes(`/locales/${lang}/`))
    .map(([, text]) => text);
}

/** How many Fluent files each language has (a test checks none is missing). */
export const fileCount = Object.fromEntries(LANGUAGES.map((l) => [l, sources(l).length])) as Record<Language, number>;
const bundles = new Map<Language, FluentBundle>();

function bundle(lang: Language): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    // No isolation marks: the sentences sit in plain text, not in mixed-direction layouts.
    b = new FluentBundle(lang, { useIsolating: false });
    for (const text of sources(lang)) b.addResource(new FluentResource(text));
    bundles.set(lang, b);
  }
  return b;
}

function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'ru';
}

/** Whether the core's files have the message `id`. */
export function hasCoreText(id: string, lang: Language = currentLanguage()): boolean {
  return bundle(lang).getMessage(id)?.value != null;
}

/** The message `id` in the user's language (English, then the id, when it is missing). */
export function coreText(id: string, args: Record<string, FluentVariable> = {}, lang: Language = currentLanguage()): string {
  for (const l of [lang, 'en'] as const) {
    const b = bundle(l);
    const message = b.getMessage(id);
    // A missing argument is reported here rather than thrown; the sentence is still shown.
    if (message?.value) return b.formatPattern(message.value, args, []);
  }
  return id;
}

/** A field's name as the core's sentences say it (its key when unnamed). */
export function coreFieldName(key: string, lang: Language = currentLanguage()): string {
  return hasCoreText(`field-${key}`, lang) || hasCoreText(`field-${key}`, 'en') ? coreText(`field-${key}`, {}, lang) : key;
}

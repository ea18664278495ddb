import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from '@fluent/bundle';
import i18n, { LANGUAGES, isLanguage, type Language } from '../i18n';

/**
 * The core's words — its errors (`error-<code>`), refusals (`reason-<code>`), the problems of a
 * record (`problem-<code>`) and the names of the fields they point at (`field-<key>`) — from the
 * same Fluent files the core and the CLI read (crates/core/locales/<lang>/*.ftl, one per area).
 * The screens' own texts stay in ../i18n.
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

/**
 * Numbers as the core writes them: a record's № 12345 or a row 1200 is not grouped into
 * "12 345", while a count still picks its plural form.
 */
function ungrouped(args: Record<string, FluentVariable>): Record<string, FluentVariable> {
  const out: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(args)) out[k] = typeof v === 'number' ? new FluentNumber(v, { useGrouping: false }) : v;
  return out;
}

/** The message `id` in the user's language (English, then the id, when it is missing). */
export function coreText(id: string, args: Record<string, FluentVariable> = {}, lang: Language = currentLanguage()): string {
  for (const l of [lang, 'en'] as const) {
    const b = bundle(l);
    const message = b.getMessage(id);
    // A missing argument is reported here rather than thrown; the sentence is still shown.
    if (message?.value) return b.formatPattern(message.value, ungrouped(args), []);
  }
  return id;
}

/** A field's name as the core's sentences say it (its key when unnamed). */
export function coreFieldName(key: string, lang: Language = currentLanguage()): string {
  return hasCoreText(`field-${key}`, lang) || hasCoreText(`field-${key}`, 'en') ? coreText(`field-${key}`, {}, lang) : key;
}

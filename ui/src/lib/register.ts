import { coreFieldName, coreText, hasCoreText } from './words';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  toApiError,
  type ApiError,
  type FieldKey,
  type FieldProblem,
  type ImportProblem,
  type Kind,
  type ProblemArgs,
  type RegisterMeta,
} from '../api';

/**
 * Display helpers for the register. Formatting and translation only: every rule (validation,
 * masking, what the inventory allows) is decided in Rust and comes back in the answers.
 */

/** How the form groups the fields; `services` has a section of its own. */
export const FIELD_GROUPS: { key: 'identity' | 'contacts' | 'place' | 'programme' | 'notes'; fields: FieldKey[] }[] = [
  { key: 'identity', fields: ['surname', 'name', 'patronymic', 'iin', 'birth_date', 'sex', 'id_document'] },
  { key: 'contacts', fields: ['phone', 'email'] },
  { key: 'place', fields: ['region', 'district', 'settlement', 'address'] },
  { key: 'programme', fields: ['programme', 'disability', 'household_size'] },
  { key: 'notes', fields: ['health_notes', 'notes'] },
];

/** "Surname Name Patronymic", skipping what is empty. */
export function fullName(values: Partial<Record<string, string | undefined>>): string {
  return [values.surname, values.name, values.patronymic].filter((v) => v && v.trim()).join(' ');
}

/** YYYY-MM-DD as dd.mm.yyyy; anything else is shown as it is. */
export function displayDate(value: string | undefined | null): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}

/** +77015221234 as +7 701 522 12 34; anything else as it is. */
export function displayPhone(phone: string | undefined | null): string {
  const m = phone ? /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone) : null;
  return m ? `+7 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : (phone ?? '');
}

export function uiLanguage(lang: string): 'kk' | 'ru' | 'en' {
  return lang === 'kk' || lang === 'ru' ? lang : 'en';
}

/** A region's name in the UI language; an unknown key is shown as it is. */
export function regionName(meta: RegisterMeta | null, key: string | undefined, lang: string): string {
  if (!key) return '';
  const region = meta?.regions.find((r) => r.key === key);
  return region ? region[uiLanguage(lang)] : key;
}

function translated(t: TFunction, key: string, fallback: string): string {
  return t(key, { defaultValue: fallback });
}

export const fieldLabel = (t: TFunction, key: string) => translated(t, `fields.${key}`, key);
export const kindLabel = (t: TFunction, kind: string) => translated(t, `kinds.${kind}`, kind);
export const sexLabel = (t: TFunction, sex: string | undefined) => (sex ? translated(t, `sex.${sex}`, sex) : '');
export const serviceTypeLabel = (t: TFunction, type: string) => translated(t, `serviceTypes.${type}`, type);
export const categoryLabel = (t: TFunction, category: string) => translated(t, `categories.${category}`, category);

/** A problem's arguments as Fluent takes them: numbers and strings only. */
function problemArgs(problem: FieldProblem | ImportProblem): ProblemArgs {
  const args: ProblemArgs = {};
  for (const [k, v] of Object.entries(problem.args ?? {})) {
    if (typeof v === 'number' || typeof v === 'string') args[k] = v;
  }
  return args;
}

/** One field problem in the user's language: the core's `problem-<code>` with its arguments; for a
 * code this build does not know, "check the field". */
export function problemText(_t: TFunction, problem: FieldProblem | ImportProblem, purposeName?: (key: string) => string): string {
  const args = problemArgs(problem);
  // A field outside the purposes its basis covers (Art. 14) names the purpose that would cover
  // it: by its name in the inventory, when the caller knows it.
  if (purposeName && typeof args.purpose === 'string' && args.purpose) args.purpose = purposeName(args.purpose);
  if (problem.code === 'duplicate_iin_in_file' && args.row === undefined) {
    return coreText('problem-duplicate_iin_in_file_elsewhere');
  }
  const id = `problem-${problem.code}`;
  return hasCoreText(id) ? coreText(id, args) : coreText('error-invalid_input', { field: coreFieldName(problem.field) });
}

/** Whether a field is sensitive (masked until revealed), as the backend's metadata says. */
export function isSensitive(meta: RegisterMeta | null, key: FieldKey): boolean {
  return meta?.fields.find((f) => f.key === key)?.sensitive ?? false;
}

/** Fields the approved inventory lets the user fill for a kind (an empty list when unknown). */
export function allowedFields(meta: RegisterMeta | null, kind: Kind | '' | undefined): FieldKey[] {
  if (!meta || !kind) return [];
  return meta.allowed[kind] ?? [];
}

/** Loads register_meta() once per mount; `reload` asks again. */
export function useRegisterMeta() {
  const [meta, setMeta] = useState<RegisterMeta | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .registerMeta()
      .then(setMeta)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);
  return { meta, error, reload: load };
}

/**
 * Whole numbers with the digit grouping people in Kazakhstan use (100 000), or 100,000 in English.
 * Kazakh uses the Russian locale's rule: some webviews ship ICU data without `kk`.
 */
export function useCount(): (n: number) => string {
  const lang = useUiLanguage();
  const format = useMemo(() => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU'), [lang]);
  return (n: number) => format.format(n);
}

/** The current UI language, narrowed. */
export function useUiLanguage(): 'kk' | 'ru' | 'en' {
  const { i18n } = useTranslation();
  return uiLanguage(i18n.language);
}

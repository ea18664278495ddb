import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApiError, type EndAction, type LifecycleMeta, type Rule } from '../api';
import { kindLabel } from './register';

/**
 * Display helpers for consents, retention and the end of the data's life. Formatting and
 * translation only: which consent is in force, who is due, what may be destroyed — all of it is
 * decided in Rust and arrives in the answers.
 */

/** Loads lifecycle_meta() once per mount; `reload` asks again. */
export function useLifecycleMeta() {
  const [meta, setMeta] = useState<LifecycleMeta | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .lifecycleMeta()
      .then(setMeta)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);
  return { meta, error, reload: load };
}

const translated = (t: TFunction, key: string, fallback: string) => t(key, { defaultValue: fallback });

/** A purpose's name in the UI language, from the approved inventory; an unknown key as it is. */
export function purposeName(meta: LifecycleMeta | null, key: string, lang: 'kk' | 'ru' | 'en'): string {
  return meta?.purposes.find((p) => p.key === key)?.names[lang] ?? key;
}

export const legalGroundLabel = (t: TFunction, g: string) => translated(t, `lifecycle.legalGrounds.${g}`, g);
export const groundLabel = (t: TFunction, g: string) => translated(t, `lifecycle.grounds.${g}`, g);
export const basisLabel = (t: TFunction, b: string) => translated(t, `retention.bases.${b}`, b);
export const formLabel = (t: TFunction, f: string) => translated(t, `consent.forms.${f}`, f);
export const consentStateLabel = (t: TFunction, s: string) => translated(t, `consent.states.${s}`, s);
export const scopeLabel = (t: TFunction, s: string) => translated(t, `consent.scopes.${s}`, s);
export const actionLabel = (t: TFunction, a: string) => translated(t, `lifecycle.actions.${a}`, a);

/** A category of data an act removed: a data category, or services / consents / attachments. */
export function actCategoryLabel(t: TFunction, key: string): string {
  return t(`categories.${key}`, { defaultValue: translated(t, `lifecycle.actCategories.${key}`, key) });
}

/** The word the user types to confirm anonymising or destroying, in the UI language. */
export function confirmWord(t: TFunction, action: EndAction): string {
  return t(`lifecycle.end.word.${action}`);
}

/** Whether what was typed is the confirmation word (spaces around and letter case do not matter). */
export function confirmMatches(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}

/** A reason as sent and stored: "<code>" or "<code>: <note>". */
export function composeReason(code: string, note: string): string {
  const n = note.trim();
  return n ? `${code}: ${n}` : code;
}

/** A stored reason in words: the translated code, then the note as typed. */
export function reasonText(t: TFunction, reason: string | null | undefined): string {
  if (!reason) return '';
  const i = reason.indexOf(':');
  const code = (i < 0 ? reason : reason.slice(0, i)).trim();
  const note = i < 0 ? '' : reason.slice(i + 1).trim();
  const label = t(`lifecycle.reasons.${code}`, { defaultValue: '' });
  if (!label) return reason;
  return note ? `${label}: ${note}` : label;
}

/** 60 months as "5 years", 18 as "1 year 6 months". */
export function lengthText(t: TFunction, months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (years) parts.push(t('retention.length.years', { count: years }));
  if (rest || !years) parts.push(t('retention.length.months', { count: rest }));
  return parts.join(' ');
}

/** How long a rule keeps the data, in words: "5 years after the programme ended". */
export function periodText(t: TFunction, rule: Rule): string {
  if (rule.mode === 'for_life') return t('retention.period.for_life');
  if (rule.mode === 'until_purpose') return t('retention.period.until_purpose');
  const length = lengthText(t, rule.months ?? 0);
  return rule.anchor ? t(`retention.period.${rule.anchor}`, { length, defaultValue: length }) : length;
}

/** A rule in words: "Beneficiary · Humanitarian aid · 5 years after the programme ended (donor requirement)". */
export function ruleText(t: TFunction, rule: Rule, meta: LifecycleMeta | null, lang: 'kk' | 'ru' | 'en'): string {
  const purpose = rule.purpose ? purposeName(meta, rule.purpose, lang) : t('retention.anyPurpose');
  return `${kindLabel(t, rule.kind)} · ${purpose} · ${periodText(t, rule)} (${basisLabel(t, rule.basis)})`;
}

/** The field an `invalid_input` error names (snake_case, as Rust sends it), if any. */
export function errorField(error: ApiError | null): string | null {
  if (!error || error.code !== 'invalid_input') return null;
  return typeof error.params.field === 'string' ? error.params.field : null;
}

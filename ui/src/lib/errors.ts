import type { FluentVariable } from '@fluent/bundle';
import type { TFunction } from 'i18next';
import type { ApiError } from '../api';
import { coreFieldName, coreText, hasCoreText } from './words';

/** Strings and numbers of an error's params, as Fluent arguments (structured ones left out). */
function fluentArgs(params: Record<string, unknown>): Record<string, FluentVariable> {
  const args: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') args[k] = v;
  }
  return args;
}

/**
 * The sentence for an error from the backend, from the core's Fluent files by its code; its
 * own message if the code is new.
 */
export function errorText(_t: TFunction, error: ApiError): string {
  const id = `error-${error.code}`;
  if (!hasCoreText(id)) return error.message || coreText('error-internal', { detail: '' });
  const args = fluentArgs(error.params);
  if (error.code === 'invalid_input' && typeof error.params.field === 'string') {
    args.field = coreFieldName(error.params.field);
    const reason = `reason-${String(error.params.reason)}`;
    if (typeof error.params.reason === 'string' && hasCoreText(reason)) return coreText(reason, args);
  }
  return coreText(id, args);
}

/**
 * Sentences the core says in English, by their start, and the translation key that says the
 * same in every language (numbers are taken out of the English sentence).
 */
const KNOWN_REASONS: { match: RegExp; key: string; params?: (m: RegExpExecArray) => Record<string, string> }[] = [
  { match: /^Write the month as YYYY-MM/, key: 'monthFormat' },
  { match: /^The period ends before it starts/, key: 'periodOrder' },
  { match: /^A report covers at most ten years/, key: 'periodTooLong' },
  { match: /^Break a report down by at most three/, key: 'byTooMany' },
  { match: /^Each breakdown can be chosen once/, key: 'byTwice' },
  { match: /^Only services can be broken down by service type/, key: 'byServiceType' },
  { match: /^Too few people for this table/, key: 'tooFew' },
  { match: /^Too many small groups/, key: 'tooFragmented' },
  { match: /^Age bands start at 0/, key: 'ageBands' },
  { match: /^The small-cell threshold is between/, key: 'threshold' },
  { match: /^Choose at least one column/, key: 'columnsNone' },
  { match: /^Each column can be chosen once/, key: 'columnsTwice' },
  { match: /^k is between/, key: 'k' },
  { match: /^l-diversity needs a sensitive column/, key: 'lNeedsSensitive' },
  { match: /^l is between/, key: 'l' },
  { match: /^At most 20 % of rows/, key: 'maxSuppressed' },
  {
    match: /^No release of these (\d+) people meets k = (\d+)(?: and l = (\d+))? with at most ([\d.]+) %/,
    key: 'noRelease',
    params: (m) => ({ people: m[1]!, k: m[2]! + (m[3] ? ` / l = ${m[3]}` : ''), percent: m[4]! }),
  },
  { match: /^Say who receives the file/, key: 'recipient' },
  { match: /^Say why the file is sent/, key: 'purpose' },
  { match: /^Keep the recipient under/, key: 'tooLong' },
  { match: /^Fill in the organisation's name/, key: 'organisation' },
  { match: /^The folder to save into does not exist/, key: 'folder' },
  { match: /^That is a folder/, key: 'isFolder' },
  { match: /^Reports are saved as CSV, XLSX or PDF/, key: 'format' },
  { match: /^The file name must end in \.(\w+)/, key: 'extension', params: (m) => ({ ext: m[1]! }) },
];

/**
 * The translated sentence for an `invalid_input` refusal whose English reason is in
 * KNOWN_REASONS, or null: the reason says more than the field alone (which folder, which rule).
 */
export function knownReasonText(t: TFunction, error: ApiError): string | null {
  if (error.code !== 'invalid_input') return null;
  if (typeof error.params.reason === 'string' && hasCoreText(`reason-${error.params.reason}`)) {
    return errorText(t, error);
  }
  const reason = typeof error.params.text === 'string' ? error.params.text : error.message;
  for (const known of KNOWN_REASONS) {
    const m = known.match.exec(reason);
    if (m) return t(`reasons.${known.key}`, known.params?.(m) ?? {});
  }
  return null;
}

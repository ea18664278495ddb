import type { FluentVariable } from '@fluent/bundle';
import type { TFunction } from 'i18next';
import type { ApiError } from '../api';
import { coreFieldName, coreText, hasCoreText } from './words';

/**
 * An error's params as Fluent arguments, as the core renders them: strings and numbers as they
 * are, a list joined with commas; structured ones (a record's problems) left out.
 */
function fluentArgs(params: Record<string, unknown>): Record<string, FluentVariable> {
  const args: Record<string, FluentVariable> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') args[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) args[k] = v.join(', ');
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
  if (error.code === 'not_permitted') {
    // The permission and the role come as codes; the sentence names them in words, as the core does.
    for (const [arg, prefix] of [['permission', 'permission'], ['role', 'role']] as const) {
      const code = error.params[arg];
      if (typeof code === 'string' && hasCoreText(`${prefix}-${code}`)) args[arg] = coreText(`${prefix}-${code}`);
    }
  }
  if (error.code === 'invalid_input' && typeof error.params.field === 'string') {
    args.field = coreFieldName(error.params.field);
    const reason = `reason-${String(error.params.reason)}`;
    if (typeof error.params.reason === 'string' && hasCoreText(reason)) return coreText(reason, args);
  }
  return coreText(id, args);
}

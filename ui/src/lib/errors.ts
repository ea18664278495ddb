import type { TFunction } from 'i18next';
import type { ApiError } from '../api';

/** The translated sentence for an error from the backend; its own message if the code is new. */
export function errorText(t: TFunction, error: ApiError): string {
  const key = `errors.${error.code}`;
  const params: Record<string, unknown> = { ...error.params };
  if (error.code === 'invalid_input' && typeof params.field === 'string') {
    params.field = t(`fields.${params.field}`, { defaultValue: params.field });
  }
  return t(key, { ...params, defaultValue: error.message || t('errors.internal') });
}

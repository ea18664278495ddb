import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { reportErrorText } from '../../lib/reports';
import { uiLanguage } from '../../lib/register';

/** The core's refusal, next to the field it names (or at the top of a form). */
export function FieldError({ error, id, testId, children }: { error: ApiError; id?: string; testId?: string; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <ErrorMessage error={error} id={id} testId={testId} text={reportErrorText(t, error, uiLanguage(i18n.language))}>
      {children}
    </ErrorMessage>
  );
}

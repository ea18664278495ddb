import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { errorText } from '../lib/errors';

/** One sentence explaining what went wrong, in the user's language. Stays until cleared. */
export function ErrorMessage({
  error,
  testId,
  id,
  text,
  children,
}: {
  error: ApiError;
  testId?: string;
  id?: string;
  /** The sentence to show instead of the error's generic translation. */
  text?: string;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="error-message" role="alert" data-testid={testId} id={id}>
      <CircleAlert className="error-message__icon" size={18} aria-hidden="true" />
      <div>
        <p>{text ?? errorText(t, error)}</p>
        {children}
      </div>
    </div>
  );
}

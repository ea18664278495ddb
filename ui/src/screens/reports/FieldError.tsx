import type { ApiError } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';

/** The core's refusal, next to the field it names (or at the top of a form), in the UI language. */
export function FieldError({ error, id, testId, children }: { error: ApiError; id?: string; testId?: string; children?: React.ReactNode }) {
  return (
    <ErrorMessage error={error} id={id} testId={testId}>
      {children}
    </ErrorMessage>
  );
}

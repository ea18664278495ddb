import { Replace } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/**
 * Shown under a `file_exists` refusal: saving again, this time replacing the file. Changing the
 * name is the other way out, so the button is secondary, never the default.
 */
export function ReplaceButton({ onReplace, disabled, testId }: { onReplace: () => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--secondary button--small error-message__action" onClick={onReplace} disabled={disabled} data-testid={testId}>
      <Replace size={16} aria-hidden="true" />
      {t('save.replace')}
    </button>
  );
}

import { FileKey } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, type ApiError } from '../api';

/**
 * A key file's path: typed, or chosen with the system's open dialog (`pick`, by default
 * choose_key_file; the save dialog where a new file is made). The backend reads the file; this
 * only carries the path.
 */
export function KeyFileField({
  value,
  onChange,
  label,
  hint,
  disabled,
  testId = 'key-file',
  pick = api.chooseKeyFile,
  onError,
  autoFocus,
}: {
  value: string;
  onChange: (path: string) => void;
  label?: string;
  hint?: string;
  disabled?: boolean;
  /** `${testId}` for the input, `${testId}-choose` for the button. */
  testId?: string;
  pick?: () => Promise<string | null>;
  /** A failure of the system's dialog. */
  onError?: (error: ApiError) => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const [choosing, setChoosing] = useState(false);

  const choose = async () => {
    setChoosing(true);
    try {
      const chosen = await pick();
      if (chosen) onChange(chosen);
    } catch (e) {
      onError?.(toApiError(e));
    } finally {
      setChoosing(false);
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-path`}>
        {label ?? t('keyFile.label')}
      </label>
      <div className="input-row">
        <input
          id={`${id}-path`}
          className="input input--path"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          data-testid={testId}
          autoFocus={autoFocus}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void choose()}
          disabled={disabled || choosing}
          data-testid={`${testId}-choose`}
        >
          <FileKey size={18} aria-hidden="true" />
          {t('keyFile.choose')}
        </button>
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {hint ?? t('keyFile.hint')}
      </p>
    </div>
  );
}

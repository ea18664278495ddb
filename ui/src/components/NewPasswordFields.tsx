import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordAssessment } from '../api';
import { PasswordInput } from './PasswordInput';
import { StrengthMeter } from './StrengthMeter';

/** New password + repeat, with the strength meter between them. Used by create, recover, change. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  assessment,
  pending,
  passwordLabel,
  confirmLabel,
  passwordTestId,
  confirmTestId,
  autoFocus,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  assessment: PasswordAssessment | null;
  pending: boolean;
  passwordLabel?: string;
  confirmLabel?: string;
  passwordTestId?: string;
  confirmTestId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const mismatch = confirm.length > 0 && confirm !== password;
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-pw`}>
          {passwordLabel ?? t('password.new')}
        </label>
        <PasswordInput
          id={`${id}-pw`}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          testId={passwordTestId}
          autoFocus={autoFocus}
          aria-describedby={`${id}-meter ${id}-hint`}
        />
        <p className="field__hint" id={`${id}-hint`}>
          {t('password.hint')}
        </p>
        <StrengthMeter assessment={assessment} pending={pending} id={`${id}-meter`} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-confirm`}>
          {confirmLabel ?? t('password.repeat')}
        </label>
        <PasswordInput
          id={`${id}-confirm`}
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          testId={confirmTestId}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? `${id}-mismatch` : undefined}
        />
        {mismatch && (
          <p className="field__warning" id={`${id}-mismatch`}>
            {t('password.mismatch')}
          </p>
        )}
      </div>
    </>
  );
}

import { Eye, EyeOff } from 'lucide-react';
import { forwardRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  testId?: string;
};

/** A password field with a show/hide eye and a Caps Lock warning. */
export const PasswordInput = forwardRef<HTMLInputElement, Props>(function PasswordInput(
  { testId, className, onKeyDown, onKeyUp, onBlur, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  const readCaps = (e: React.KeyboardEvent<HTMLInputElement>) =>
    setCapsLock(typeof e.getModifierState === 'function' && e.getModifierState('CapsLock'));

  return (
    <div className="password-input">
      <div className="password-input__row">
        <input
          ref={ref}
          type={visible ? 'text' : 'password'}
          className={['input', 'input--password', className].filter(Boolean).join(' ')}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          data-testid={testId}
          onKeyDown={(e) => {
            readCaps(e);
            onKeyDown?.(e);
          }}
          onKeyUp={(e) => {
            readCaps(e);
            onKeyUp?.(e);
          }}
          onBlur={(e) => {
            setCapsLock(false);
            onBlur?.(e);
          }}
          {...rest}
        />
        <button
          type="button"
          className="password-input__eye"
          aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
          title={visible ? t('common.hidePassword') : t('common.showPassword')}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? <EyeOff size={18} aria-hidden="true" /> : <Eye size={18} aria-hidden="true" />}
        </button>
      </div>
      {capsLock && <p className="field__warning">{t('common.capsLockOn')}</p>}
    </div>
  );
});

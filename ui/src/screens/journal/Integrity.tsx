import { CircleAlert, CircleCheck, RefreshCw, ShieldQuestion } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './journal.css';
import { api, toApiError, type ApiError, type JournalVerification } from '../../api';
import { Spinner } from '../../components/Spinner';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';

/**
 * Runs journal_verify() and shows the answer: green when every entry checks out, red with the
 * place and the backend's message when not.
 */
export function IntegrityCheck({ auto = false, compact = false }: { auto?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<JournalVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const showSpinner = useDelayedFlag(busy);

  const verify = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.journalVerify());
    } catch (e) {
      setResult(null);
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (auto) void verify();
  }, [auto, verify]);

  let state: 'idle' | 'checking' | 'ok' | 'broken' | 'error' = 'idle';
  if (busy) state = 'checking';
  else if (error) state = 'error';
  else if (result) state = result.ok ? 'ok' : 'broken';

  return (
    <div className={`integrity${compact ? ' integrity--compact' : ''}`}>
      <div className={`integrity__status integrity__status--${state}`} data-testid="journal-status" data-state={state} role="status">
        {state === 'ok' && <CircleCheck size={20} aria-hidden="true" />}
        {(state === 'broken' || state === 'error') && <CircleAlert size={20} aria-hidden="true" />}
        {state === 'idle' && <ShieldQuestion size={20} aria-hidden="true" />}
        {state === 'checking' && (showSpinner ? <Spinner /> : <span className="integrity__placeholder" />)}
        <div>
          <p className="integrity__title">
            {state === 'ok' && t('integrity.ok', { count: result?.entries ?? 0 })}
            {state === 'broken' && t('integrity.broken')}
            {state === 'error' && error && errorText(t, error)}
            {state === 'idle' && t('integrity.idle')}
            {state === 'checking' && t('integrity.checking')}
          </p>
          {state === 'broken' && result?.problem && (
            <>
              <p>{errorText(t, { code: 'invalid_input', message: result.problem.message, params: result.problem.params })}</p>
              <p>{t('integrity.brokenAdvice')}</p>
            </>
          )}
        </div>
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void verify()}
        disabled={busy}
        data-testid="journal-verify"
      >
        <RefreshCw size={18} aria-hidden="true" />
        {result || error ? t('integrity.again') : t('integrity.verify')}
      </button>
    </div>
  );
}

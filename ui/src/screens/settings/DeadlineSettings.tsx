import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './settings.css';
import { api, toApiError, type ApiError, type ClockSettings } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';

/** A whole number as typed, or null (the core decides the range and refuses the rest). */
function whole(text: string): number | null {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number.parseInt(text, 10) : null;
}

/**
 * Deadlines: the organisation's own target for answering an access request or a withdrawal (the
 * law says "within the terms set by legislation"; requests already taken keep theirs), and how
 * many wrong passwords in a row make Derbes propose a breach. change_settings changes them.
 */
export function DeadlineSettings() {
  const { t } = useTranslation();
  const toast = useToast();
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const [saved, setSaved] = useState<ClockSettings | null>(null);
  const [answer, setAnswer] = useState('');
  const [threshold, setThreshold] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);

  const load = useCallback(() => {
    api
      .clockSettings()
      .then((s) => {
        setSaved(s);
        setAnswer(String(s.answerDays));
        setThreshold(String(s.unlockThreshold));
      })
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);

  const answerDays = whole(answer);
  const unlockThreshold = whole(threshold);
  const changed = saved !== null && (answerDays !== saved.answerDays || unlockThreshold !== saved.unlockThreshold);
  const canSave = mayChange && !busy && answerDays !== null && unlockThreshold !== null && changed;

  const save = async () => {
    if (answerDays === null || unlockThreshold === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.clockSettingsSet(answerDays, unlockThreshold);
      toast.success(t('settings.deadlines.saved'));
      load();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: 'answer' | 'threshold', value: string, set: (v: string) => void, unit: string, range: [number, number]) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {t(`settings.deadlines.${key}`)}
      </label>
      <div className="deadline-input">
        <input
          id={`${id}-${key}`}
          className="input input--digits deadline-input__number"
          type="number"
          inputMode="numeric"
          min={range[0]}
          max={range[1]}
          value={value}
          readOnly={!mayChange}
          disabled={busy || saved === null}
          onChange={(e) => {
            set(e.target.value);
            setError(null);
          }}
          aria-describedby={`${id}-${key}-hint`}
          data-testid={`settings-deadlines-${key}`}
        />
        <span className="muted">{unit}</span>
      </div>
      <p className="field__hint" id={`${id}-${key}-hint`}>
        {t(`settings.deadlines.${key}Hint`, { min: range[0], max: range[1] })}
      </p>
    </div>
  );

  return (
    <section className="card card--panel" aria-labelledby={`${id}-title`} data-testid="settings-deadlines">
      <h2 id={`${id}-title`} className="card__title">
        {t('settings.deadlines.title')}
      </h2>
      <p className="muted">{t('settings.deadlines.text')}</p>
      <form
        className="deadline-settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void save();
        }}
      >
        {field('answer', answer, setAnswer, t('settings.deadlines.workingDays', { count: answerDays ?? 0 }), [1, 30])}
        {field('threshold', threshold, setThreshold, t('settings.deadlines.attempts', { count: unlockThreshold ?? 0 }), [3, 100])}
        {mayChange && (
          <div className="deadline-settings__save">
            <button type="submit" className="button button--secondary" disabled={!canSave} aria-busy={busy} data-testid="settings-deadlines-save">
              {showSpinner && <Spinner />}
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      {!mayChange && <OnlyResponsible text={t('onlyResponsible.settings')} testId="settings-deadlines-readonly" />}
      {error && <ErrorMessage error={error} testId="settings-deadlines-error" />}
    </section>
  );
}

import { ShieldAlert } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './breaches.css';
import {
  api,
  BREACH_CATEGORIES,
  RECORDED_BREACH_KINDS,
  SUBJECTS_TOLD,
  toApiError,
  type ApiError,
  type BreachKind,
  type SubjectsTold,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import { breachesPath, breachKindLabel, isoFromTyped, nowLocal, timeFromTyped } from '../../lib/obligations';
import { categoryLabel, displayDate } from '../../lib/register';
import { navigate } from '../../lib/route';
import { coreText } from '../../lib/words';
import { BackLink } from '../people/PersonForm';

/** Record numbers typed as "12, 15 40" (or "№ 12"); null when something else was typed. */
export function parseNumbers(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    const m = /^№?(\d{1,9})$/.exec(p);
    if (!m) return null;
    out.push(Number(m[1]));
  }
  return out;
}

const FORM_FIELDS = ['detected_at', 'description', 'categories', 'people', 'containment'];

/**
 * Record a breach as soon as it is known: when it was detected, what happened, the categories of
 * data and the people affected (everyone in the register, or by record number), what was done to
 * contain it, and whether the people were told. Every user may; the clock to notify the authorised
 * body starts at detection.
 */
export function BreachForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [now] = useState(nowLocal);
  const [day, setDay] = useState(() => displayDate(now.slice(0, 10)));
  const [time, setTime] = useState(() => now.slice(11, 16));
  const [kind, setKind] = useState<BreachKind>('device_lost');
  const [description, setDescription] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [whole, setWhole] = useState(true);
  const [people, setPeople] = useState('');
  const [containment, setContainment] = useState('');
  const [told, setTold] = useState<SubjectsTold>('not_yet');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showSpinner = useDelayedFlag(busy);
  const numbers = whole ? [] : parseNumbers(people);
  const field = error?.code === 'invalid_input' && typeof error.params.field === 'string' ? error.params.field : null;
  const fieldError = (key: string) => (error && field === key ? errorText(t, error) : null);
  const dayIso = isoFromTyped(day);
  const clock = timeFromTyped(time);
  // The value of an <input type="datetime-local">, as the core reads it.
  const detectedAt = dayIso && clock ? `${dayIso}T${clock}` : null;
  const canSubmit = !busy && detectedAt !== null && numbers !== null;

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setError(null);
    };

  const toggleCategory = (c: string) => edit(setCategories)(categories.includes(c) ? categories.filter((x) => x !== c) : [...categories, c]);

  const submit = async () => {
    if (numbers === null || detectedAt === null) return;
    setBusy(true);
    setError(null);
    try {
      const b = await api.breachAdd({
        detectedAt,
        kind,
        description,
        categories: BREACH_CATEGORIES.filter((c) => categories.includes(c)),
        wholeRegister: whole,
        people: numbers,
        containment: containment.trim() ? containment : null,
        subjectsTold: told,
      });
      toast.success(b.clock.due ? t('breaches.form.saved', { number: b.number, date: displayDate(b.clock.due) }) : t('breaches.form.savedNoDue', { number: b.number }));
      navigate(breachesPath.breach(b.number));
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="breach-form">
      <BackLink href={breachesPath.list()} label={t('breaches.back')} />
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('breaches.form.title')}</h1>
          <p className="page__lead">{t('breaches.form.lead')}</p>
        </div>
      </header>

      <form
        className="card card--panel form breach-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSubmit) void submit();
        }}
      >
        <div className="breach-form__top">
          <fieldset className="fieldset breach-form__detected">
            <legend className="field__label">{t('breaches.form.detectedAt')}</legend>
            <div className="breach-form__when">
              <input
                className="input input--date"
                inputMode="numeric"
                placeholder={t('person.datePlaceholder')}
                value={day}
                onChange={(e) => edit(setDay)(e.target.value)}
                aria-label={t('breaches.form.detectedDay')}
                aria-invalid={field === 'detected_at' || (dayIso === null && day.trim() !== '') ? true : undefined}
                aria-describedby={`${id}-detected-hint`}
                data-testid="breach-detected-day"
              />
              <input
                className="input input--time"
                inputMode="numeric"
                placeholder={t('breaches.form.timePlaceholder')}
                value={time}
                onChange={(e) => edit(setTime)(e.target.value)}
                aria-label={t('breaches.form.detectedTime')}
                aria-invalid={field === 'detected_at' || (clock === null && time.trim() !== '') ? true : undefined}
                aria-describedby={`${id}-detected-hint`}
                data-testid="breach-detected-time"
              />
            </div>
            <p className="field__hint" id={`${id}-detected-hint`}>
              {t('breaches.form.detectedHint')}
            </p>
            {dayIso === null && day.trim() !== '' && <p className="field__error">{coreText('problem-date_format')}</p>}
            {clock === null && time.trim() !== '' && <p className="field__error">{t('breaches.form.timeFormat')}</p>}
            {fieldError('detected_at') && (
              <p className="field__error" data-testid="breach-detected-error">
                {fieldError('detected_at')}
              </p>
            )}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kind`}>
              {t('breaches.form.kind')}
            </label>
            <select id={`${id}-kind`} className="input select" value={kind} onChange={(e) => edit(setKind)(e.target.value as BreachKind)} data-testid="breach-kind">
              {RECORDED_BREACH_KINDS.map((k) => (
                <option key={k} value={k}>
                  {breachKindLabel(t, k)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            {t('breaches.form.description')}
          </label>
          <textarea
            id={`${id}-description`}
            className="input textarea"
            rows={3}
            value={description}
            onChange={(e) => edit(setDescription)(e.target.value)}
            aria-invalid={field === 'description' ? true : undefined}
            aria-describedby={`${id}-description-hint`}
            data-testid="breach-description"
          />
          <p className="field__hint" id={`${id}-description-hint`}>
            {t('breaches.form.descriptionHint')}
          </p>
          {fieldError('description') && (
            <p className="field__error" data-testid="breach-description-error">
              {fieldError('description')}
            </p>
          )}
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('breaches.form.categories')}</legend>
          <div className="breach-categories">
            {BREACH_CATEGORIES.map((c) => (
              <label key={c} className="checkbox">
                <input type="checkbox" checked={categories.includes(c)} onChange={() => toggleCategory(c)} data-testid={`breach-category-${c}`} />
                <span>{categoryLabel(t, c)}</span>
              </label>
            ))}
          </div>
          {fieldError('categories') && (
            <p className="field__error" data-testid="breach-categories-error">
              {fieldError('categories')}
            </p>
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t('breaches.form.affected')}</legend>
          <div className="radio-cards radio-cards--stack">
            <label className="radio-card">
              <input type="radio" name={`${id}-whole`} checked={whole} onChange={() => edit(setWhole)(true)} data-testid="breach-whole" />
              <span>{t('breaches.form.whole')}</span>
            </label>
            <label className="radio-card">
              <input type="radio" name={`${id}-whole`} checked={!whole} onChange={() => edit(setWhole)(false)} data-testid="breach-some" />
              <span>{t('breaches.form.some')}</span>
            </label>
          </div>
          {!whole && (
            <div className="field breach-form__people">
              <label className="field__label" htmlFor={`${id}-people`}>
                {t('breaches.form.people')}
              </label>
              <input
                id={`${id}-people`}
                className="input input--digits"
                value={people}
                inputMode="numeric"
                onChange={(e) => edit(setPeople)(e.target.value)}
                aria-invalid={numbers === null || field === 'people' ? true : undefined}
                aria-describedby={`${id}-people-hint`}
                data-testid="breach-people"
              />
              <p className="field__hint" id={`${id}-people-hint`}>
                {t('breaches.form.peopleHint')}
              </p>
              {numbers === null && <p className="field__error">{t('breaches.form.peopleFormat')}</p>}
              {fieldError('people') && (
                <p className="field__error" data-testid="breach-people-error">
                  {fieldError('people')}
                </p>
              )}
            </div>
          )}
          {whole && fieldError('people') && <p className="field__error">{fieldError('people')}</p>}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-containment`}>
            {t('breaches.form.containment')}
          </label>
          <textarea
            id={`${id}-containment`}
            className="input textarea"
            rows={2}
            value={containment}
            onChange={(e) => edit(setContainment)(e.target.value)}
            aria-describedby={`${id}-containment-hint`}
            data-testid="breach-containment"
          />
          <p className="field__hint" id={`${id}-containment-hint`}>
            {t('breaches.form.containmentHint')}
          </p>
          {fieldError('containment') && <p className="field__error">{fieldError('containment')}</p>}
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('breaches.form.told')}</legend>
          <div className="radio-cards">
            {SUBJECTS_TOLD.map((s) => (
              <label key={s} className="radio-card">
                <input type="radio" name={`${id}-told`} checked={told === s} onChange={() => edit(setTold)(s)} data-testid={`breach-told-${s}`} />
                <span>{t(`breaches.told.${s}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {error && !FORM_FIELDS.includes(field ?? '') && (
          <ErrorMessage error={error} testId="breach-form-error">
            {error.code === 'invalid_input' && error.params.reason === 'calendar_year_missing' && (
              <a className="link" href="#/settings/calendar">
                {t('clocks.openCalendar')}
              </a>
            )}
          </ErrorMessage>
        )}

        <div className="actions actions--end">
          <a className="button button--ghost" href={breachesPath.list()}>
            {t('common.cancel')}
          </a>
          <button type="submit" className="button button--primary" disabled={!canSubmit} aria-busy={busy} data-testid="breach-submit">
            {showSpinner ? <Spinner /> : <ShieldAlert size={18} aria-hidden="true" />}
            {t('breaches.form.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

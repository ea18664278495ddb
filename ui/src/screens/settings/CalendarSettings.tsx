import { CalendarDays, CalendarPlus, Plus, RotateCcw, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './settings.css';
import { api, toApiError, type ApiError, type CalendarYear, type MarkedDay, type SpecialDay, type StoredYear } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { useDelayedFlag } from '../../lib/hooks';
import { calendarNote, isoFromTyped, specialDayText, weekdayText } from '../../lib/obligations';
import { displayDate } from '../../lib/register';
import { coreText } from '../../lib/words';

/** A day as the editor holds it: the date as typed (dd.mm.yyyy) and its note (a code or words). */
interface DayRow {
  key: number;
  date: string;
  note: string;
}

let nextKey = 1;
const rowsOf = (days: MarkedDay[]): DayRow[] => days.map((d) => ({ key: nextKey++, date: displayDate(d.date), note: d.note }));

/**
 * The working-day calendar every deadline is counted on: the years it has data for, and for each
 * the day of Kurban Ait (an estimate until announced), the government's transfers (days off and
 * working days, with why), and the special days that follow, with the holidays' names. Derbes
 * ships the years it knew; the responsible person adds a year or corrects one (a corrected year is
 * kept by a newer Derbes) or gives it back to the shipped data. Staff see it read-only.
 */
export function CalendarSettings({ focus = false }: { focus?: boolean }) {
  const { t } = useTranslation();
  const mayChange = useCan()('change_settings');
  const id = useId().replace(/:/g, '');
  const ref = useRef<HTMLElement>(null);
  const [years, setYears] = useState<StoredYear[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<number | null>(null);
  const [newYear, setNewYear] = useState('');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const showLoading = useDelayedFlag(years === null && error === null);

  const load = useCallback((pick?: number) => {
    setError(null);
    api
      .calendarYears()
      .then((list) => {
        setYears(list);
        setSelected((current) => {
          const want = pick ?? current ?? new Date().getFullYear();
          return list.some((y) => y.year === want) ? want : (list[list.length - 1]?.year ?? null);
        });
      })
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(() => load(), [load]);

  // Opened from "Settings → Calendar" (a clock that lacks a year): bring the section into view.
  useEffect(() => {
    if (focus && years) ref.current?.scrollIntoView({ block: 'start' });
  }, [focus, years]);

  const stored = years?.find((y) => y.year === selected) ?? null;
  const typedYear = /^\s*\d{4}\s*$/.test(newYear) ? Number(newYear) : null;

  const startYear = () => {
    if (typedYear === null) return;
    if (years?.some((y) => y.year === typedYear)) {
      setSelected(typedYear);
      setDraft(null);
    } else {
      setDraft(typedYear);
      setSelected(typedYear);
    }
    setAdding(false);
    setNewYear('');
  };

  return (
    <section className="card card--panel calendar" aria-labelledby={`${id}-title`} data-testid="settings-calendar" id="calendar" ref={ref}>
      <header className="card__header">
        <span className="card__icon" aria-hidden="true">
          <CalendarDays size={20} />
        </span>
        <h2 id={`${id}-title`} className="card__title">
          {t('settings.calendar.title')}
        </h2>
      </header>
      <p className="muted">{t('settings.calendar.text')}</p>
      {!mayChange && <OnlyResponsible text={t('onlyResponsible.calendar')} testId="settings-calendar-readonly" />}

      {error ? (
        <ErrorMessage error={error} testId="settings-calendar-error">
          <button type="button" className="link-button" onClick={() => load()}>
            {t('common.tryAgain')}
          </button>
        </ErrorMessage>
      ) : years === null ? (
        showLoading && <LoadingBlock label={t('common.loading')} />
      ) : (
        <>
          <div className="calendar__years" role="group" aria-label={t('settings.calendar.years')}>
            {years.map((y) => (
              <button
                key={y.year}
                type="button"
                className="calendar__year"
                aria-pressed={selected === y.year && draft === null}
                onClick={() => {
                  setSelected(y.year);
                  setDraft(null);
                }}
                data-testid={`calendar-year-${y.year}`}
                data-edited={y.edited}
              >
                <span className="calendar__year-number">{y.year}</span>
                {y.edited && <span className="calendar__year-mark">{t('settings.calendar.edited')}</span>}
                {!y.edited && y.kurbanAitEstimated && <span className="calendar__year-mark calendar__year-mark--estimate">{t('settings.calendar.estimatedShort')}</span>}
              </button>
            ))}
            {draft !== null && (
              <button type="button" className="calendar__year" aria-pressed="true" data-testid={`calendar-year-${draft}`}>
                <span className="calendar__year-number">{draft}</span>
                <span className="calendar__year-mark">{t('settings.calendar.new')}</span>
              </button>
            )}
            {mayChange &&
              (adding ? (
                <form
                  className="calendar__add"
                  onSubmit={(e) => {
                    e.preventDefault();
                    startYear();
                  }}
                >
                  <label className="visually-hidden" htmlFor={`${id}-new-year`}>
                    {t('settings.calendar.newYear')}
                  </label>
                  <input
                    id={`${id}-new-year`}
                    className="input input--digits calendar__add-input"
                    inputMode="numeric"
                    placeholder={String(new Date().getFullYear() + 2)}
                    value={newYear}
                    onChange={(e) => setNewYear(e.target.value)}
                    autoFocus
                    data-testid="calendar-new-year"
                  />
                  <button type="submit" className="button button--secondary button--small" disabled={typedYear === null} data-testid="calendar-new-year-add">
                    {t('settings.calendar.addShort')}
                  </button>
                  <button type="button" className="button button--ghost button--small" onClick={() => setAdding(false)}>
                    {t('common.cancel')}
                  </button>
                </form>
              ) : (
                <button type="button" className="button button--ghost button--small calendar__add-button" onClick={() => setAdding(true)} data-testid="calendar-add-year">
                  <CalendarPlus size={16} aria-hidden="true" />
                  {t('settings.calendar.addYear')}
                </button>
              ))}
          </div>

          {draft !== null ? (
            <YearEditor
              key={`new-${draft}`}
              year={{ year: draft, kurbanAit: '', kurbanAitEstimated: true, daysOff: [], workingDays: [], edited: true }}
              isNew
              mayChange={mayChange}
              onSaved={(y) => {
                setDraft(null);
                load(y);
              }}
            />
          ) : stored ? (
            <YearEditor key={`${stored.year}-${JSON.stringify(stored)}`} year={stored} mayChange={mayChange} onSaved={(y) => load(y)} />
          ) : (
            <p className="muted" data-testid="calendar-no-years">
              {t('settings.calendar.noYears')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** One year: Kurban Ait, the transfers, Save and Reset, and the special days it makes. */
function YearEditor({ year, isNew = false, mayChange, onSaved }: { year: StoredYear; isNew?: boolean; mayChange: boolean; onSaved: (year: number) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const id = useId().replace(/:/g, '');
  const [kurban, setKurban] = useState(displayDate(year.kurbanAit));
  const [estimated, setEstimated] = useState(year.kurbanAitEstimated);
  const [daysOff, setDaysOff] = useState<DayRow[]>(() => rowsOf(year.daysOff));
  const [working, setWorking] = useState<DayRow[]>(() => rowsOf(year.workingDays));
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [touched, setTouched] = useState(false);
  const showSpinner = useDelayedFlag(busy !== null);

  const kurbanIso = isoFromTyped(kurban);
  const badRow = (r: DayRow) => isoFromTyped(r.date) === null;
  const valid = kurbanIso !== null && !daysOff.some(badRow) && !working.some(badRow);
  const canSave = mayChange && busy === null && valid && (touched || isNew);

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setTouched(true);
      setError(null);
    };

  const build = (): CalendarYear => ({
    year: year.year,
    kurbanAit: kurbanIso!,
    kurbanAitEstimated: estimated,
    daysOff: daysOff.map((r) => ({ date: isoFromTyped(r.date)!, note: r.note.trim() })),
    workingDays: working.map((r) => ({ date: isoFromTyped(r.date)!, note: r.note.trim() })),
  });

  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      await api.calendarSetYear(build());
      toast.success(t('settings.calendar.saved', { year: year.year }));
      onSaved(year.year);
    } catch (e) {
      setError(toApiError(e));
      setBusy(null);
    }
  };

  const reset = async () => {
    setBusy('reset');
    setError(null);
    try {
      await api.calendarResetYear(year.year);
      toast.success(t('settings.calendar.resetDone', { year: year.year }));
      onSaved(year.year);
    } catch (e) {
      setError(toApiError(e));
      setBusy(null);
    }
  };

  return (
    <div className="calendar__year-editor" data-testid="calendar-editor" data-year={year.year} data-edited={year.edited}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void save();
        }}
      >
        <div className="calendar__kurban">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kurban`}>
              {t('settings.calendar.kurbanAit', { year: year.year })}
            </label>
            <input
              id={`${id}-kurban`}
              className="input input--date"
              inputMode="numeric"
              placeholder={t('person.datePlaceholder')}
              value={kurban}
              readOnly={!mayChange}
              onChange={(e) => edit(setKurban)(e.target.value)}
              aria-invalid={kurbanIso === null && kurban.trim() !== '' ? true : undefined}
              aria-describedby={`${id}-kurban-hint`}
              data-testid="calendar-kurban"
            />
            <p className="field__hint" id={`${id}-kurban-hint`}>
              {t('settings.calendar.kurbanHint')}
            </p>
            {kurbanIso === null && kurban.trim() !== '' && <p className="field__error">{coreText('problem-date_format')}</p>}
          </div>
          <label className="checkbox calendar__estimated">
            <input type="checkbox" checked={estimated} disabled={!mayChange} onChange={(e) => edit(setEstimated)(e.target.checked)} data-testid="calendar-estimated" />
            <span>{t('settings.calendar.estimated')}</span>
          </label>
        </div>

        <DayList
          title={t('settings.calendar.daysOff')}
          hint={t('settings.calendar.daysOffHint')}
          rows={daysOff}
          onChange={edit(setDaysOff)}
          mayChange={mayChange}
          testId="calendar-days-off"
        />
        <DayList
          title={t('settings.calendar.workingDays')}
          hint={t('settings.calendar.workingDaysHint')}
          rows={working}
          onChange={edit(setWorking)}
          mayChange={mayChange}
          testId="calendar-working-days"
        />

        {error && <ErrorMessage error={error} testId="calendar-error" />}
        {mayChange && (
          <div className="actions calendar__actions">
            {year.edited && !isNew && (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => void reset()}
                disabled={busy !== null}
                aria-busy={busy === 'reset'}
                title={t('settings.calendar.resetHint')}
                data-testid="calendar-reset"
              >
                {busy === 'reset' && showSpinner ? <Spinner /> : <RotateCcw size={16} aria-hidden="true" />}
                {t('settings.calendar.reset')}
              </button>
            )}
            <button type="submit" className="button button--primary" disabled={!canSave} aria-busy={busy === 'save'} data-testid="calendar-save">
              {busy === 'save' && showSpinner && <Spinner />}
              {isNew ? t('settings.calendar.saveNew', { year: year.year }) : t('settings.calendar.save', { year: year.year })}
            </button>
          </div>
        )}
      </form>

      {!isNew && <SpecialDays year={year.year} />}
    </div>
  );
}

/** Days off or working days, each with a date and why; rows are added and removed here. */
function DayList({
  title,
  hint,
  rows,
  onChange,
  mayChange,
  testId,
}: {
  title: string;
  hint: string;
  rows: DayRow[];
  onChange: (rows: DayRow[]) => void;
  mayChange: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const set = (key: number, patch: Partial<DayRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // A group with a heading rather than a fieldset: WebKit sizes a fieldset's legend twice in a
  // flex column and leaves a gap under the form.
  return (
    <div className="calendar__days" role="group" aria-labelledby={titleId} data-testid={testId}>
      <h3 className="form-section__title" id={titleId}>
        {title}
      </h3>
      <p className="field__hint">{hint}</p>
      {rows.length === 0 ? (
        <p className="muted small calendar__none">{t('settings.calendar.none')}</p>
      ) : (
        <ul className="calendar__day-rows">
          {rows.map((r, i) => {
            const bad = isoFromTyped(r.date) === null && r.date.trim() !== '';
            return (
              <li key={r.key} className="calendar__day-row" data-testid={`${testId}-row`}>
                <input
                  className="input input--date"
                  inputMode="numeric"
                  placeholder={t('person.datePlaceholder')}
                  value={r.date}
                  readOnly={!mayChange}
                  onChange={(e) => set(r.key, { date: e.target.value })}
                  aria-label={t('settings.calendar.dayLabel', { n: i + 1 })}
                  aria-invalid={bad ? true : undefined}
                  data-testid={`${testId}-date`}
                />
                <input
                  className="input calendar__note"
                  value={calendarNote(r.note)}
                  readOnly={!mayChange}
                  onChange={(e) => set(r.key, { note: e.target.value })}
                  placeholder={t('settings.calendar.notePlaceholder')}
                  aria-label={t('settings.calendar.noteLabel', { n: i + 1 })}
                  title={calendarNote(r.note)}
                  data-testid={`${testId}-note`}
                />
                {mayChange && (
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                    aria-label={t('settings.calendar.removeDay', { n: i + 1 })}
                    data-testid={`${testId}-remove`}
                  >
                    <Trash2 size={16} aria-hidden="true" />
                  </button>
                )}
                {bad && <p className="field__error calendar__row-error">{coreText('problem-date_format')}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {mayChange && (
        <button type="button" className="button button--ghost button--small calendar__add-day" onClick={() => onChange([...rows, { key: nextKey++, date: '', note: '' }])} data-testid={`${testId}-add`}>
          <Plus size={16} aria-hidden="true" />
          {t('settings.calendar.addDay')}
        </button>
      )}
    </div>
  );
}

/** The days of a year that differ from a plain week, as the core works them out. */
function SpecialDays({ year }: { year: number }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<SpecialDay[] | null>(null);
  const [notes, setNotes] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.calendarSpecialDays(year), api.calendarYears()])
      .then(([d, years]) => {
        if (!live) return;
        const y = years.find((x) => x.year === year);
        setNotes(new Map([...(y?.daysOff ?? []), ...(y?.workingDays ?? [])].map((m) => [m.date, m.note])));
        setDays(d);
      })
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [year]);

  if (error) return <ErrorMessage error={error} testId="calendar-special-error" />;
  if (!days) return null;
  return (
    <section className="calendar__special" aria-labelledby={`special-${year}`} data-testid="calendar-special">
      <h3 id={`special-${year}`} className="form-section__title">
        {t('settings.calendar.specialTitle', { year })}
      </h3>
      <p className="field__hint">{t('settings.calendar.specialHint')}</p>
      <div className="table-scroll calendar__special-scroll">
        <table className="table table--compact calendar__special-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.calendar.columns.day')}</th>
              <th scope="col">{t('settings.calendar.columns.what')}</th>
              <th scope="col">{t('settings.calendar.columns.why')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => {
              const note = notes.get(d.date);
              const off = d.kind === 'holiday' || d.kind === 'dayOff';
              return (
                <tr key={d.date} data-testid="calendar-special-day" data-date={d.date} data-kind={d.kind}>
                  <td className="calendar__special-date">
                    <span className="strong">{displayDate(d.date)}</span> <span className="muted">{weekdayText(t, d.date)}</span>
                  </td>
                  <td>
                    <span className={`calendar__kind calendar__kind--${off ? 'off' : 'working'}`}>{specialDayText(t, d)}</span>
                  </td>
                  <td className="muted">{note ? calendarNote(note) : d.kind === 'holiday' ? t('settings.calendar.byLaw') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

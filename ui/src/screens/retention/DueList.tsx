import { useVirtualizer } from '@tanstack/react-virtual';
import { CalendarCheck, Eraser, Flame, Lock, Scale } from 'lucide-react';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../people/people.css';
import './retention.css';
import { api, toApiError, type ApiError, type Due, type DueList as DueListData, type EndAction, type LifecycleMeta } from '../../api';
import { useCan } from '../../app-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OnlyResponsible } from '../../components/OnlyResponsible';
import { LoadingBlock } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import { formatDate } from '../../lib/format';
import { useDelayedFlag } from '../../lib/hooks';
import { errorField, ruleText } from '../../lib/lifecycle';
import { displayDate, kindLabel, useCount, useUiLanguage } from '../../lib/register';
import { peoplePath } from '../../lib/route';
import { EndDialog, type EndTarget } from '../lifecycle/EndDialog';
import { errorText } from '../../lib/errors';

/** Above this many rows the table is virtualised, like the register. */
export const VIRTUAL_FROM = 200;
const ROW_HEIGHT = 52;

/**
 * Who is due for the end of retention on a day, by the backend's rules: tick people (or take
 * everyone due) and anonymise or destroy them through the same confirm-and-act dialog. Blocked
 * people are listed and marked; the backend skips them. People under legal hold are only counted.
 * A role that may not end the data's life (end_life) sees the list without the ticks and actions.
 */
export function DueList({ meta }: { meta: LifecycleMeta }) {
  const { t } = useTranslation();
  const toast = useToast();
  const count = useCount();
  const mayEnd = useCan()('end_life');
  const id = useId().replace(/:/g, '');
  const [asOf, setAsOf] = useState(() => formatDate(new Date()));
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [list, setList] = useState<DueListData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** A date the backend could not read: shown under the date, the list stays. */
  const [dateError, setDateError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [ending, setEnding] = useState<{ action: EndAction; target: EndTarget } | null>(null);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(async (day: string) => {
    setLoading(true);
    setError(null);
    setDateError(null);
    try {
      const result = await api.retentionDue(day.trim() || null);
      setList(result);
      setShownFor(day.trim() || null);
      setSelected(new Set());
    } catch (e) {
      const err = toApiError(e);
      if (errorField(err) === 'as_of') setDateError(err);
      else setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(asOf);
    // Once, for today; later days are asked for with the Show button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  const people = list?.people ?? [];
  const selectable = useMemo(() => people.filter((p) => !p.blocked), [people]);
  const allSelected = selectable.length > 0 && selectable.every((p) => selected.has(p.id));
  const chosen = people.filter((p) => selected.has(p.id));

  const toggle = useCallback((pid: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(pid)) next.delete(pid);
      else next.add(pid);
      return next;
    });
  }, []);

  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(selectable.map((p) => p.id)));

  const endSelected = (action: EndAction) =>
    setEnding({ action, target: { kind: 'people', ids: chosen.map((p) => p.id), numbers: chosen.map((p) => p.number) } });
  const endAll = (action: EndAction) => setEnding({ action, target: { kind: 'due', asOf: shownFor, count: selectable.length } });

  const dayLabel = list ? displayDate(list.asOf) : '';

  return (
    <section className="due" data-testid="retention-due" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('retention.tabs.due')}
      </h2>
      <div className="due__toolbar">
        <form
          className="due__as-of"
          onSubmit={(e) => {
            e.preventDefault();
            if (!loading) void load(asOf);
          }}
        >
          <label className="field__label" htmlFor={`${id}-as-of`}>
            {t('retention.due.asOf')}
          </label>
          <input
            id={`${id}-as-of`}
            className="input input--date"
            inputMode="numeric"
            placeholder={t('person.datePlaceholder')}
            value={asOf}
            onChange={(e) => {
              setAsOf(e.target.value);
              setDateError(null);
            }}
            aria-invalid={dateError !== null || undefined}
            aria-describedby={dateError ? `${id}-as-of-error` : undefined}
            data-testid="due-as-of"
          />
          <button type="submit" className="button button--secondary" disabled={loading} data-testid="due-show">
            <CalendarCheck size={18} aria-hidden="true" />
            {t('retention.due.show')}
          </button>
          {dateError && (
            <p className="field__error due__date-error" id={`${id}-as-of-error`} role="alert" data-testid="due-as-of-error">
              {errorText(t, dateError)}
            </p>
          )}
        </form>
        {list && (
          <div className="due__summary">
            <p className="due__total" aria-live="polite" data-testid="due-total" data-total={people.length}>
              {t('retention.due.total', { count: people.length, formatted: count(people.length), date: dayLabel })}
            </p>
            {list.held > 0 && (
              <p className="due__held" data-testid="due-held">
                <Scale size={15} aria-hidden="true" />
                <span>{t('retention.due.held', { count: list.held, formatted: count(list.held) })}</span>
              </p>
            )}
          </div>
        )}
      </div>

      {list && people.length > 0 && !mayEnd && <OnlyResponsible text={t('onlyResponsible.end')} testId="due-only-responsible" />}

      {list && people.length > 0 && mayEnd && (
        <div className="due__actions" role="group" aria-label={t('retention.due.actionsLabel')}>
          <div className="due__actions-group">
            <span className="due__selected" data-testid="due-selected" data-count={chosen.length}>
              {t('retention.due.selected', { count: chosen.length, formatted: count(chosen.length) })}
            </span>
            <button
              type="button"
              className="button button--danger-outline button--small"
              disabled={chosen.length === 0}
              onClick={() => endSelected('anonymise')}
              data-testid="due-anonymise"
            >
              <Eraser size={16} aria-hidden="true" />
              {t('retention.due.anonymiseSelected')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={chosen.length === 0}
              onClick={() => endSelected('destroy')}
              data-testid="due-destroy"
            >
              <Flame size={16} aria-hidden="true" />
              {t('retention.due.destroySelected')}
            </button>
          </div>
          <div className="due__actions-group">
            <span className="muted small">{t('retention.due.everyone', { count: selectable.length, formatted: count(selectable.length) })}</span>
            <button
              type="button"
              className="button button--danger-outline button--small"
              disabled={selectable.length === 0}
              onClick={() => endAll('anonymise')}
              data-testid="due-anonymise-all"
            >
              {t('retention.due.anonymiseAll')}
            </button>
            <button
              type="button"
              className="button button--danger-outline button--small"
              disabled={selectable.length === 0}
              onClick={() => endAll('destroy')}
              data-testid="due-destroy-all"
            >
              {t('retention.due.destroyAll')}
            </button>
          </div>
        </div>
      )}

      <div className={`table-card${list && people.length === 0 ? ' table-card--empty' : ''}`} aria-busy={loading}>
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="due-error" />
            <button type="button" className="button button--secondary" onClick={() => void load(asOf)}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : !list ? (
          showLoading ? <LoadingBlock label={t('retention.due.loading')} /> : <div className="state state--blank" />
        ) : people.length === 0 ? (
          <div className="state" data-testid="due-empty">
            <CalendarCheck size={32} aria-hidden="true" className="state__icon ok-icon" />
            <p className="state__title">{t('retention.due.emptyTitle')}</p>
            <p className="muted">{t('retention.due.emptyText')}</p>
          </div>
        ) : (
          <DueTable people={people} meta={meta} selected={selected} onToggle={toggle} allSelected={allSelected} onToggleAll={toggleAll} loading={loading} selectable={mayEnd} />
        )}
      </div>

      {ending && (
        <EndDialog
          action={ending.action}
          target={ending.target}
          meta={meta}
          presetGround="retention_ended"
          onClose={() => setEnding(null)}
          onDone={(act) => {
            setEnding(null);
            toast.success(t(`lifecycle.act.done.${act.action}`, { count: act.subjects.length }));
            void load(shownFor ?? '');
          }}
        />
      )}
    </section>
  );
}

function DueTable({
  people,
  meta,
  selected,
  onToggle,
  allSelected,
  onToggleAll,
  loading,
  selectable,
}: {
  people: Due[];
  meta: LifecycleMeta;
  selected: Set<string>;
  onToggle: (id: string) => void;
  allSelected: boolean;
  onToggleAll: () => void;
  loading: boolean;
  /** Ticks to choose whom to end (only for a role that may). */
  selectable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const head = (
    <thead>
      <tr>
        {selectable && (
          <th scope="col" className="table__check">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={onToggleAll}
              aria-label={t('retention.due.selectAll')}
              disabled={people.every((p) => p.blocked)}
              data-testid="due-select-all"
            />
          </th>
        )}
        <th scope="col" className="table__num">
          {t('people.columns.number')}
        </th>
        <th scope="col" className="due__name">
          {t('people.columns.name')}
        </th>
        <th scope="col" className="due__kind">
          {t('people.columns.kind')}
        </th>
        <th scope="col" className="table__when">
          {t('retention.due.since')}
        </th>
        <th scope="col">{t('retention.due.rule')}</th>
      </tr>
    </thead>
  );
  const rowProps = { meta, onToggle, lang: i18n.language, selectable };
  if (people.length <= VIRTUAL_FROM) {
    return (
      <div className="table-scroll" tabIndex={0} aria-label={t('retention.due.tableTitle')}>
        <table className="table table--due" data-testid="due-table">
          {head}
          <tbody className={loading ? 'is-loading' : undefined}>
            {people.map((p) => (
              <DueRow key={p.id} due={p} checked={selected.has(p.id)} {...rowProps} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return <VirtualDueTable people={people} head={head} selected={selected} rowProps={rowProps} loading={loading} />;
}

function VirtualDueTable({
  people,
  head,
  selected,
  rowProps,
  loading,
}: {
  people: Due[];
  head: React.ReactNode;
  selected: Set<string>;
  rowProps: { meta: LifecycleMeta; onToggle: (id: string) => void; lang: string; selectable: boolean };
  loading: boolean;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <div className="table-scroll" ref={scrollRef} tabIndex={0} aria-label={t('retention.due.tableTitle')}>
      <table className="table table--due" data-testid="due-table" aria-rowcount={people.length + 1}>
        {head}
        <tbody className={loading ? 'is-loading' : undefined}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={rowProps.selectable ? 6 : 5} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const p = people[item.index]!;
            return <DueRow key={p.id} due={p} checked={selected.has(p.id)} {...rowProps} />;
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={rowProps.selectable ? 6 : 5} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const DueRow = memo(function DueRow({
  due: p,
  checked,
  meta,
  onToggle,
  selectable,
}: {
  due: Due;
  checked: boolean;
  meta: LifecycleMeta;
  onToggle: (id: string) => void;
  /** Only to re-render when the language changes. */
  lang: string;
  selectable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const name = p.fullName || t('people.noName');
  return (
    <tr className={`due__row${p.blocked ? ' due__row--blocked' : ''}${checked ? ' is-selected' : ''}`} data-testid="due-row" data-number={p.number} data-blocked={p.blocked}>
      {selectable && (
        <td className="table__check">
          <input
            type="checkbox"
            checked={checked}
            disabled={p.blocked}
            onChange={() => onToggle(p.id)}
            aria-label={t('retention.due.selectOne', { name, number: p.number })}
            title={p.blocked ? t('retention.due.blockedHint') : undefined}
            data-testid={`due-check-${p.number}`}
          />
        </td>
      )}
      <td className="table__num">{p.number}</td>
      <td>
        <span className="due__name-cell">
          <a className="register__name" href={peoplePath.person(p.id)} title={name}>
            {name}
          </a>
          {p.blocked && (
            <span className="state-badge state-badge--blocked" title={t('retention.due.blockedHint')} data-testid="due-blocked">
              <Lock size={12} aria-hidden="true" />
              {t('retention.due.blocked')}
            </span>
          )}
        </span>
      </td>
      <td className="due__kind">{kindLabel(t, p.kind)}</td>
      <td className="table__when">{displayDate(p.dueSince)}</td>
      <td className="due__rule">{ruleText(t, p.rule, meta, lang)}</td>
    </tr>
  );
});

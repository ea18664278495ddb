import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowUpRight, ChevronDown, Flame, ShieldCheck, ShieldPlus, TriangleAlert, UserRoundX } from 'lucide-react';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../people/people.css';
import '../people/person.css';
import '../retention/retention.css';
import './lapsed.css';
import { api, toApiError, type ApiError, type Kind, type Lapse, type LapseReason, type LifecycleMeta } from '../../api';
import { useCan } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock, Spinner } from '../../components/Spinner';
import { useToast } from '../../components/Toast';
import {
  basisDraft,
  basisProblemOf,
  checkBasis,
  initialBasis,
  lapseClockText,
  lapseReasonLabel,
  type BasisProblem,
  type BasisState,
} from '../../lib/basis';
import { errorText } from '../../lib/errors';
import { useDelayedFlag } from '../../lib/hooks';
import { useLifecycleMeta } from '../../lib/lifecycle';
import { displayDate, kindLabel, useCount } from '../../lib/register';
import { peoplePath } from '../../lib/route';
import { BasisFields } from '../basis/BasisFields';
import { EndDialog } from '../lifecycle/EndDialog';

/** Above this many rows the table is virtualised, like the register. */
const VIRTUAL_FROM = 200;
const ROW_HEIGHT = 50;
const REASONS: LapseReason[] = ['no_basis', 'consent_expired', 'consent_withdrawn', 'ground_incomplete', 'ground_not_for_ngo'];

/**
 * People whose data is processed without a basis (Art. 7(1), 9): entered before Derbes asked for
 * one, a consent that ended or was withdrawn, a ground without its law or one only state bodies
 * have. Each has one working day (Art. 25(2)(8)) — overdue in red. Tick people and give them a
 * basis at once ("paper consents on file", or an Art. 9 ground), open a person, or destroy the
 * data of those who have none. The dashboard's "without a basis" tile leads here (#/lapsed).
 */
export function LapsedScreen() {
  const { t } = useTranslation();
  const toast = useToast();
  const count = useCount();
  const mayEnd = useCan()('end_life');
  const id = useId().replace(/:/g, '');
  const lifecycle = useLifecycleMeta();
  const [list, setList] = useState<Lapse[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [reason, setReason] = useState<LapseReason | ''>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [giving, setGiving] = useState(false);
  const [ending, setEnding] = useState(false);
  const showLoading = useDelayedFlag(list === null && error === null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setList(await api.lapsedBases());
      setSelected(new Set());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const all = list ?? [];
  const shown = useMemo(() => (reason ? all.filter((l) => l.reason === reason) : all), [all, reason]);
  const overdue = all.filter((l) => l.clock.state === 'overdue').length;
  const byReason = useMemo(() => {
    const m = new Map<LapseReason, number>();
    for (const l of all) m.set(l.reason, (m.get(l.reason) ?? 0) + 1);
    return m;
  }, [all]);
  const chosen = shown.filter((l) => selected.has(l.id));
  const allSelected = shown.length > 0 && shown.every((l) => selected.has(l.id));

  const toggle = useCallback((pid: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(pid)) next.delete(pid);
      else next.add(pid);
      return next;
    });
  }, []);
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(shown.map((l) => l.id)));

  return (
    <div className="page page--full page--lapsed" data-testid="lapsed-screen">
      <header className="page__header">
        <div>
          <h1 className="page__title with-icon">
            <UserRoundX size={26} aria-hidden="true" />
            {t('basis.lapsed.title')}
          </h1>
          <p className="page__lead">{t('basis.lapsed.lead')}</p>
        </div>
      </header>

      {list && all.length > 0 && (
        <ul className="lapsed__ways" aria-label={t('basis.lapsed.waysLabel')}>
          <li>
            <ShieldPlus size={18} aria-hidden="true" />
            <span>{t('basis.lapsed.wayConsent')}</span>
          </li>
          <li>
            <ShieldCheck size={18} aria-hidden="true" />
            <span>{t('basis.lapsed.wayGround')}</span>
          </li>
          <li>
            <Flame size={18} aria-hidden="true" />
            <span>{t('basis.lapsed.wayDestroy')}</span>
          </li>
        </ul>
      )}

      {list && all.length > 0 && (
        <div className="register__toolbar">
          <div className="register__toolbar-row">
            <ReasonChip value={reason} counts={byReason} onChange={(r) => {
              setReason(r);
              setSelected(new Set());
            }} />
            <p className="register__total lapsed__total" aria-live="polite" data-testid="lapsed-total" data-total={all.length} data-overdue={overdue}>
              {t('basis.lapsed.total', { count: all.length, formatted: count(all.length) })}
              {overdue > 0 && <span className="lapsed__overdue"> · {t('basis.lapsed.overdueCount', { count: overdue, formatted: count(overdue) })}</span>}
            </p>
          </div>
          <div className="due__actions" role="group" aria-label={t('basis.lapsed.actionsLabel')}>
            <div className="due__actions-group">
              <span className="due__selected" data-testid="lapsed-selected" data-count={chosen.length}>
                {t('retention.due.selected', { count: chosen.length, formatted: count(chosen.length) })}
              </span>
              <button
                type="button"
                className="button button--primary button--small"
                disabled={chosen.length === 0 || !lifecycle.meta}
                onClick={() => setGiving(true)}
                data-testid="lapsed-give-basis"
              >
                <ShieldPlus size={16} aria-hidden="true" />
                {t('basis.lapsed.give')}
              </button>
              {mayEnd && (
                <button
                  type="button"
                  className="button button--danger-outline button--small"
                  disabled={chosen.length === 0}
                  onClick={() => setEnding(true)}
                  data-testid="lapsed-destroy"
                >
                  <Flame size={16} aria-hidden="true" />
                  {t('basis.lapsed.destroy')}
                </button>
              )}
            </div>
          </div>
        </div>
      )}

      <div className={`table-card${list && all.length === 0 ? ' table-card--empty' : ''}`} aria-busy={loading}>
        {error ? (
          <div className="state">
            <ErrorMessage error={error} testId="lapsed-error" />
            <button type="button" className="button button--secondary" onClick={() => void load()}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : !list ? (
          showLoading ? <LoadingBlock label={t('basis.lapsed.loading')} /> : <div className="state state--blank" />
        ) : all.length === 0 ? (
          <div className="state" data-testid="lapsed-empty">
            <ShieldCheck size={32} aria-hidden="true" className="state__icon ok-icon" />
            <p className="state__title">{t('basis.lapsed.emptyTitle')}</p>
            <p className="muted">{t('basis.lapsed.emptyText')}</p>
          </div>
        ) : (
          <LapseTable id={id} lapses={shown} selected={selected} onToggle={toggle} allSelected={allSelected} onToggleAll={toggleAll} loading={loading} />
        )}
      </div>

      {giving && lifecycle.meta && (
        <GiveBasisDialog
          lapses={chosen}
          meta={lifecycle.meta}
          onClose={() => setGiving(false)}
          onDone={(n) => {
            setGiving(false);
            toast.success(t('basis.lapsed.given', { count: n, formatted: count(n) }));
            void load();
          }}
        />
      )}
      {ending && (
        <EndDialog
          action="destroy"
          target={{ kind: 'people', ids: chosen.map((l) => l.id), numbers: chosen.map((l) => l.number) }}
          meta={lifecycle.meta}
          presetGround="unlawful_processing"
          onClose={() => setEnding(false)}
          onDone={(act) => {
            setEnding(false);
            toast.success(t(`lifecycle.act.done.${act.action}`, { count: act.subjects.length }));
            void load();
          }}
        />
      )}
    </div>
  );
}

function ReasonChip({ value, counts, onChange }: { value: LapseReason | ''; counts: Map<LapseReason, number>; onChange: (r: LapseReason | '') => void }) {
  const { t } = useTranslation();
  const options = REASONS.filter((r) => (counts.get(r) ?? 0) > 0);
  const current = value ? lapseReasonLabel(t, value) : t('people.filters.all');
  return (
    <label className={`chip${value ? ' chip--active' : ''}`}>
      <span className="chip__label">{t('basis.lapsed.reason')}:</span>
      <span className="chip__value" aria-hidden="true">
        {current}
      </span>
      <ChevronDown size={16} aria-hidden="true" className="chip__chevron" />
      <select className="chip__select" value={value} onChange={(e) => onChange(e.target.value as LapseReason | '')} data-testid="lapsed-filter-reason">
        <option value="">{t('people.filters.all')}</option>
        {options.map((r) => (
          <option key={r} value={r}>
            {lapseReasonLabel(t, r)} ({counts.get(r)})
          </option>
        ))}
      </select>
    </label>
  );
}

function LapseTable({
  id,
  lapses,
  selected,
  onToggle,
  allSelected,
  onToggleAll,
  loading,
}: {
  id: string;
  lapses: Lapse[];
  selected: Set<string>;
  onToggle: (id: string) => void;
  allSelected: boolean;
  onToggleAll: () => void;
  loading: boolean;
}) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = lapses.length > VIRTUAL_FROM;
  const virtualizer = useVirtualizer({
    count: virtual ? lapses.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = virtual ? (items[0]?.start ?? 0) : 0;
  const paddingBottom = virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const rows = virtual ? items.map((item) => lapses[item.index]!) : lapses;
  return (
    <div className="table-scroll" ref={scrollRef} tabIndex={0} aria-label={t('basis.lapsed.tableTitle')}>
      <table className="table table--lapsed" data-testid="lapsed-table" aria-rowcount={lapses.length + 1} aria-describedby={`${id}-legend`}>
        <thead>
          <tr>
            <th scope="col" className="table__check">
              <input type="checkbox" checked={allSelected} onChange={onToggleAll} aria-label={t('basis.lapsed.selectAll')} data-testid="lapsed-select-all" />
            </th>
            <th scope="col" className="table__num">
              {t('people.columns.number')}
            </th>
            <th scope="col">{t('people.columns.kind')}</th>
            <th scope="col">{t('basis.lapsed.reason')}</th>
            <th scope="col" className="table__when">
              {t('basis.lapsed.since')}
            </th>
            <th scope="col">{t('basis.lapsed.actBy')}</th>
            <th scope="col" className="lapsed__open-col">
              <span className="visually-hidden">{t('basis.lapsed.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody className={loading ? 'is-loading' : undefined}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={7} style={{ height: paddingTop }} />
            </tr>
          )}
          {rows.map((l) => (
            <LapseRow key={l.id} lapse={l} checked={selected.has(l.id)} onToggle={onToggle} lang={i18n.language} />
          ))}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={7} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      <p id={`${id}-legend`} className="visually-hidden">
        {t('basis.lapsed.legend')}
      </p>
    </div>
  );
}

const LapseRow = memo(function LapseRow({
  lapse: l,
  checked,
  onToggle,
}: {
  lapse: Lapse;
  checked: boolean;
  onToggle: (id: string) => void;
  /** Only to re-render when the language changes. */
  lang: string;
}) {
  const { t } = useTranslation();
  const clock = lapseClockText(t, l.clock);
  return (
    <tr
      className={`due__row lapsed__row lapsed__row--${l.clock.state}${checked ? ' is-selected' : ''}`}
      data-testid="lapsed-row"
      data-number={l.number}
      data-reason={l.reason}
      data-clock={l.clock.state}
    >
      <td className="table__check">
        <input
          type="checkbox"
          checked={checked}
          onChange={() => onToggle(l.id)}
          aria-label={t('basis.lapsed.selectOne', { number: l.number })}
          data-testid={`lapsed-check-${l.number}`}
        />
      </td>
      <td className="table__num">{l.number}</td>
      <td>
        <span className="kind-tag kind-tag--small">{kindLabel(t, l.kind)}</span>
      </td>
      <td>{lapseReasonLabel(t, l.reason)}</td>
      <td className="table__when">{displayDate(l.since)}</td>
      <td>
        <span className={`clock-text clock-text--${clock.tone}`} data-testid={`lapsed-clock-${l.number}`}>
          {clock.tone === 'danger' && <TriangleAlert size={15} aria-hidden="true" />}
          {clock.text}
        </span>
      </td>
      <td className="lapsed__open-col">
        <a className="link lapsed__open" href={peoplePath.person(l.id)} data-testid={`lapsed-open-${l.number}`}>
          {t('basis.lapsed.open')}
          <ArrowUpRight size={15} aria-hidden="true" />
        </a>
      </td>
    </tr>
  );
});

/**
 * One basis for the people ticked: "paper consents on file" (the purposes, the day the scans are
 * due) or an Art. 9 ground with its law. All or nothing: the core gives it to everyone or to nobody.
 */
function GiveBasisDialog({ lapses, meta, onClose, onDone }: { lapses: Lapse[]; meta: LifecycleMeta; onClose: () => void; onDone: (n: number) => void }) {
  const { t } = useTranslation();
  const count = useCount();
  const kinds = useMemo(() => [...new Set(lapses.map((l) => l.kind))] as Kind[], [lapses]);
  const [basis, setBasis] = useState<BasisState>(() => initialBasis(kinds.length === 1 ? kinds[0] : 'beneficiary'));
  const [problems, setProblems] = useState<BasisProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const withdrawn = lapses.filter((l) => l.reason === 'consent_withdrawn').length;

  const give = async () => {
    const missing = checkBasis(basis);
    if (missing.length) {
      setProblems(missing);
      return;
    }
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      onDone(await api.subjectsSetBasis(lapses.map((l) => l.id), basisDraft(basis, 'batch')));
    } catch (e) {
      const err = toApiError(e);
      const problem = basisProblemOf(t, err);
      if (problem && problem.field !== 'representative') setProblems([problem]);
      else setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('basis.lapsed.giveTitle', { count: lapses.length, formatted: count(lapses.length) })} onClose={() => !busy && onClose()} testId="give-basis" size="wide">
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void give();
        }}
      >
        <p className="muted">{t('basis.lapsed.giveLead')}</p>
        {kinds.length > 1 && (
          <p className="notice notice--info small" data-testid="give-basis-kinds">
            <ShieldCheck size={16} aria-hidden="true" />
            <span>{t('basis.lapsed.mixedKinds', { kinds: kinds.map((k) => kindLabel(t, k).toLowerCase()).join(', ') })}</span>
          </p>
        )}
        {withdrawn > 0 && (
          <p className="notice notice--warning small" data-testid="give-basis-withdrawn">
            <TriangleAlert size={16} aria-hidden="true" />
            <span>{t('basis.lapsed.withdrawnWarning', { count: withdrawn })}</span>
          </p>
        )}
        <BasisFields
          mode="batch"
          kinds={kinds}
          meta={meta}
          value={basis}
          onChange={(next) => {
            setBasis(next);
            setProblems([]);
            setError(null);
          }}
          problems={problems}
          disabled={busy}
        />
        {error && <ErrorMessage error={error} text={errorText(t, error)} testId="give-basis-error" />}
        <div className="actions actions--end">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy} data-testid="give-basis-save">
            {busy ? <Spinner /> : <ShieldPlus size={18} aria-hidden="true" />}
            {t('basis.lapsed.giveSave', { count: lapses.length, formatted: count(lapses.length) })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

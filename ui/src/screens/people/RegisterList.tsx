import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, Columns3, FileUp, Globe, Search, UserPlus, UserRoundX, UsersRound, X } from 'lucide-react';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './people.css';
import '../lapsed/lapsed.css';
import {
  api,
  toApiError,
  type Access,
  type ApiError,
  type FieldKey,
  type Kind,
  type RegisterMeta,
  type SubjectQuery,
  type SubjectRow,
} from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useDelayedFlag } from '../../lib/hooks';
import { displayDate, displayPhone, fullName, kindLabel, regionName, sexLabel, useCount, useUiLanguage } from '../../lib/register';
import { navigate, peoplePath } from '../../lib/route';

export const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const SEARCH_DEBOUNCE_MS = 150;
/** Pages kept in memory around what is on screen; the rest are fetched again when needed. */
const MAX_PAGES = 40;
const COLUMNS_KEY = 'derbes.people.columns';

export interface Filters {
  kind?: Kind;
  region?: string;
  programme?: string;
  access?: Access;
  ageBand?: string;
}

export interface ListState {
  search: string;
  filters: Filters;
  scrollTop: number;
}

type ColumnId = 'number' | 'name' | 'kind' | 'iin' | 'birth_date' | 'sex' | 'phone' | 'region' | 'programme' | 'access';

interface ColumnDef {
  id: ColumnId;
  /** Pixels; the name column takes what is left (at least NAME_MIN). */
  width: number;
  /** The column shows only when the inventory allows this field for some kind. */
  field?: FieldKey;
  /** Always shown; not in the column chooser. */
  fixed?: boolean;
  /** Hidden until the user turns it on in the column chooser. */
  off?: boolean;
}

const NAME_MIN = 200;
const COLUMNS: ColumnDef[] = [
  { id: 'number', width: 80, fixed: true },
  { id: 'name', width: 0, fixed: true },
  { id: 'kind', width: 142 },
  { id: 'iin', width: 124, field: 'iin' },
  { id: 'birth_date', width: 104, field: 'birth_date' },
  { id: 'sex', width: 92, field: 'sex', off: true },
  { id: 'phone', width: 150, field: 'phone' },
  { id: 'region', width: 160, field: 'region' },
  { id: 'programme', width: 170, field: 'programme', off: true },
  // Off by default: a public record's badge then sits next to its name.
  { id: 'access', width: 170, off: true },
];

/** The columns the user chose to show (saved on this computer), else the default set. */
function readShown(): Set<ColumnId> {
  try {
    const saved = JSON.parse(window.localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) return new Set(saved.filter((c) => typeof c === 'string') as ColumnId[]);
  } catch {
    // Unreadable: fall back to the default.
  }
  return new Set(COLUMNS.filter((c) => !c.off).map((c) => c.id));
}

function saveShown(shown: Set<ColumnId>) {
  try {
    window.localStorage.setItem(COLUMNS_KEY, JSON.stringify([...shown]));
  } catch {
    // Not fatal: the choice is just not remembered.
  }
}


/**
 * The rows of one query, fetched in pages of PAGE_SIZE by offset as the visible window moves.
 * `total` (from the first answer) sizes the scroll area; rows not fetched yet are placeholders.
 */
function useRegisterRows(query: Omit<SubjectQuery, 'offset' | 'limit'>) {
  const pages = useRef(new Map<number, SubjectRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const wanted = useRef<[number, number]>([0, 0]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [, setVersion] = useState(0);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      const gen = generation.current;
      pending.current.add(page);
      api
        .subjectList({ ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          // Forget pages far from what the user is looking at.
          if (pages.current.size > MAX_PAGES) {
            const centre = Math.floor(wanted.current[0] / PAGE_SIZE);
            const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
            for (const p of far.slice(0, pages.current.size - MAX_PAGES)) pages.current.delete(p);
          }
          setTotal(result.total);
          setError(null);
          setVersion((v) => v + 1);
        })
        .catch((e) => {
          if (gen === generation.current) setError(toApiError(e));
        })
        .finally(() => {
          if (gen === generation.current) pending.current.delete(page);
        });
    },
    // `key` is `query` as text: a new object with the same filters is the same query.
    [key],
  );

  // A new query starts from nothing.
  useEffect(() => {
    generation.current++;
    pages.current.clear();
    pending.current.clear();
    setTotal(null);
    setError(null);
    // The first page also brings `total`, which sizes the scroll area.
    fetchPage(0);
    return () => clearTimeout(timer.current);
  }, [fetchPage]);

  /** The window [first, last] is on screen: fetch its pages (at once if adjacent, else after a pause). */
  const ensure = useCallback(
    (first: number, last: number) => {
      wanted.current = [first, last];
      const from = Math.floor(first / PAGE_SIZE);
      const to = Math.floor(last / PAGE_SIZE);
      const missing: number[] = [];
      for (let p = from; p <= to; p++) if (!pages.current.has(p)) missing.push(p);
      if (missing.length === 0) return;
      clearTimeout(timer.current);
      // While the scrollbar is dragged fast through 100,000 rows, ask only where it stops.
      const near = missing.every((p) => pages.current.has(p - 1) || pages.current.has(p + 1));
      if (near) missing.forEach(fetchPage);
      else timer.current = setTimeout(() => missing.forEach(fetchPage), 80);
    },
    [fetchPage],
  );

  const rowAt = (index: number): SubjectRow | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  const retry = () => {
    setError(null);
    pending.current.clear();
    const [first, last] = wanted.current;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p);
  };

  return { total, error, rowAt, ensure, retry };
}

/** How many people are processed without a basis, and how many of them are overdue (null until known). */
function useLapsedCount(): { total: number; overdue: number } | null {
  const [n, setN] = useState<{ total: number; overdue: number } | null>(null);
  useEffect(() => {
    let live = true;
    api
      .lapsedBases()
      .then((list) => {
        if (live && Array.isArray(list)) setN({ total: list.length, overdue: list.filter((l) => l.clock?.state === 'overdue').length });
      })
      // The register works without it: the dashboard's tile says the same.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return n;
}

export function RegisterList({ meta, state }: { meta: RegisterMeta; state: ListState }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const id = useId();
  const [search, setSearch] = useState(state.search);
  const [debounced, setDebounced] = useState(state.search);
  const [filters, setFilters] = useState<Filters>(state.filters);
  const [chosen, setChosen] = useState(readShown);
  const [chooserOpen, setChooserOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  // Remember the search and filters for the way back from a person's page.
  state.search = search;
  state.filters = filters;

  const query = useMemo(() => {
    const q: Omit<SubjectQuery, 'offset' | 'limit'> = {};
    if (debounced.trim()) q.search = debounced.trim();
    for (const [k, v] of Object.entries(filters)) if (v) (q as Record<string, string>)[k] = v;
    return q;
  }, [debounced, filters]);
  const filtering = Object.keys(query).length > 0;

  const rows = useRegisterRows(query);
  const { total, error, retry } = rows;
  const showLoading = useDelayedFlag(total === null && error === null);

  // Ctrl+F focuses the search (e.code: the physical key, so it works in kk and ru layouts).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.code === 'KeyF' || e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const available = useMemo(() => {
    const allowed = new Set(Object.values(meta.allowed).flat());
    return COLUMNS.filter((c) => !c.field || allowed.has(c.field));
  }, [meta]);
  const shown = useMemo(() => available.filter((c) => c.fixed || chosen.has(c.id)), [available, chosen]);

  const toggleColumn = useCallback((col: ColumnId) => {
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(col)) next.delete(col);
      else next.add(col);
      saveShown(next);
      return next;
    });
  }, []);
  const closeChooser = useCallback(() => setChooserOpen(false), []);

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | '') => {
    setFilters((prev) => {
      const next = { ...prev };
      if (value) next[key] = value as Filters[K];
      else delete next[key];
      return next;
    });
  };
  const clearAll = () => {
    setFilters({});
    setSearch('');
    setDebounced('');
  };

  const count = useCount();
  const empty = total === 0;
  const lapsed = useLapsedCount();

  return (
    <div className="page page--full page--register">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('people.title')}</h1>
          <p className="page__lead">{t('people.lead')}</p>
        </div>
        <div className="page__actions">
          <a className="button button--secondary" href={peoplePath.import()} data-testid="people-import">
            <FileUp size={18} aria-hidden="true" />
            {t('people.import')}
          </a>
          <a className="button button--primary" href={peoplePath.add()} data-testid="people-add">
            <UserPlus size={18} aria-hidden="true" />
            {t('people.add')}
          </a>
        </div>
      </header>

      {lapsed !== null && lapsed.total > 0 && (
        <div className={`notice ${lapsed.overdue > 0 ? 'notice--danger' : 'notice--warning'} lapsed-notice`} role="note" data-testid="people-lapsed">
          <UserRoundX size={20} aria-hidden="true" />
          <span>
            {t('basis.lapsed.notice', { count: lapsed.total, formatted: count(lapsed.total) })}
            {lapsed.overdue > 0 && <strong> {t('basis.lapsed.noticeOverdue', { count: lapsed.overdue, formatted: count(lapsed.overdue) })}</strong>}
          </span>
          <a className="link" href="#/lapsed" data-testid="people-lapsed-link">
            {t('basis.lapsed.review')}
          </a>
        </div>
      )}

      <div className="register__toolbar" role="search" hidden={empty && !filtering}>
        <div className="register__toolbar-row">
          <div className="search">
            <Search size={18} aria-hidden="true" className="search__icon" />
            <label htmlFor={`${id}-search`} className="visually-hidden">
              {t('people.searchLabel')}
            </label>
            <input
              id={`${id}-search`}
              ref={searchRef}
              type="search"
              className="input search__input"
              placeholder={t('people.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && search) {
                  e.preventDefault();
                  setSearch('');
                }
              }}
              autoComplete="off"
              spellCheck={false}
              aria-keyshortcuts="Control+F"
              data-testid="people-search"
            />
            {search ? (
              <button type="button" className="search__clear" aria-label={t('people.clearSearch')} onClick={() => setSearch('')}>
                <X size={16} aria-hidden="true" />
              </button>
            ) : (
              <kbd className="search__kbd" aria-hidden="true">
                Ctrl+F
              </kbd>
            )}
          </div>
          <div className="register__meta">
            <span className="register__total" aria-live="polite" data-testid="people-total" data-total={total ?? ''}>
              {total !== null &&
                (filtering
                  ? t('people.found', { count: total, formatted: count(total) })
                  : t('people.total', { count: total, formatted: count(total) }))}
            </span>
            <div className="popover-anchor">
              <button
                type="button"
                className="button button--secondary button--small"
                aria-expanded={chooserOpen}
                aria-controls={`${id}-columns`}
                onClick={() => setChooserOpen((o) => !o)}
                data-testid="people-columns"
              >
                <Columns3 size={16} aria-hidden="true" />
                {t('people.columns.button')}
              </button>
              {chooserOpen && (
                <ColumnChooser
                  id={`${id}-columns`}
                  columns={available.filter((c) => !c.fixed)}
                  chosen={chosen}
                  onToggle={toggleColumn}
                  onClose={closeChooser}
                />
              )}
            </div>
          </div>
        </div>

        <div className="chips" role="group" aria-label={t('people.filters.label')}>
          <FilterChip
            label={t('people.filters.kind')}
            value={filters.kind ?? ''}
            onChange={(v) => setFilter('kind', v as Kind | '')}
            options={meta.kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            testId="people-filter-kind"
          />
          <FilterChip
            label={t('people.filters.region')}
            value={filters.region ?? ''}
            onChange={(v) => setFilter('region', v)}
            options={meta.regions.map((r) => ({ value: r.key, label: r[lang] }))}
            testId="people-filter-region"
          />
          {meta.programmes.length > 0 && (
            <FilterChip
              label={t('people.filters.programme')}
              value={filters.programme ?? ''}
              onChange={(v) => setFilter('programme', v)}
              options={meta.programmes.map((p) => ({ value: p, label: p }))}
              testId="people-filter-programme"
            />
          )}
          <FilterChip
            label={t('people.filters.access')}
            value={filters.access ?? ''}
            onChange={(v) => setFilter('access', v as Access | '')}
            options={(['restricted', 'public'] as const).map((a) => ({ value: a, label: t(`access.${a}`) }))}
            testId="people-filter-access"
          />
          <FilterChip
            label={t('people.filters.age')}
            value={filters.ageBand ?? ''}
            onChange={(v) => setFilter('ageBand', v)}
            options={meta.ageBands.map((b) => ({ value: b, label: t('people.filters.ageBand', { band: b.replace('-', '–') }) }))}
            testId="people-filter-age"
          />
          {filtering && (
            <button type="button" className="link-button" onClick={clearAll} data-testid="people-clear">
              <X size={15} aria-hidden="true" />
              {t('people.filters.clear')}
            </button>
          )}
        </div>
      </div>

      <section className={`table-card${empty ? ' table-card--empty' : ''}`} aria-labelledby={`${id}-table-title`} aria-busy={total === null}>
        <h2 id={`${id}-table-title`} className="visually-hidden">
          {t('people.tableTitle')}
        </h2>
        {error && total === null ? (
          <div className="state">
            <ErrorMessage error={error} />
            <button type="button" className="button button--secondary" onClick={retry}>
              {t('common.tryAgain')}
            </button>
          </div>
        ) : total === null ? (
          showLoading ? <LoadingBlock label={t('people.loading')} /> : <div className="state state--blank" />
        ) : empty && !filtering ? (
          <div className="state" data-testid="people-empty">
            <UsersRound size={36} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('people.emptyTitle')}</p>
            <p className="muted">{t('people.emptyText')}</p>
            <div className="actions">
              <a className="button button--primary" href={peoplePath.add()}>
                <UserPlus size={18} aria-hidden="true" />
                {t('people.add')}
              </a>
              <a className="button button--secondary" href={peoplePath.import()}>
                <FileUp size={18} aria-hidden="true" />
                {t('people.import')}
              </a>
            </div>
          </div>
        ) : empty ? (
          <div className="state" data-testid="people-no-match">
            <Search size={32} aria-hidden="true" className="state__icon" />
            <p className="state__title">{t('people.noMatchTitle')}</p>
            <p className="muted">{t('people.noMatchText')}</p>
            <button type="button" className="button button--secondary" onClick={clearAll}>
              {t('people.filters.clear')}
            </button>
          </div>
        ) : (
          <>
            {error && (
              <div className="register__inline-error">
                <ErrorMessage error={error}>
                  <button type="button" className="link-button" onClick={retry}>
                    {t('common.tryAgain')}
                  </button>
                </ErrorMessage>
              </div>
            )}
            <RegisterTable meta={meta} total={total} rows={rows} columns={shown} state={state} queryKey={JSON.stringify(query)} />
          </>
        )}
      </section>
    </div>
  );
}

/**
 * The virtualised table: only the rows in view (plus a few) are in the DOM; the spacer rows above
 * and below keep the scroll height of `total` rows. Scrolling re-renders this table only, and
 * rows already on screen are memoised.
 */
function RegisterTable({
  meta,
  total,
  rows,
  columns,
  state,
  queryKey,
}: {
  meta: RegisterMeta;
  total: number;
  rows: ReturnType<typeof useRegisterRows>;
  columns: ColumnDef[];
  state: ListState;
  queryKey: string;
}) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rowAt, ensure } = rows;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset: state.scrollTop,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total) ensure(firstIndex, lastIndex);
  }, [ensure, firstIndex, lastIndex, total]);

  // A new query starts at the top; coming back to the same query keeps the restored position.
  const lastQueryKey = useRef(queryKey);
  useEffect(() => {
    if (lastQueryKey.current === queryKey) return;
    lastQueryKey.current = queryKey;
    virtualizer.scrollToOffset(0);
    state.scrollTop = 0;
  }, [queryKey, state, virtualizer]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const minWidth = columns.reduce((sum, c) => sum + (c.width || NAME_MIN), 0);
  const showAccessInName = !columns.some((c) => c.id === 'access');

  return (
    <div
      className="table-scroll"
      ref={scrollRef}
      tabIndex={0}
      aria-label={t('people.tableTitle')}
      onScroll={(e) => (state.scrollTop = e.currentTarget.scrollTop)}
    >
      <table className="table table--register" data-testid="people-table" aria-rowcount={total + 1} style={{ minWidth }}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={c.id === 'number' ? 'table__num' : undefined}>
                {t(`people.columns.${c.id}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={columns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index);
            return row ? (
              <RegisterRow
                key={row.id}
                row={row}
                index={item.index}
                columns={columns}
                meta={meta}
                lang={i18n.language}
                accessInName={showAccessInName}
              />
            ) : (
              <tr key={`p-${item.index}`} className="register__row register__row--loading" aria-rowindex={item.index + 2}>
                {columns.map((c) => (
                  <td key={c.id} className={c.id === 'number' ? 'table__num' : undefined}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="register__spacer">
              <td colSpan={columns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const RegisterRow = memo(function RegisterRow({
  row,
  index,
  columns,
  meta,
  lang,
  accessInName,
}: {
  row: SubjectRow;
  index: number;
  columns: ColumnDef[];
  meta: RegisterMeta;
  /** Only to re-render when the language changes. */
  lang: string;
  accessInName: boolean;
}) {
  const { t } = useTranslation();
  const v = row.values;
  const cell = (col: ColumnId): React.ReactNode => {
    switch (col) {
      case 'number':
        return row.number;
      case 'name': {
        const name = fullName(v) || t('people.noName');
        return (
          <span className="register__name-cell">
            <a href={peoplePath.person(row.id)} className="register__name" onClick={(e) => e.stopPropagation()} title={name}>
              {name}
            </a>
            {accessInName && row.access === 'public' && (
              <span className="badge badge--public badge--compact" title={`${t('access.public')}: ${t('access.publicHint')}`}>
                <Globe size={13} aria-hidden="true" />
                <span className="badge__text">{t('access.public')}</span>
              </span>
            )}
          </span>
        );
      }
      case 'kind':
        return kindLabel(t, row.kind);
      case 'iin':
        return <span className="mono">{v.iin}</span>;
      case 'birth_date':
        return displayDate(v.birth_date);
      case 'sex':
        return sexLabel(t, v.sex);
      case 'phone':
        return <span className="mono-digits">{displayPhone(v.phone)}</span>;
      case 'region':
        return regionName(meta, v.region, lang);
      case 'programme':
        return v.programme;
      case 'access':
        return row.access === 'public' ? (
          <span className="badge badge--public" title={t('access.publicHint')}>
            {t('access.public')}
          </span>
        ) : (
          <span className="visually-hidden">{t('access.restricted')}</span>
        );
    }
  };
  const title = (col: ColumnId): string | undefined =>
    col === 'region' ? regionName(meta, v.region, lang) || undefined : col === 'programme' ? v.programme : undefined;
  return (
    <tr
      className={`register__row${row.access === 'public' ? ' register__row--public' : ''}`}
      data-testid="people-row"
      data-number={row.number}
      aria-rowindex={index + 2}
      onClick={() => navigate(peoplePath.person(row.id))}
    >
      {columns.map((c) => (
        <td key={c.id} className={c.id === 'number' ? 'table__num' : undefined} title={title(c.id)}>
          {cell(c.id)}
        </td>
      ))}
    </tr>
  );
});

/** A filter as a chip: the label and the chosen value; the native select sits over it. */
function FilterChip({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const current = options.find((o) => o.value === value)?.label ?? t('people.filters.all');
  return (
    <label className={`chip${value ? ' chip--active' : ''}`}>
      <span className="chip__label">{label}:</span>
      <span className="chip__value" aria-hidden="true">
        {current}
      </span>
      <ChevronDown size={16} aria-hidden="true" className="chip__chevron" />
      <select className="chip__select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('people.filters.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function ColumnChooser({
  id,
  columns,
  chosen,
  onToggle,
  onClose,
}: {
  id: string;
  columns: ColumnDef[];
  chosen: Set<ColumnId>;
  onToggle: (col: ColumnId) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('input')?.focus();
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.parentElement?.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return (
    <div className="popover" id={id} ref={ref} role="group" aria-label={t('people.columns.title')} data-testid="people-column-chooser">
      <p className="popover__title">{t('people.columns.title')}</p>
      {columns.map((c) => (
        <label key={c.id} className="popover__option">
          <input type="checkbox" checked={chosen.has(c.id)} onChange={() => onToggle(c.id)} data-testid={`column-${c.id}`} />
          <span>{t(`people.columns.${c.id}`)}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND. The clocks of the preview's vault (see
 * ./preview-backend.ts): the working-day calendar (the shipped years 2025–2027), requests from
 * people with every state the Requests screen shows (overdue, due within a working day, running,
 * done with its evidence, refused), breaches (a proposal of 12 wrong passwords, one awaiting its
 * notice, one closed), the dashboard's tiles, and one-page SVG previews of the answer and the
 * notice. Nothing here is a rule of the product: the core counts the terms (crates/core/src/
 * calendar), finds the evidence and lays the documents out; this only imitates it enough to show
 * each state of the screens.
 *
 * A path containing "exists" is already taken.
 */
import type {
  AnswerSaved,
  BackupStatus,
  Breach,
  BreachDraft,
  CalendarYear,
  Clock,
  ClockSettings,
  ClockTile,
  Clocks,
  Closing,
  LifecycleOverview,
  NoticeSaved,
  RequestDraft,
  SpecialDay,
  StoredYear,
  SubjectRequest,
  SubjectsTold,
} from '../api';
import type { RegisterAccess } from './preview-register';

export const OBLIGATIONS_COMMANDS = new Set([
  'clocks',
  'calendar_years',
  'calendar_special_days',
  'calendar_set_year',
  'calendar_reset_year',
  'clock_settings',
  'clock_settings_set',
  'requests_list',
  'request_add',
  'request_close',
  'request_answer_preview',
  'request_answer_save',
  'breaches_list',
  'breach_add',
  'breach_notified',
  'breach_follow_up',
  'breach_close',
  'breach_confirm',
  'breach_dismiss',
  'breach_notice_preview',
  'breach_notice_save',
]);

export interface ObligationsHost {
  fail: (code: string, message: string, params?: Record<string, unknown>) => never;
  journal: (action: string, details?: Record<string, unknown>, object?: string | null) => void;
  /** The open vault's journal entries about an object, newest first, with their numbers. */
  journalFor: (object: string) => { seq: number; action: string }[];
  /** The number the next journal entry will get. */
  journalHead: () => number;
  userName: () => string;
  register: () => RegisterAccess;
  overview: () => LifecycleOverview;
  backup: () => BackupStatus;
  /** The notices of identifying transfers still owed (./preview-transfers.ts), for their tile. */
  transferNotices?: () => { clock: Clock }[];
}

// ---------------------------------------------------------------- the calendar, imitated

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => iso(new Date(parse(s).getTime() + n * 86_400_000));
const weekend = (s: string) => [0, 6].includes(parse(s).getUTCDay());
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

const FIXED: [string, number, number, boolean][] = [
  ['new_year', 1, 1, true],
  ['new_year', 1, 2, true],
  ['orthodox_christmas', 1, 7, false],
  ['womens_day', 3, 8, true],
  ['nauryz', 3, 21, true],
  ['nauryz', 3, 22, true],
  ['nauryz', 3, 23, true],
  ['unity_day', 5, 1, true],
  ['defender_day', 5, 7, true],
  ['victory_day', 5, 9, true],
  ['capital_day', 7, 6, true],
  ['constitution_day', 8, 30, true],
  ['republic_day', 10, 25, true],
  ['independence_day', 12, 16, true],
];

const SHIPPED: CalendarYear[] = [
  { year: 2025, kurbanAit: '2025-06-06', kurbanAitEstimated: false, daysOff: [{ date: '2025-01-03', note: 'G24G0000436' }], workingDays: [{ date: '2025-01-05', note: 'G24G0000436' }] },
  { year: 2026, kurbanAit: '2026-05-27', kurbanAitEstimated: false, daysOff: [], workingDays: [{ date: '2026-08-31', note: 'constitution_2026' }] },
  { year: 2027, kurbanAit: '2027-05-16', kurbanAitEstimated: true, daysOff: [{ date: '2027-03-15', note: 'constitution_2026' }], workingDays: [{ date: '2027-08-30', note: 'constitution_2026' }] },
];

type DayKind = { kind: 'working'; transferred: boolean } | { kind: 'weekend' } | { kind: 'holiday'; holiday: string; moved: boolean } | { kind: 'dayOff' };

function holidays(y: CalendarYear): Map<string, { holiday: string; moved: boolean }> {
  const out = new Map<string, { holiday: string; moved: boolean }>();
  const movable: [string, string][] = [];
  for (const [code, m, d, moves] of FIXED) {
    const date = `${y.year}-${pad(m)}-${pad(d)}`;
    out.set(date, { holiday: code, moved: false });
    if (moves && weekend(date)) movable.push([date, code]);
  }
  if (!out.has(y.kurbanAit)) out.set(y.kurbanAit, { holiday: 'kurban_ait', moved: false });
  for (const [from, code] of movable) {
    let d = from;
    for (;;) {
      d = addDays(d, 1);
      if (!weekend(d) && !out.has(d)) {
        out.set(d, { holiday: code, moved: true });
        break;
      }
    }
  }
  return out;
}

function calendarOf(years: CalendarYear[]) {
  const byYear = new Map(years.map((y) => [y.year, { y, holidays: holidays(y) }]));
  const missing = (year: number) => ({ missingYear: year });
  const day = (date: string): DayKind | { missingYear: number } => {
    const entry = byYear.get(Number(date.slice(0, 4)));
    if (!entry) return missing(Number(date.slice(0, 4)));
    const we = weekend(date);
    const h = entry.holidays.get(date);
    if (entry.y.workingDays.some((m) => m.date === date)) return { kind: 'working', transferred: we || h !== undefined };
    if (entry.y.daysOff.some((m) => m.date === date)) return { kind: 'dayOff' };
    if (h) return !h.moved && we ? { kind: 'weekend' } : { kind: 'holiday', ...h };
    return we ? { kind: 'weekend' } : { kind: 'working', transferred: false };
  };
  const isWorking = (date: string): boolean | { missingYear: number } => {
    const d = day(date);
    return 'missingYear' in d ? d : d.kind === 'working';
  };
  const add = (from: string, n: number): string | { missingYear: number } => {
    let d = from;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      const w = isWorking(d);
      if (typeof w !== 'boolean') return w;
      if (w) left--;
    }
    return d;
  };
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  const between = (from: string, to: string): number | { missingYear: number } => {
    if (from === to) return 0;
    const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let n = 0;
    for (let d = a; d < b; ) {
      d = addDays(d, 1);
      const w = isWorking(d);
      if (typeof w !== 'boolean') return w;
      if (w) n++;
    }
    return sign * n;
  };
  const count = (from: string, workingDays: number, today: string): Clock => {
    const clock: Clock = { from, workingDays, due: null, left: null, missingYear: null, state: 'unknown' };
    const due = add(from, workingDays);
    if (typeof due !== 'string') return { ...clock, missingYear: due.missingYear };
    clock.due = due;
    clock.state = today > due ? 'overdue' : today === due ? 'due_today' : 'running';
    const left = between(today, due);
    if (typeof left === 'number') clock.left = left;
    else clock.missingYear = left.missingYear;
    return clock;
  };
  /** The day `n` working days before `to` (for the seed). */
  const back = (to: string, n: number): string => {
    let d = to;
    let left = n;
    while (left > 0) {
      d = addDays(d, -1);
      if (isWorking(d) === true) left--;
    }
    return d;
  };
  const special = (year: number): SpecialDay[] => {
    const entry = byYear.get(year);
    if (!entry) return [];
    const dates = new Set([...entry.holidays.keys(), ...entry.y.daysOff.map((m) => m.date), ...entry.y.workingDays.map((m) => m.date)]);
    return [...dates]
      .filter((d) => d.startsWith(`${year}-`))
      .sort()
      .flatMap((date) => {
        const d = day(date) as DayKind;
        const working = d.kind === 'working';
        return working === weekend(date) || (d.kind === 'working' && d.transferred) ? [{ date, ...d } as SpecialDay] : [];
      });
  };
  return { day, add, between, count, back, special };
}

// ---------------------------------------------------------------- documents, drawn plainly

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, org: string, lines: string[]): string {
  const grey: string[] = [];
  for (let y = 420, i = 0; y < 770; y += 17, i++) grey.push(`<rect x="62" y="${y}" width="${i % 6 === 5 ? 240 : 470 - ((i * 37) % 60)}" height="6" rx="3" fill="#d9dfe0"/>`);
  const text = lines.map((l, i) => `<text x="62" y="${250 + i * 22}" font-size="11">${xml(l)}</text>`).join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="595.28pt" height="841.89pt" viewBox="0 0 595.28 841.89">
  <rect width="595.28" height="841.89" fill="#ffffff"/>
  <g font-family="DejaVu Sans, sans-serif" fill="#111">
  <text x="297.5" y="90" text-anchor="middle" font-size="11" fill="#444">${xml(org)}</text>
  <text x="297.5" y="180" text-anchor="middle" font-size="15" font-weight="bold">${xml(title)}</text>
  ${text}
  </g>
  ${grey.join('\n  ')}
  <text x="297.5" y="815" text-anchor="middle" font-size="9" fill="#777">1</text>
</svg>`;
}

const fmt = (s: string) => `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;

// ---------------------------------------------------------------- the stand-in

/** The preview's clocks: `seed` gives the open vault requests and breaches in every state. */
export function createObligations(host: ObligationsHost, { seed }: { seed: boolean }) {
  const years: StoredYear[] = SHIPPED.map((y) => ({ ...y, edited: false }));
  let settings: ClockSettings = { answerDays: 3, unlockThreshold: 10 };
  const requests: (Omit<SubjectRequest, 'clock' | 'termSource' | 'subjectPresent'> & { openedSeq: number })[] = [];
  const breaches: (Omit<Breach, 'clock'> & { proposalKey?: string })[] = [];
  let answers = 0;
  let notices = 0;

  const cal = () => calendarOf(years);
  const today = localToday;
  const sourceOf = (kind: string) => (kind === 'access' || kind === 'withdrawal' ? 'own_target' : kind === 'publication_refusal' ? 'art_6' : 'art_25_2_8');
  const present = (id: string) => {
    try {
      host.register().byId(id);
      return true;
    } catch {
      return false;
    }
  };
  const requestOut = (r: (typeof requests)[number]): SubjectRequest => ({
    ...r,
    subjectPresent: present(r.subjectId),
    termSource: sourceOf(r.kind) as SubjectRequest['termSource'],
    clock: cal().count(r.receivedOn, r.termDays, r.closure?.closedOn ?? today()),
  });
  const breachOut = (b: (typeof breaches)[number]): Breach => {
    const { proposalKey: _key, ...rest } = b;
    return { ...rest, clock: cal().count(b.detectedAt.slice(0, 10), 1, b.notifiedOn ?? b.closedOn ?? today()) };
  };
  const awaits = (b: (typeof breaches)[number]) => (b.status === 'proposed' || b.status === 'open') && b.notifiedOn === null;
  const invalid = (field: string, reason: string, message: string, extra: Record<string, unknown> = {}): never =>
    host.fail('invalid_input', message, { field, reason, ...extra });
  const findRequest = (n: unknown) => requests.find((r) => r.number === Number(n)) ?? invalid('request', 'request_not_found', 'There is no such request.', { number: Number(n) });
  const findBreach = (n: unknown) => breaches.find((b) => b.number === Number(n)) ?? invalid('breach', 'breach_not_found', 'There is no such breach.', { number: Number(n) });
  const taken = (path: string, ifExists: unknown) => {
    if (/exists/i.test(path) && ifExists !== 'replace') host.fail('file_exists', 'A file with this name is already there.');
  };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

  if (seed) {
    const c = cal();
    const t = today();
    const person = (n: number) => host.register().get(n);
    const add = (r: Partial<(typeof requests)[number]> & Pick<SubjectRequest, 'kind' | 'receivedOn'> & { subject: number }) => {
      const p = person(r.subject);
      if (!p) return;
      requests.push({
        id: `req-${requests.length + 1}`,
        number: requests.length + 1,
        subjectId: p.id,
        subjectNumber: p.number,
        channel: 'in_person',
        representative: null,
        identityCheck: 'id_document',
        note: null,
        termDays: sourceOf(r.kind) === 'own_target' ? 3 : 1,
        takenBy: 'Айгерім Сейітқызы',
        answerNumber: null,
        closure: null,
        openedSeq: 0,
        ...r,
      });
    };
    add({ subject: 9, kind: 'withdrawal', receivedOn: c.back(t, 30), channel: 'post', closure: { closedOn: c.back(t, 28), outcome: 'done', evidence: { journal: 57, action: 'consent.withdrawn' }, refusalReason: null, closedBy: 'Айгерім Сейітқызы' } });
    add({ subject: 14, kind: 'destruction', receivedOn: c.back(t, 12), channel: 'email', identityCheck: 'egov_signature', note: 'Просит удалить все данные после окончания программы.', closure: { closedOn: c.back(t, 12), outcome: 'refused', evidence: null, refusalReason: 'Данные о выплатах хранятся 5 лет по требованию донора (договор гранта № 14-2025); удалим по окончании срока.', closedBy: 'Айгерім Сейітқызы' } });
    add({ subject: 3, kind: 'correction', receivedOn: c.back(t, 3), note: 'Мекенжайы өзгерді: Абай даңғылы, 10, 25-пәтер.' });
    add({ subject: 1, kind: 'access', receivedOn: c.back(t, 2), channel: 'egov', identityCheck: 'egov_signature' });
    add({ subject: 12, kind: 'blocking', receivedOn: t, identityCheck: 'representative_authority', representative: 'Серікова Айгүл, анасы (туу туралы куәлік)', note: 'Баласының деректерін тексеру біткенше бұғаттауды сұрайды.' });
    answers = 0;

    const yesterday = c.back(t, 1);
    breaches.push({
      id: 'br-1',
      number: 1,
      detectedAt: `${c.back(t, 40)}T10:15`,
      kind: 'media_lost',
      description: 'Флешка с отчётом для донора потеряна в такси; файл не был зашифрован.',
      categories: ['identity', 'contact'],
      wholeRegister: false,
      affected: 38,
      people: [],
      containment: 'Таксопарк опрошен, флешку не нашли. Отчёты теперь передаются только из Derbes, обезличенными.',
      subjectsTold: 'yes',
      status: 'closed',
      proposedBy: null,
      notifiedOn: c.back(t, 39),
      noticeNumber: 1,
      recordedBy: 'Айгерім Сейітқызы',
      closedOn: c.back(t, 35),
      dismissReason: null,
    });
    breaches.push({
      id: 'br-2',
      number: 2,
      detectedAt: `${yesterday}T16:40`,
      kind: 'wrong_recipient',
      description: 'Список участников тренинга отправлен по ошибке на адрес другой организации.',
      categories: ['identity', 'contact'],
      wholeRegister: false,
      affected: 3,
      people: [4, 7, 11],
      containment: 'Получателя попросили удалить письмо.',
      subjectsTold: 'not_yet',
      status: 'open',
      proposedBy: null,
      notifiedOn: null,
      noticeNumber: null,
      recordedBy: 'Дана Омарова',
      closedOn: null,
      dismissReason: null,
    });
    const seen = new Date(Date.now() - 2 * 3_600_000);
    breaches.push({
      id: 'br-3',
      number: 3,
      detectedAt: `${t}T${pad(seen.getHours())}:${pad(seen.getMinutes())}`,
      kind: 'unlock_attempts',
      description: JSON.stringify({ seq: 118, count: 12 }),
      categories: [],
      wholeRegister: true,
      affected: host.register().count(),
      people: [],
      containment: null,
      subjectsTold: null,
      status: 'proposed',
      proposedBy: 'failed_unlocks',
      notifiedOn: null,
      noticeNumber: null,
      recordedBy: 'Айгерім Сейітқызы',
      closedOn: null,
      dismissReason: null,
      proposalKey: 'unlock_attempts:118',
    });
    notices = 1;
  }

  const tiles = (): ClockTile[] => {
    const open = requests.filter((r) => !r.closure).map(requestOut);
    const waiting = breaches.filter(awaits).map(breachOut);
    const o = host.overview();
    const b = host.backup();
    const days = b.last ? Math.floor((Date.now() - Date.parse(b.last.madeAt)) / 86_400_000) : null;
    const clockTile = (key: 'requests' | 'breaches' | 'transfer_notices', list: { clock: Clock }[]): ClockTile => ({
      key,
      count: list.length,
      overdue: list.filter((x) => x.clock.state === 'overdue').length,
      nextDue: list.filter((x) => x.clock.state !== 'overdue' && x.clock.due).map((x) => x.clock.due!).sort()[0] ?? null,
      missingYear: list.map((x) => x.clock.missingYear).filter((y): y is number => y !== null).sort()[0] ?? null,
    });
    const all: ClockTile[] = [
      clockTile('requests', open),
      clockTile('breaches', waiting),
      // People owed a notice of an identifying transfer (Art. 19).
      clockTile('transfer_notices', host.transferNotices?.() ?? []),
      { key: 'without_basis', count: o.consents.withoutBasis, overdue: o.consents.withoutBasis, nextDue: null, missingYear: null },
      { key: 'expiring_consents', count: o.consents.expiring, overdue: 0, nextDue: null, missingYear: null },
      { key: 'retention_due', count: o.due, overdue: 0, nextDue: null, missingYear: null },
      { key: 'backup', count: days, overdue: b.overdue ? 1 : 0, nextDue: null, missingYear: null },
    ];
    // As the core sorts them: overdue first, then those with something running.
    return all
      .map((tile, i) => ({ tile, i }))
      .sort((a, b2) => Number(a.tile.overdue === 0) - Number(b2.tile.overdue === 0) || Number((a.tile.count ?? 1) === 0) - Number((b2.tile.count ?? 1) === 0) || a.i - b2.i)
      .map((x) => x.tile);
  };

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    clocks: (): Clocks => ({ tiles: tiles(), proposedNow: 0 }),
    calendar_years: () => years.map((y) => ({ ...y, daysOff: [...y.daysOff], workingDays: [...y.workingDays] })),
    calendar_special_days: (a) => {
      const year = Number(a.year);
      if (!years.some((y) => y.year === year)) invalid('calendar', 'calendar_year_missing', 'No data for that year.', { year });
      return cal().special(year);
    },
    calendar_set_year: (a) => {
      const y = a.year as CalendarYear;
      if (y.year < 2000 || y.year > 2100) invalid('year', 'calendar_year_range', 'Choose a year between 2000 and 2100.', { min: 2000, max: 2100 });
      for (const d of [y.kurbanAit, ...y.daysOff.map((m) => m.date), ...y.workingDays.map((m) => m.date)]) {
        if (!d.startsWith(`${y.year}-`)) invalid('day', 'calendar_day_outside_year', 'This day is not in the year.', { year: y.year, date: d });
      }
      const dates = [...y.daysOff, ...y.workingDays].map((m) => m.date);
      const twice = dates.find((d, i) => dates.indexOf(d) !== i);
      if (twice) invalid('day', 'calendar_day_both', 'A day is listed twice.', { date: twice });
      const i = years.findIndex((x) => x.year === y.year);
      const stored = { ...y, edited: true };
      if (i >= 0) years[i] = stored;
      else years.push(stored);
      years.sort((a2, b) => a2.year - b.year);
      host.journal('calendar.changed', { year: y.year, daysOff: y.daysOff.length, workingDays: y.workingDays.length }, String(y.year));
    },
    calendar_reset_year: (a) => {
      const year = Number(a.year);
      const i = years.findIndex((x) => x.year === year);
      if (i >= 0) years.splice(i, 1);
      const shipped = SHIPPED.find((s) => s.year === year);
      if (shipped) years.push({ ...shipped, edited: false });
      years.sort((a2, b) => a2.year - b.year);
      host.journal('calendar.changed', { year, reset: true }, String(year));
    },
    // The core's terms (Vault::request_terms), for `npm run dev`.
    clock_settings: () => ({
      ...settings,
      requestTerms: ['access', 'correction', 'blocking', 'unblocking', 'destruction', 'withdrawal', 'publication_refusal'].map((kind) => ({
        kind,
        workingDays: kind === 'access' || kind === 'withdrawal' ? settings.answerDays : 1,
        source: kind === 'access' || kind === 'withdrawal' ? 'own_target' : kind === 'publication_refusal' ? 'art_6' : 'art_25_2_8',
      })),
    }),
    clock_settings_set: (a) => {
      const answerDays = Number(a.answerDays);
      const unlockThreshold = Number(a.unlockThreshold);
      if (!(answerDays >= 1 && answerDays <= 30)) invalid('answer_days', 'request_answer_days_range', 'Between 1 and 30.', { min: 1, max: 30 });
      if (!(unlockThreshold >= 3 && unlockThreshold <= 100)) invalid('unlock_threshold', 'breach_threshold_range', 'Between 3 and 100.', { min: 3, max: 100 });
      if (answerDays !== settings.answerDays) host.journal('settings.changed', { key: 'request_answer_days', value: String(answerDays) });
      if (unlockThreshold !== settings.unlockThreshold) host.journal('settings.changed', { key: 'breach_unlock_threshold', value: String(unlockThreshold) });
      settings = { answerDays, unlockThreshold };
    },

    requests_list: () =>
      requests
        .map(requestOut)
        .sort((a, b) => Number(a.closure !== null) - Number(b.closure !== null) || (a.clock.due ?? '').localeCompare(b.clock.due ?? '') || a.number - b.number),
    request_add: (a): SubjectRequest => {
      const d = a.draft as RequestDraft;
      let p: ReturnType<RegisterAccess['byId']>;
      try {
        p = host.register().byId(d.subject);
      } catch {
        return host.fail('subject_not_found', 'There is no such person.');
      }
      if (d.receivedOn > today()) invalid('received_on', 'request_in_future', 'A request cannot be received on a day still to come.');
      const representative = text(d.representative);
      if (d.identityCheck === 'representative_authority' && !representative) invalid('representative', 'request_text_required', 'Fill this in.');
      const termDays = sourceOf(d.kind) === 'own_target' ? settings.answerDays : 1;
      const due = cal().add(d.receivedOn, termDays);
      if (typeof due !== 'string') invalid('calendar', 'calendar_year_missing', 'No calendar data.', { year: due.missingYear });
      const number = requests.length + 1;
      const r = {
        id: `req-${number}`,
        number,
        subjectId: p.id,
        subjectNumber: p.number,
        kind: d.kind,
        receivedOn: d.receivedOn,
        channel: d.channel,
        representative,
        identityCheck: d.identityCheck,
        note: text(d.note),
        termDays,
        takenBy: host.userName(),
        answerNumber: null,
        closure: null,
        openedSeq: host.journalHead(),
      };
      requests.push(r);
      host.journal('request.registered', { request: number, kind: d.kind, number: p.number, term: termDays }, p.id);
      return requestOut(r);
    },
    request_close: (a): SubjectRequest => {
      const r = findRequest(a.number);
      if (r.closure) invalid('request', 'request_closed', 'Already closed.', { number: r.number });
      const closing = a.closing as Closing;
      if (closing.outcome === 'refused') {
        const reason = text(closing.reason);
        if (!reason) invalid('refusal_reason', 'request_text_required', 'Fill this in.');
        r.closure = { closedOn: today(), outcome: 'refused', evidence: null, refusalReason: reason, closedBy: host.userName() };
      } else {
        const action = { correction: 'subject.updated', blocking: 'subject.blocked', unblocking: 'subject.unblocked', withdrawal: 'consent.withdrawn', publication_refusal: 'subject.access_changed' }[r.kind as string];
        const entry = action ? host.journalFor(r.subjectId).find((e) => e.seq > r.openedSeq && e.action === action) : undefined;
        const evidence =
          r.kind === 'access' ? (r.answerNumber !== null ? { answer: r.answerNumber } : null) : entry ? { journal: entry.seq, action: entry.action } : null;
        if (!evidence) invalid('request', 'request_evidence_missing', 'No evidence.', { kind: r.kind });
        r.closure = { closedOn: today(), outcome: 'done', evidence, refusalReason: null, closedBy: host.userName() };
      }
      host.journal('request.closed', { request: r.number, kind: r.kind, outcome: r.closure!.outcome, number: r.subjectNumber }, r.subjectId);
      return requestOut(r);
    },
    request_answer_preview: (a) => {
      const r = findRequest(a.number);
      if (r.kind !== 'access') invalid('request', 'request_not_access', 'Not an access request.', { number: r.number });
      const p = host.register().byId(r.subjectId);
      const kk = a.lang === 'kk';
      const name = [p.values.surname, p.values.name, p.values.patronymic].filter(Boolean).join(' ');
      host.journal('subject.viewed', { number: p.number, request: r.number }, p.id);
      return [
        page(kk ? 'Дербес деректерге қол жеткізу туралы өтінішке жауап' : 'Ответ на запрос о доступе к персональным данным', host.register().organisation().name, [
          `${kk ? 'Өтініш' : 'Обращение'} № ${r.number}, ${fmt(r.receivedOn)}`,
          name,
          kk ? 'Сіз туралы мынадай дербес деректер сақталады:' : 'О вас хранятся следующие персональные данные:',
        ]),
      ];
    },
    request_answer_save: (a): AnswerSaved => {
      const r = findRequest(a.number);
      if (r.closure) invalid('request', 'request_closed', 'Already closed.', { number: r.number });
      taken(String(a.path ?? ''), a.ifExists);
      answers++;
      r.answerNumber = answers;
      host.journal('request.answered', { request: r.number, answer: answers, lang: a.lang, number: r.subjectNumber }, r.subjectId);
      return { number: answers, request: r.number, sha256: 'c0ffee'.repeat(10) + 'abcd', pages: 1 };
    },

    breaches_list: () => {
      const out = breaches.map(breachOut);
      return [...out.filter((b) => awaits(b)), ...out.filter((b) => !awaits(b)).sort((a, b) => b.detectedAt.localeCompare(a.detectedAt))];
    },
    breach_add: (a): Breach => {
      const d = a.draft as BreachDraft;
      if (d.detectedAt.slice(0, 10) > today()) invalid('detected_at', 'breach_in_future', 'Not in the future.');
      const description = text(d.description) ?? invalid('description', 'breach_text_required', 'Describe what happened.');
      if (d.categories.length === 0) invalid('categories', 'breach_categories_required', 'Choose a category.');
      if (!d.wholeRegister && d.people.length === 0) invalid('people', 'breach_people_required', 'Name the people.');
      for (const n of d.people) if (!host.register().get(n)) invalid('people', 'breach_person_unknown', 'No such person.', { number: n });
      const number = breaches.length + 1;
      const people = [...new Set(d.people)].sort((x, y) => x - y);
      const b = {
        id: `br-${number}`,
        number,
        detectedAt: d.detectedAt,
        kind: d.kind,
        description,
        categories: d.categories,
        wholeRegister: d.wholeRegister,
        affected: d.wholeRegister ? host.register().count() : people.length,
        people: d.wholeRegister ? [] : people,
        containment: text(d.containment),
        subjectsTold: d.subjectsTold,
        status: 'open' as const,
        proposedBy: null,
        notifiedOn: null,
        noticeNumber: null,
        recordedBy: host.userName(),
        closedOn: null,
        dismissReason: null,
      };
      breaches.push(b);
      host.journal('breach.recorded', { breach: number, kind: d.kind, affected: b.affected }, b.id);
      return breachOut(b);
    },
    breach_notified: (a): Breach => {
      const b = findBreach(a.number);
      const on = String(a.on);
      if (on > today()) invalid('notified_on', 'breach_in_future', 'Not in the future.');
      if (on < b.detectedAt.slice(0, 10)) invalid('notified_on', 'breach_notified_before_detection', 'Before detection.');
      if (b.status === 'closed' || b.status === 'dismissed') invalid('breach', 'breach_closed', 'Closed.', { number: b.number });
      b.notifiedOn = on;
      b.status = 'open';
      host.journal('breach.updated', { breach: b.number, what: 'notified' }, b.id);
      return breachOut(b);
    },
    breach_follow_up: (a): Breach => {
      const b = findBreach(a.number);
      b.subjectsTold = a.subjectsTold as SubjectsTold;
      b.containment = text(a.containment) ?? b.containment;
      host.journal('breach.updated', { breach: b.number, what: 'follow_up', subjectsTold: b.subjectsTold }, b.id);
      return breachOut(b);
    },
    breach_close: (a): Breach => {
      const b = findBreach(a.number);
      if (!b.notifiedOn) invalid('breach', 'breach_not_notified', 'Not notified.', { number: b.number });
      if (b.status !== 'open') invalid('breach', 'breach_closed', 'Closed.', { number: b.number });
      b.status = 'closed';
      b.closedOn = today();
      host.journal('breach.updated', { breach: b.number, what: 'closed' }, b.id);
      return breachOut(b);
    },
    breach_confirm: (a): Breach => {
      const b = findBreach(a.number);
      if (b.status !== 'proposed') invalid('breach', 'breach_not_proposed', 'Not proposed.', { number: b.number });
      b.status = 'open';
      host.journal('breach.updated', { breach: b.number, what: 'confirmed' }, b.id);
      return breachOut(b);
    },
    breach_dismiss: (a): Breach => {
      const b = findBreach(a.number);
      if (b.status !== 'proposed') invalid('breach', 'breach_not_proposed', 'Not proposed.', { number: b.number });
      b.dismissReason = text(a.reason) ?? invalid('reason', 'breach_text_required', 'Describe why.');
      b.status = 'dismissed';
      b.closedOn = today();
      host.journal('breach.updated', { breach: b.number, what: 'dismissed' }, b.id);
      return breachOut(b);
    },
    breach_notice_preview: (a) => {
      const b = findBreach(a.number);
      if (b.status === 'dismissed') invalid('breach', 'breach_closed', 'Closed.', { number: b.number });
      const kk = a.lang === 'kk';
      return [
        page(kk ? 'Дербес деректер қауіпсіздігінің бұзылуы туралы хабарлама' : 'Уведомление о нарушении безопасности персональных данных', host.register().organisation().name, [
          `${kk ? 'Бұзылу' : 'Нарушение'} № ${b.number} · ${fmt(b.detectedAt.slice(0, 10))} ${b.detectedAt.slice(11, 16)}`,
          `${kk ? 'Зардап шеккен тұлғалар саны' : 'Число затронутых лиц'}: ${b.affected}`,
        ]),
      ];
    },
    breach_notice_save: (a): NoticeSaved => {
      const b = findBreach(a.number);
      taken(String(a.path ?? ''), a.ifExists);
      notices++;
      b.noticeNumber = notices;
      host.journal('breach.notice_produced', { breach: b.number, notice: notices, lang: a.lang }, b.id);
      return { number: notices, breach: b.number, sha256: 'beef'.repeat(16) };
    },
  };
  return {
    handlers,
    /** A term of `days` working days from `from`, as it stands today (for the Art. 19 notices). */
    count: (from: string, days: number): Clock => cal().count(from, days, today()),
    /** The day `n` working days before today (for seeds). */
    workingDaysAgo: (n: number): string => cal().back(today(), n),
  };
}

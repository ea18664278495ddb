import type { TFunction } from 'i18next';
import i18n from '../i18n';
import type { Breach, Clock, ClockTile, DocumentLanguage, ClosureEvidence, SpecialDay, SubjectRequest, TileKey } from '../api';
import { displayDate } from './register';
import { coreText, hasCoreText } from './words';

/**
 * Display helpers for the clocks of the law: requests, breaches, the calendar and the dashboard's
 * tiles. Every term, due day and state is the core's answer; these only put them into words and
 * pick a colour (red overdue, amber close, calm otherwise).
 */

/** How a clock, a tile or a row looks: red only for overdue, amber for a deadline close. */
export type Tone = 'danger' | 'warning' | 'calm';

/** A running clock this many working days from its due day (or fewer) is "close". */
export const SOON_WORKING_DAYS = 1;

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the office's time, as "YYYY-MM-DD" (the value of an <input type="date">). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now in the office's time, as "YYYY-MM-DDTHH:MM" (the value of an <input type="datetime-local">). */
export function nowLocal(now: Date = new Date()): string {
  return `${todayIso(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * A date as typed — dd.mm.yyyy, as every date in Derbes is shown (or YYYY-MM-DD) — as the
 * "YYYY-MM-DD" the core reads; null when it is not a real date.
 */
export function isoFromTyped(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t) ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** A time of day as typed ("9:05", "18:30") as "HH:MM"; null when it is not one. */
export function timeFromTyped(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${pad(h)}:${pad(min)}` : null;
}

/** "2026-03-20T18:30" as "20.03.2026 18:30". */
export function detectedText(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${displayDate(m[1])} ${m[2]}` : at;
}

/** Where a clock stands, in words, and its colour. A year without calendar data is said, never guessed. */
export function clockText(t: TFunction, clock: Clock): { tone: Tone; text: string } {
  const date = displayDate(clock.due);
  switch (clock.state) {
    case 'unknown':
      return { tone: 'warning', text: t('clocks.unknown', { year: clock.missingYear ?? '' }) };
    case 'overdue':
      return {
        tone: 'danger',
        text: clock.left !== null && clock.left < 0 ? t('clocks.overdue', { count: -clock.left, date }) : t('clocks.overdueSince', { date }),
      };
    case 'due_today':
      return { tone: 'warning', text: t('clocks.dueToday', { date }) };
    case 'running':
      return {
        tone: clock.left !== null && clock.left <= SOON_WORKING_DAYS ? 'warning' : 'calm',
        text: clock.left !== null ? t('clocks.running', { count: clock.left, date }) : t('clocks.due', { date }),
      };
  }
}

/** A clock that stopped (a request closed, a breach notified): was it in time? */
export function stoppedText(t: TFunction, clock: Clock): { tone: Tone; text: string } {
  if (clock.state === 'overdue') {
    return {
      tone: 'danger',
      text: clock.left !== null && clock.left < 0 ? t('clocks.late', { count: -clock.left, date: displayDate(clock.due) }) : t('clocks.lateSince', { date: displayDate(clock.due) }),
    };
  }
  if (clock.state === 'unknown') return { tone: 'calm', text: t('clocks.unknown', { year: clock.missingYear ?? '' }) };
  return { tone: 'calm', text: t('clocks.inTime', { date: displayDate(clock.due) }) };
}

// ---------------------------------------------------------------- the dashboard's tiles

/**
 * Where each tile leads: its list. The register has no filter for consents, so two open People;
 * the notices owed for identifying transfers (Art. 19) are a list of the Transfers screen.
 */
export const TILE_HREF: Record<TileKey, string> = {
  requests: '#/requests',
  breaches: '#/breaches',
  transfer_notices: '#/transfers/notices',
  without_basis: '#/lapsed',
  expiring_consents: '#/people',
  retention_due: '#/retention',
  backup: '#/backups',
};

/** The list a tile opens (the dashboard itself for a kind this build does not know). */
export function tileHref(key: string): string {
  return (TILE_HREF as Record<string, string>)[key] ?? '#/dashboard';
}

/**
 * A tile's colour: red when anything in it is overdue; amber when something is close (a clock
 * due within a working day, a year the calendar lacks, consents about to end, people due for the
 * end of retention); calm otherwise.
 */
export function tileTone(tile: ClockTile, nearestLeft: number | null = null): Tone {
  if (tile.overdue > 0) return 'danger';
  if (tile.missingYear !== null) return 'warning';
  const count = tile.count ?? 0;
  switch (tile.key) {
    case 'requests':
    case 'breaches':
      // A breach's clock is one working day: every breach awaiting a notice is close.
      if (count === 0) return 'calm';
      return tile.key === 'breaches' || (nearestLeft !== null && nearestLeft <= SOON_WORKING_DAYS) ? 'warning' : 'calm';
    case 'expiring_consents':
    case 'retention_due':
      return count > 0 ? 'warning' : 'calm';
    case 'backup':
      return 'calm';
    default:
      // Another clock with something running (the Art. 19 notices, a kind this build does not
      // know): amber while anything in it has a due day.
      return count > 0 && tile.nextDue !== null ? 'warning' : 'calm';
  }
}

/** The working days left to the nearest due day of a tile, from the clocks it counts. */
export function nearestLeft(clocks: Clock[], due: string | null): number | null {
  if (!due) return null;
  const c = clocks.find((x) => x.due === due && x.left !== null && x.state !== 'overdue');
  return c?.left ?? null;
}

// ---------------------------------------------------------------- requests

export const requestsPath = {
  list: () => '#/requests',
  add: (personId?: string) => (personId ? `#/requests/new/${encodeURIComponent(personId)}` : '#/requests/new'),
  request: (n: number) => `#/requests/${n}`,
};

export const requestKindLabel = (t: TFunction, kind: string) => t(`requests.kinds.${kind}`, { defaultValue: kind });

/** Where the term comes from: the article of the law, or the organisation's own target. */
export function termText(t: TFunction, source: string, days: number): string {
  return t(`requests.term.${source}`, { count: days, defaultValue: t('requests.term.days', { count: days }) });
}

/** What Derbes found as the evidence a request was carried out. */
export function evidenceText(t: TFunction, evidence: ClosureEvidence | null): string | null {
  if (!evidence) return null;
  if ('journal' in evidence) {
    const key = `journal.actions.${evidence.action}`;
    return t('requests.evidence.journal', { seq: evidence.journal, action: i18n.exists(key) ? t(key) : evidence.action });
  }
  if ('act' in evidence) return t('requests.evidence.act', { number: evidence.act });
  if ('answer' in evidence) return t('requests.evidence.answer', { number: evidence.answer });
  if ('state' in evidence) return t('requests.evidence.restricted');
  return null;
}

/** Open requests first, by due day, then closed ones: the core's order, kept. */
export const isOpen = (r: SubjectRequest) => r.closure === null;

/** The file name offered for an access answer, in the document's language. */
export function answerFileName(lang: DocumentLanguage, request: number): string {
  return `${i18n.getFixedT(lang)('requests.answer.fileStem')}-№${request}.pdf`;
}

// ---------------------------------------------------------------- breaches

export const breachesPath = {
  list: () => '#/breaches',
  add: () => '#/breaches/new',
  breach: (n: number) => `#/breaches/${n}`,
};

export const breachKindLabel = (t: TFunction, kind: string) => t(`breaches.kinds.${kind}`, { defaultValue: kind });

/** Whether the authorised body still has to be told (the core's Breach::awaits_notice). */
export const awaitsNotice = (b: Breach) => (b.status === 'proposed' || b.status === 'open') && b.notifiedOn === null;

/**
 * What happened, in words. A proposal's description is the facts Derbes saw, as JSON with
 * numbers only; it is said as a sentence ("Derbes saw 12 wrong passwords in a row").
 */
export function breachDescription(t: TFunction, b: Pick<Breach, 'kind' | 'description' | 'proposedBy'>): string {
  if (!b.proposedBy) return b.description;
  let facts: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(b.description);
    if (parsed && typeof parsed === 'object') facts = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: say the kind alone.
  }
  const count = typeof facts.count === 'number' ? facts.count : null;
  const seq = typeof facts.seq === 'number' ? facts.seq : null;
  if (b.kind === 'unlock_attempts') return count !== null ? t('breaches.proposal.unlock_attempts', { count }) : t('breaches.proposal.unlock_attempts_plain');
  if (b.kind === 'journal_broken') return seq ? t('breaches.proposal.journal_broken', { seq }) : t('breaches.proposal.journal_broken_plain');
  return breachKindLabel(t, b.kind);
}

/** The file name offered for a breach notice, in the document's language. */
export function noticeFileName(lang: DocumentLanguage, breach: number): string {
  return `${i18n.getFixedT(lang)('breaches.notice.fileStem')}-№${breach}.pdf`;
}

// ---------------------------------------------------------------- the calendar

/** A holiday's name, from the core's words (holiday-<code>). */
export function holidayName(code: string): string {
  return hasCoreText(`holiday-${code}`) ? coreText(`holiday-${code}`) : code;
}

/** A note of the calendar: a code the core ships (translated) or the user's own words. */
export function calendarNote(note: string): string {
  const id = `calendar-note-${note.trim()}`;
  return note.trim() && hasCoreText(id) ? coreText(id) : note;
}

/** What a special day is, in words. */
export function specialDayText(t: TFunction, day: SpecialDay): string {
  switch (day.kind) {
    case 'holiday':
      return day.moved ? t('settings.calendar.special.moved', { holiday: holidayName(day.holiday) }) : holidayName(day.holiday);
    case 'dayOff':
      return t('settings.calendar.special.dayOff');
    case 'working':
      return t('settings.calendar.special.working');
    case 'weekend':
      return t('settings.calendar.special.weekend');
  }
}

/** The day of the week of "YYYY-MM-DD", in words (not Intl: some webviews lack Kazakh). */
export function weekdayText(t: TFunction, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t(`settings.calendar.weekdays.${d.getUTCDay()}`);
}

/**
 * The clocks of the law: the working-day calendar every deadline is counted on, the requests of
 * the people in the register (Art. 24, 25) with the answer to an access request, the breach
 * register with the notice to the authorised body (Art. 25(2)(8)), and the dashboard's clocks.
 * The core counts every term and decides every refusal; these carry the arguments.
 * Dates travel as "YYYY-MM-DD"; a breach's detection time as "YYYY-MM-DDTHH:MM", the value of an
 * <input type="datetime-local">.
 */
import type { DocumentLanguage } from './lifecycle';
import { invoke } from './transport';
import type { IfExists } from './types';

// ---------------------------------------------------------------- clocks and the calendar

/** Where a clock stands; `unknown` when a year on the way has no calendar data. */
export type ClockState = 'overdue' | 'due_today' | 'running' | 'unknown';

/** A term of N working days from an event, as it stands today (or when it stopped). */
export interface Clock {
  /** The day of the event (receipt, detection). */
  from: string;
  /** The term, in working days. */
  workingDays: number;
  /** The last day, when the calendar could count it. */
  due: string | null;
  /** Working days after today up to the due day (negative when overdue), when countable. */
  left: number | null;
  /** The year with no calendar data that stopped the count. */
  missingYear: number | null;
  state: ClockState;
}

/**
 * The dashboard's kinds of clock, in no particular order (the core sorts the tiles). A newer core
 * may send a kind this list does not name yet: the dashboard shows it as a plain deadline.
 */
export type TileKey = 'requests' | 'breaches' | 'transfer_notices' | 'without_basis' | 'expiring_consents' | 'retention_due' | 'backup';

export interface ClockTile {
  key: TileKey | (string & {});
  /** How many (for `backup`: days since the last one, null when there is none). */
  count: number | null;
  /** How many are overdue (1 when the backup reminder is due). */
  overdue: number;
  /** The nearest due day among those still running. */
  nextDue: string | null;
  /** A year the calendar lacks, which leaves some due days uncounted. */
  missingYear: number | null;
}

export interface Clocks {
  /** Overdue first, then those with something running, then the quiet ones. */
  tiles: ClockTile[];
  /** Breaches Derbes proposed just now (a broken journal, a burst of failed unlocks). */
  proposedNow: number;
}

/** A day and why it is marked (a note may be a code the interface translates). */
export interface MarkedDay {
  date: string;
  note: string;
}

/** One year's data: the day of Kurban Ait and the government's changes to the usual days. */
export interface CalendarYear {
  year: number;
  kurbanAit: string;
  /** Still an estimate: the Spiritual Administration announces the day. */
  kurbanAitEstimated: boolean;
  /** Extra days off (a transfer, or a holiday added by law). */
  daysOff: MarkedDay[];
  /** Extra working days (a weekend worked in exchange, or a holiday no longer kept). */
  workingDays: MarkedDay[];
}

export interface StoredYear extends CalendarYear {
  /** Changed in this vault: a newer Derbes leaves it alone. */
  edited: boolean;
}

/** The holidays of the Law "On holidays" (stable codes). */
export type HolidayCode =
  | 'new_year'
  | 'orthodox_christmas'
  | 'womens_day'
  | 'nauryz'
  | 'unity_day'
  | 'defender_day'
  | 'victory_day'
  | 'capital_day'
  | 'constitution_day'
  | 'republic_day'
  | 'independence_day'
  | 'kurban_ait';

/** A day of a year that differs from a plain week. */
export type SpecialDay = { date: string } & (
  | { kind: 'working'; transferred: boolean }
  | { kind: 'weekend' }
  | { kind: 'holiday'; holiday: HolidayCode | string; moved: boolean }
  | { kind: 'dayOff' }
);

export interface ClockSettings {
  /** The organisation's own target for an access answer and a withdrawal, in working days. */
  answerDays: number;
  /** Failed unlocks in a row that make Derbes propose a breach. */
  unlockThreshold: number;
  /** The term each kind of request is taken with today, as the core counts it. */
  requestTerms?: RequestTerm[];
}

/** A kind of request's term: working days, and where it comes from. */
export interface RequestTerm {
  kind: string;
  workingDays: number;
  source: string;
}

// ---------------------------------------------------------------- requests

export const REQUEST_KINDS = ['access', 'correction', 'blocking', 'unblocking', 'destruction', 'withdrawal', 'publication_refusal'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_CHANNELS = ['in_person', 'post', 'email', 'egov', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const IDENTITY_CHECKS = ['id_document', 'egov_signature', 'known_in_person', 'representative_authority'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

/** Where a request's term comes from. */
export type TermSource = 'own_target' | 'art_25_2_8' | 'art_6';

export interface RequestDraft {
  /** The person's id. */
  subject: string;
  kind: RequestKind;
  receivedOn: string;
  channel: RequestChannel;
  /** The representative's name and authority (required with `representative_authority`). */
  representative?: string | null;
  identityCheck: IdentityCheck;
  note?: string | null;
}

/** What proves a request was carried out, as Derbes found it. */
export type ClosureEvidence = { journal: number; action: string } | { act: number } | { answer: number } | { state: 'restricted' };

export interface Closure {
  closedOn: string;
  outcome: 'done' | 'refused';
  evidence: ClosureEvidence | null;
  refusalReason: string | null;
  closedBy: string;
}

/** A request in the request register, with its clock. */
export interface SubjectRequest {
  id: string;
  number: number;
  subjectId: string;
  subjectNumber: number;
  /** Whether the person is still in the register. */
  subjectPresent: boolean;
  kind: RequestKind;
  receivedOn: string;
  channel: RequestChannel;
  representative: string | null;
  identityCheck: IdentityCheck;
  note: string | null;
  termDays: number;
  termSource: TermSource;
  /** Still counted for a closed request: was it answered in time? */
  clock: Clock;
  takenBy: string;
  /** № of the access answer produced, if any. */
  answerNumber: number | null;
  closure: Closure | null;
}

export type Closing = { outcome: 'done' } | { outcome: 'refused'; reason: string };

/** An access answer written and recorded. */
export interface AnswerSaved {
  number: number;
  request: number;
  sha256: string;
  pages: number;
}

// ---------------------------------------------------------------- breaches

export const BREACH_KINDS = [
  'device_lost',
  'media_lost',
  'unauthorised_access',
  'accidental_publication',
  'malware',
  'password_leaked',
  'wrong_recipient',
  'journal_broken',
  'unlock_attempts',
  'other',
] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];
/** The kinds a person records; `journal_broken` and `unlock_attempts` are Derbes's own proposals. */
export const RECORDED_BREACH_KINDS: readonly BreachKind[] = BREACH_KINDS.filter((k) => k !== 'journal_broken' && k !== 'unlock_attempts');

export const BREACH_CATEGORIES = ['identity', 'contact', 'id_number', 'financial', 'health', 'biometric', 'social_status', 'other'] as const;
export type BreachCategory = (typeof BREACH_CATEGORIES)[number];

export const SUBJECTS_TOLD = ['yes', 'no', 'not_yet'] as const;
export type SubjectsTold = (typeof SUBJECTS_TOLD)[number];

export type BreachStatus = 'proposed' | 'open' | 'closed' | 'dismissed';

export interface BreachDraft {
  /** "YYYY-MM-DDTHH:MM", the office's wall-clock time. */
  detectedAt: string;
  kind: BreachKind;
  description: string;
  categories: string[];
  wholeRegister: boolean;
  /** Internal numbers of the people affected (when not the whole register). */
  people: number[];
  containment?: string | null;
  subjectsTold: SubjectsTold;
}

export interface Breach {
  id: string;
  number: number;
  detectedAt: string;
  kind: BreachKind;
  /** The user's words; for a proposal, the facts Derbes saw as JSON ({"count": 12}, {"seq": 57}). */
  description: string;
  categories: string[];
  wholeRegister: boolean;
  /** People affected, counted. */
  affected: number;
  people: number[];
  containment: string | null;
  subjectsTold: SubjectsTold | null;
  status: BreachStatus;
  /** `journal_chain` or `failed_unlocks` when Derbes proposed it. */
  proposedBy: string | null;
  notifiedOn: string | null;
  noticeNumber: number | null;
  /** The clock to notify the authorised body; it stops on the day of the notice. */
  clock: Clock;
  recordedBy: string;
  closedOn: string | null;
  dismissReason: string | null;
}

/** A notice written and recorded. */
export interface NoticeSaved {
  number: number;
  breach: number;
  sha256: string;
}

// ---------------------------------------------------------------- commands

export const obligationsCommands = {
  /** Every clock as of today, overdue first (looks for breaches to propose first). */
  clocks: () => invoke<Clocks>('clocks'),
  calendarYears: () => invoke<StoredYear[]>('calendar_years'),
  calendarSpecialDays: (year: number) => invoke<SpecialDay[]>('calendar_special_days', { year }),
  calendarSetYear: (year: CalendarYear) => invoke<void>('calendar_set_year', { year }),
  /** Back to the shipped data (a year Derbes does not ship is removed). */
  calendarResetYear: (year: number) => invoke<void>('calendar_reset_year', { year }),
  clockSettings: () => invoke<ClockSettings>('clock_settings'),
  clockSettingsSet: (answerDays: number, unlockThreshold: number) => invoke<void>('clock_settings_set', { answerDays, unlockThreshold }),

  /** Open ones first by due day, then closed ones. */
  requestsList: () => invoke<SubjectRequest[]>('requests_list'),
  requestAdd: (draft: RequestDraft) => invoke<SubjectRequest>('request_add', { draft }),
  /** Done (the core finds the evidence itself) or refused with reasons. */
  requestClose: (number: number, closing: Closing) => invoke<SubjectRequest>('request_close', { number, closing }),
  /** The access answer's pages as SVG; nothing is saved (the view of the person is journaled). */
  requestAnswerPreview: (number: number, lang: DocumentLanguage) => invoke<string[]>('request_answer_preview', { number, lang }),
  requestAnswerSave: (number: number, lang: DocumentLanguage, path: string, ifExists: IfExists) =>
    invoke<AnswerSaved>('request_answer_save', { number, lang, path, ifExists }),

  /** Every breach, awaiting a notice first (Derbes makes its own proposals first). */
  breachesList: () => invoke<Breach[]>('breaches_list'),
  breachAdd: (draft: BreachDraft) => invoke<Breach>('breach_add', { draft }),
  /** The day the notice was sent to the authorised body ("YYYY-MM-DD"); the clock stops. */
  breachNotified: (number: number, on: string) => invoke<Breach>('breach_notified', { number, on }),
  breachFollowUp: (number: number, subjectsTold: SubjectsTold, containment: string | null) =>
    invoke<Breach>('breach_follow_up', { number, subjectsTold, containment }),
  breachClose: (number: number) => invoke<Breach>('breach_close', { number }),
  breachConfirm: (number: number) => invoke<Breach>('breach_confirm', { number }),
  breachDismiss: (number: number, reason: string) => invoke<Breach>('breach_dismiss', { number, reason }),
  breachNoticePreview: (number: number, lang: DocumentLanguage) => invoke<string[]>('breach_notice_preview', { number, lang }),
  breachNoticeSave: (number: number, lang: DocumentLanguage, path: string, ifExists: IfExists) =>
    invoke<NoticeSaved>('breach_notice_save', { number, lang, path, ifExists }),
};

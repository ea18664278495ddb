import type { TFunction } from 'i18next';
import type { ApiError, BasisDraft, ConsentForm, Kind, Lapse, LapseClock, LifecycleMeta, LifecyclePurpose, Representative } from '../api';
import { errorText } from './errors';
import { formatDate } from './format';
import { displayDate } from './register';
import { coreText } from './words';

/**
 * The basis for processing a person's data (Art. 7(1), 9) as the screens hold it while it is
 * being chosen, and what is sent. The core decides whether a basis is good enough; the checks
 * here only spare the user a round trip for what is plainly missing (no purpose ticked, no law
 * named), and say it in the core's own sentences.
 */

export type BasisType = 'consent' | 'ground';

/**
 * `person`: one person's consent, with its term, who gave it and in what form.
 * `batch`: "paper consents on file" for many people at once (an import, or the people without a
 * basis): only the purposes and the day the scans are due.
 */
export type BasisMode = 'person' | 'batch';

export interface ConsentPart {
  purposes: string[];
  /** As typed, dd.mm.yyyy. */
  givenOn: string;
  untilPurpose: boolean;
  validUntil: string;
  byRep: boolean;
  rep: Representative;
  form: ConsentForm;
  formReference: string;
  /** As typed, dd.mm.yyyy: the day the scan of the signed paper form is to be attached. */
  scanDue: string;
}

export interface GroundPart {
  subparagraph: string;
  law: string;
  /** Purpose keys; none ticked: every purpose of the person's kind. */
  purposes: string[];
}

export interface BasisState {
  type: BasisType | null;
  consent: ConsentPart;
  ground: GroundPart;
}

/** Employees are processed under the Labour Code and tax law: Art. 9(10). */
export const EMPLOYEE_GROUND = 'art9_10';
/** Days after today the scan of a paper consent is due by default. */
export const SCAN_DUE_DAYS = 5;

const emptyRep: Representative = { name: '', relation: '', document: '' };

/** Employees default to an Art. 9(10) ground; beneficiaries and volunteers to their consent. */
export function defaultBasisType(kind: Kind | '' | null | undefined): BasisType {
  return kind === 'employee' ? 'ground' : 'consent';
}

export function scanDueDefault(today: Date = new Date()): string {
  const d = new Date(today);
  d.setDate(d.getDate() + SCAN_DUE_DAYS);
  return formatDate(d);
}

export function initialBasis(kind: Kind | '' | null | undefined, today: Date = new Date()): BasisState {
  return {
    type: defaultBasisType(kind),
    consent: {
      purposes: [],
      givenOn: formatDate(today),
      untilPurpose: true,
      validUntil: '',
      byRep: false,
      rep: emptyRep,
      form: 'paper',
      formReference: '',
      scanDue: scanDueDefault(today),
    },
    ground: { subparagraph: EMPLOYEE_GROUND, law: '', purposes: [] },
  };
}

/** The purposes of the inventory offered for every one of `kinds` (those with data about each). */
export function offeredPurposes(meta: LifecycleMeta | null, kinds: Kind[]): LifecyclePurpose[] {
  if (!meta || kinds.length === 0) return [];
  return meta.purposes.filter((p) => kinds.every((k) => p.kinds.includes(k)));
}

/** The same basis for another kind of person: purposes that kind has no data for are dropped. */
export function keepOffered(state: BasisState, offered: LifecyclePurpose[]): BasisState {
  const keys = new Set(offered.map((p) => p.key));
  return {
    ...state,
    consent: { ...state.consent, purposes: state.consent.purposes.filter((k) => keys.has(k)) },
    ground: { ...state.ground, purposes: state.ground.purposes.filter((k) => keys.has(k)) },
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** What is sent to subject_create, import_run or subjects_set_basis. */
export function basisDraft(state: BasisState, mode: BasisMode): BasisDraft {
  if (state.type === 'ground') {
    return { type: 'ground', subparagraph: state.ground.subparagraph, law: state.ground.law.trim(), purposes: state.ground.purposes };
  }
  const c = state.consent;
  if (mode === 'batch') {
    return {
      type: 'consent',
      consent: { purposes: c.purposes, givenOn: null, validFrom: null, validUntil: null, thirdParties: null, crossBorder: null, publication: null, form: 'paper', formReference: null, representative: null },
      scanDue: orNull(c.scanDue),
    };
  }
  return {
    type: 'consent',
    consent: {
      purposes: c.purposes,
      givenOn: orNull(c.givenOn),
      validFrom: null,
      validUntil: c.untilPurpose ? null : orNull(c.validUntil),
      thirdParties: null,
      crossBorder: null,
      publication: null,
      form: c.form,
      formReference: orNull(c.formReference),
      representative: c.byRep ? { name: c.rep.name.trim(), relation: c.rep.relation.trim(), document: c.rep.document.trim() } : null,
    },
    // Only a paper form has a scan to come.
    scanDue: c.form === 'paper' ? orNull(c.scanDue) : null,
  };
}

/** A problem with the basis, where it belongs: `basis` (the choice itself), `purposes`, `law`,
 * `representative`, or a consent's input (`given_on`, `valid_until`, `form_reference`, …). */
export interface BasisProblem {
  field: string;
  text: string;
}

/** What is plainly missing, in the core's sentences; the core checks the rest. */
export function checkBasis(state: BasisState): BasisProblem[] {
  if (state.type === null) return [{ field: 'basis', text: coreText('reason-basis_required') }];
  if (state.type === 'consent' && state.consent.purposes.length === 0) {
    return [{ field: 'purposes', text: coreText('reason-consent_purposes_none') }];
  }
  if (state.type === 'ground' && !state.ground.law.trim()) {
    return [{ field: 'law', text: coreText('reason-legal_ground_law_required') }];
  }
  return [];
}

/** The inputs of the basis section, by the field names the core gives in `invalid_input`. */
const BASIS_FIELDS = new Set([
  'basis',
  'purposes',
  'law',
  'legal_ground',
  'given_on',
  'valid_from',
  'valid_until',
  'form',
  'form_reference',
  'representative_name',
  'representative_relation',
  'representative_document',
  'organisation',
  'subject',
  // A scan-due day the core could not read comes back as its date field.
  'as_of',
  'scan_due',
]);

/** The backend's refusal as a problem of the basis section, or null when it is about something else. */
export function basisProblemOf(t: TFunction, error: ApiError | null): BasisProblem | null {
  if (!error) return null;
  if (error.code === 'representative_required') return { field: 'representative', text: errorText(t, error) };
  if (error.code !== 'invalid_input') return null;
  const field = typeof error.params.field === 'string' ? error.params.field : null;
  if (!field || !BASIS_FIELDS.has(field)) return null;
  return { field: field === 'as_of' ? 'scan_due' : field, text: errorText(t, error) };
}

/** An Art. 9 sub-paragraph's full name, as the core says it. */
export function subparagraphLabel(t: TFunction, code: string): string {
  return t(`lifecycle.legalGrounds.${code}`, { defaultValue: code });
}

/** "Art. 9(10): other cases set by the laws … — Labour Code, Art. 23". */
export function groundText(t: TFunction, subparagraph: string, law: string | null | undefined): string {
  const label = subparagraphLabel(t, subparagraph);
  return law && law.trim() ? `${label} — ${law.trim()}` : label;
}

export function lapseReasonLabel(t: TFunction, reason: Lapse['reason']): string {
  return t(`basis.lapsed.reasons.${reason}`, { defaultValue: coreText(`lapse-${reason}`) });
}

export type ClockTone = 'danger' | 'warning' | 'calm';

/** A lapse's one-working-day clock in words, and its colour (red when overdue). */
export function lapseClockText(t: TFunction, clock: LapseClock): { tone: ClockTone; text: string } {
  const due = displayDate(clock.due);
  switch (clock.state) {
    case 'overdue':
      return {
        tone: 'danger',
        text: clock.left !== null && clock.left < 0 ? t('basis.clock.overdue', { count: -clock.left, date: due }) : t('basis.clock.overdueSince', { date: due }),
      };
    case 'due_today':
      return { tone: 'warning', text: t('basis.clock.today') };
    case 'running':
      return { tone: 'warning', text: t('basis.clock.by', { date: due }) };
    default:
      return { tone: 'warning', text: t('basis.clock.unknown', { year: clock.missingYear ?? '' }) };
  }
}

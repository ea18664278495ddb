/** Consents, retention and the end of the data's life. */
import type { Kind, Person } from './register';
import { invoke } from './transport';
import type { IfExists } from './types';

// ---------------------------------------------------------------- consents and retention

export type Scope = 'all' | 'third_parties' | 'cross_border' | 'publication';
export const SCOPES: Scope[] = ['third_parties', 'cross_border', 'publication'];
export type ConsentState = 'active' | 'expiring' | 'expired' | 'withdrawn';
export type ConsentForm = 'paper' | 'electronic' | 'egov' | 'consent_service' | 'other';

export interface Representative {
  name: string;
  relation: string;
  document: string;
}

/** What the consent wizard sends. Dates as typed (dd.mm.yyyy or YYYY-MM-DD); the backend parses them. */
export interface ConsentDraft {
  purposes: string[];
  givenOn?: string | null;
  validFrom?: string | null;
  /** Empty: until the purpose is achieved. */
  validUntil?: string | null;
  /** null: no; text: the named recipients. */
  thirdParties?: string | null;
  /** null: no; text: the countries. */
  crossBorder?: string | null;
  /** null: no; text: where. */
  publication?: string | null;
  form?: ConsentForm;
  /** The reference on eGov or a consent service. */
  formReference?: string | null;
  representative?: Representative | null;
  /** With transfer to third parties: the person is to be told of each transfer (Art. 19). */
  notifyTransfers?: boolean;
}

export interface Withdrawal {
  scope: Scope;
  requestedOn: string;
  channel: string;
  refused: boolean;
  refusalGround: 'law' | 'obligation' | null;
  refusalNote: string | null;
  recordedAt: string;
}

export interface Evidence {
  mediaType: string;
  size: number;
  sha256: string;
}

export interface Consent {
  id: string;
  number: number;
  subjectId: string;
  subjectNumber: number;
  operatorName: string;
  operatorBin: string;
  subjectName: string;
  purposes: string[];
  dataFields: string[];
  inventoryVersion: number;
  givenOn: string;
  validFrom: string;
  validUntil: string | null;
  thirdParties: boolean;
  thirdPartyRecipients: string | null;
  crossBorder: boolean;
  crossBorderCountries: string | null;
  publication: boolean;
  publicationWhere: string | null;
  form: string;
  formReference: string | null;
  takenBy: string;
  takenByName: string | null;
  representative: Representative | null;
  state: ConsentState;
  withdrawnScopes: Scope[];
  withdrawals: Withdrawal[];
  evidence: Evidence | null;
  createdAt: string;
}

export interface WithdrawalDraft {
  scope: Scope;
  requestedOn?: string | null;
  channel: string;
  refusal?: { ground: 'law' | 'obligation'; note: string } | null;
}

export type RetentionMode = 'period' | 'for_life' | 'until_purpose';
export type Anchor = 'collection' | 'last_service' | 'programme_end' | 'employment_end' | 'consent_end';

export interface Rule {
  kind: Kind;
  purpose: string | null;
  mode: RetentionMode;
  anchor: Anchor | null;
  months: number | null;
  basis: string;
}

export interface Due {
  id: string;
  number: number;
  kind: string;
  fullName: string;
  dueSince: string;
  rule: Rule;
  blocked: boolean;
}

export interface DueList {
  asOf: string;
  people: Due[];
  /** People due but under legal hold: counted, not listed. */
  held: number;
}

export type EndAction = 'anonymise' | 'destroy';
export type Ground = 'retention_ended' | 'consent_withdrawn' | 'request' | 'court_decision' | 'unlawful_processing';

export interface Act {
  number: number;
  id: string;
  action: EndAction;
  ground: Ground;
  reference: string | null;
  /** Internal numbers of the people concerned. */
  subjects: number[];
  /** Category keys (identity, contact, …, services, consents, attachments). */
  categories: string[];
  performedAt: string;
  performedBy: string;
  performedByName: string;
  operatorName: string;
  operatorBin: string;
  /** The backups made before the act that still held its people: each to be replaced or deleted. */
  backups: HeldBackup[];
}

/** A backup named by an act. */
export interface HeldBackup {
  id: string;
  madeAt: string;
  /** Where it was written. */
  place: string;
  /** Deleted or replaced since. */
  gone: boolean;
}

export interface ActSummary {
  number: number;
  action: EndAction;
  ground: Ground;
  people: number;
  performedAt: string;
  performedByName: string;
}

export interface EndDueResult {
  act: Act;
  /** Numbers of blocked people who were due but left alone. */
  skipped: number[];
}

export interface LifecycleOverview {
  consents: { active: number; expiring: number; expired: number; withdrawn: number; withoutBasis: number };
  due: number;
  blocked: number;
  held: number;
  acts: number;
}

export interface LifecyclePurpose {
  key: string;
  names: { kk: string; ru: string; en: string };
  kinds: string[];
}

export interface LifecycleMeta {
  /** The Art. 9 sub-paragraphs an NGO may rely on (art9_4 … art9_10). */
  legalGrounds: string[];
  /** Reasons for blocking, unblocking and legal hold. */
  reasonCodes: string[];
  /** Why a retention period is what it is. */
  bases: string[];
  anchors: string[];
  grounds: string[];
  forms: string[];
  purposes: LifecyclePurpose[];
}

export type DocumentLanguage = 'kk' | 'ru';

// ---------------------------------------------------------------- the basis for processing

/** The Art. 9 sub-paragraphs an NGO may rely on (LifecycleMeta.legalGrounds). */
export type Subparagraph = 'art9_4' | 'art9_5' | 'art9_6' | 'art9_7' | 'art9_8' | 'art9_10';

/** An Art. 9 ground as recorded on a person (Art. 7(1), 9). */
export interface LegalGround {
  subparagraph: Subparagraph | string;
  /** The law relied on, e.g. "Еңбек кодексі, 23-бап". Required by the core. */
  law: string;
  /** Purpose keys it covers; empty: every purpose of the person's kind. */
  purposes: string[];
}

/**
 * The basis a person (or a batch, or a selection) is given: a consent, or an Art. 9 ground.
 * For a batch the consent's purposes and `scanDue` are what count ("paper consents on file").
 */
export type BasisDraft =
  | {
      type: 'consent';
      consent: ConsentDraft;
      /** YYYY-MM-DD (or dd.mm.yyyy): the day the scan of the signed paper form is due. */
      scanDue?: string | null;
    }
  | ({ type: 'ground' } & LegalGround);

export type LapseReason = 'no_basis' | 'consent_expired' | 'consent_withdrawn' | 'ground_incomplete' | 'ground_not_for_ngo';

/** A one-working-day term from the day the basis lapsed (Art. 25(2)(8)). The same shape as the
 * dashboard's clocks. */
export interface LapseClock {
  from: string;
  workingDays: number;
  due: string | null;
  /** Working days after today up to the due day (negative when overdue). */
  left: number | null;
  missingYear: number | null;
  state: 'overdue' | 'due_today' | 'running' | 'unknown';
}

/** A person processed without a basis (lapsed_bases), oldest first. */
export interface Lapse {
  id: string;
  number: number;
  kind: Kind;
  reason: LapseReason;
  /** YYYY-MM-DD: the day the basis ended, or the person was entered without one. */
  since: string;
  clock: LapseClock;
}

// ---------------------------------------------------------------- commands

export const lifecycleCommands = {
  lifecycleMeta: () => invoke<LifecycleMeta>('lifecycle_meta'),
  lifecycleOverview: () => invoke<LifecycleOverview>('lifecycle_overview'),
  /** `id`: the person's id or number. */
  consentList: (id: string) => invoke<Consent[]>('consent_list', { id }),
  /** Checks a draft without saving it; rejects with the same errors as consentAdd. */
  consentCheck: (id: string, draft: ConsentDraft) => invoke<null>('consent_check', { id, draft }),
  consentAdd: (id: string, draft: ConsentDraft) => invoke<Consent>('consent_add', { id, draft }),
  consentWithdraw: (number: number, withdrawal: WithdrawalDraft) =>
    invoke<Consent>('consent_withdraw', { number, withdrawal }),
  chooseEvidenceFile: () => invoke<string | null>('choose_evidence_file'),
  consentAttach: (number: number, path: string) => invoke<Evidence>('consent_attach', { number, path }),
  defaultSavePath: (suggestedName: string) => invoke<string>('default_save_path', { suggestedName }),
  chooseSavePath: (suggestedName: string) => invoke<string | null>('choose_save_path', { suggestedName }),
  consentFormSave: (number: number, lang: DocumentLanguage, path: string, ifExists: IfExists) =>
    invoke<string>('consent_form_save', { number, lang, path, ifExists }),
  /** The form for a consent not yet recorded, pre-filled from the wizard, to print for signature. */
  consentFormDraftSave: (id: string, draft: ConsentDraft, lang: DocumentLanguage, path: string, ifExists: IfExists) =>
    invoke<string>('consent_form_draft_save', { id, draft, lang, path, ifExists }),

  /** Set (or clear, with null) a person's Art. 9 ground: sub-paragraph, law, purposes. */
  subjectSetLegalGround: (id: string, ground: LegalGround | null) => invoke<Person>('subject_set_legal_ground', { id, ground }),
  /** Give many people one basis at once ("paper consents on file", or a ground); how many. */
  subjectsSetBasis: (ids: string[], basis: BasisDraft) => invoke<number>('subjects_set_basis', { ids, basis }),
  /** People processed without a basis, oldest first, each with its one-working-day clock. */
  lapsedBases: () => invoke<Lapse[]>('lapsed_bases'),
  /** `date` as typed (dd.mm.yyyy or YYYY-MM-DD), or null to clear. */
  subjectSetEndDate: (id: string, date: string | null) => invoke<Person>('subject_set_end_date', { id, date }),
  /** `reason`: "<code>" or "<code>: <note>". */
  subjectBlock: (id: string, reason: string) => invoke<Person>('subject_block', { id, reason }),
  subjectUnblock: (id: string, reason: string) => invoke<Person>('subject_unblock', { id, reason }),
  subjectHold: (id: string, reason: string) => invoke<Person>('subject_hold', { id, reason }),
  subjectReleaseHold: (id: string) => invoke<Person>('subject_release_hold', { id }),

  retentionRulesGet: () => invoke<Rule[]>('retention_rules_get'),
  retentionRulesSet: (rules: Rule[]) => invoke<Rule[]>('retention_rules_set', { rules }),
  /** `asOf` as typed, or null for today. */
  retentionDue: (asOf: string | null) => invoke<DueList>('retention_due', { asOf }),
  lifecycleEnd: (ids: string[], action: EndAction, ground: Ground, reference: string | null) =>
    invoke<Act>('lifecycle_end', { ids, action, ground, reference }),
  lifecycleEndDue: (action: EndAction, asOf: string | null) => invoke<EndDueResult>('lifecycle_end_due', { action, asOf }),
  actsList: () => invoke<ActSummary[]>('acts_list'),
  actGet: (number: number) => invoke<Act>('act_get', { number }),
  actSave: (number: number, lang: DocumentLanguage, path: string, ifExists: IfExists) =>
    invoke<string>('act_save', { number, lang, path, ifExists }),
};

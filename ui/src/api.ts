/**
 * The IPC contract between the UI and the Rust side (src-tauri), as typed wrappers.
 *
 * The UI holds no business rules: password strength, lock timing and validation are decided
 * in Rust, and the UI shows what the backend says. Every command may reject with an ApiError.
 *
 * Tauri 2 passes argument names in camelCase from JS; the Rust side names them in snake_case.
 */
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import { listen as tauriListen } from '@tauri-apps/api/event';

// ---------------------------------------------------------------- types

export interface VaultRef {
  path: string;
  name: string;
  isDemo: boolean;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface AppStatus {
  state: 'no_vault' | 'locked' | 'unlocked';
  vault: VaultRef | null;
  user: UserRef | null;
  recentVaults: { path: string; name: string }[];
  autoLockMinutes: number;
  recoveryKeyPending: boolean;
}

export type PasswordProblem =
  | 'empty'
  | 'too_short'
  | 'weak'
  | 'straight_row'
  | 'key_pattern'
  | 'simple_repeat'
  | 'extended_repeat'
  | 'sequence'
  | 'recent_years'
  | 'dates'
  | 'top10'
  | 'top100'
  | 'common'
  | 'similar_to_common'
  | 'word_by_itself'
  | 'names_by_themselves'
  | 'common_names'
  | 'user_input';

export type PasswordSuggestion =
  | 'use_few_words'
  | 'no_need_symbols'
  | 'add_another_word'
  | 'capitalization'
  | 'all_uppercase'
  | 'reversed_words'
  | 'predictable_substitutions'
  | 'longer_keyboard_pattern'
  | 'avoid_repeated'
  | 'avoid_sequences'
  | 'avoid_recent_years'
  | 'avoid_years_associated'
  | 'avoid_dates'
  | 'avoid_user_input';

export interface PasswordAssessment {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** Problem codes (PasswordProblem); unknown codes are shown as they are. */
  problems: string[];
  /** Suggestion codes (PasswordSuggestion); unknown codes are shown as they are. */
  suggestions: string[];
  /** Optional: the backend's minimum length, used in the `too_short` sentence (default 10). */
  minLength?: number;
}

export interface CreatedVault {
  recoveryKey: string;
  confirmGroupIndex: number;
}

export interface JournalEntry {
  seq: number;
  /** RFC 3339, UTC */
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  object: string | null;
  details: Record<string, unknown>;
}

export interface JournalPage {
  total: number;
  entries: JournalEntry[];
}

export interface JournalVerification {
  ok: boolean;
  entries: number;
  problem: null | {
    seq: number;
    kind: 'changed' | 'missing' | 'truncated' | 'reordered';
    message: string;
  };
}

export interface VaultLockedEvent {
  reason: 'idle' | 'manual';
  /** For an idle lock: the auto-lock delay that ran out. */
  minutes?: number | null;
}

export interface ApiError {
  code: string;
  message: string;
  /** Strings and numbers, or structured data for some codes (`invalid`: params.problems). */
  params: Record<string, unknown>;
}

// ---------------------------------------------------------------- the register

export type Kind = 'beneficiary' | 'employee' | 'volunteer';
export type Access = 'restricted' | 'public';

/** The standard fields of a person's record, in form order. Keys are stable; the UI translates them. */
export const FIELD_KEYS = [
  'surname',
  'name',
  'patronymic',
  'iin',
  'birth_date',
  'sex',
  'phone',
  'email',
  'region',
  'district',
  'settlement',
  'address',
  'id_document',
  'programme',
  'services',
  'disability',
  'household_size',
  'health_notes',
  'notes',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const CATEGORIES = [
  'identity',
  'contact',
  'id_number',
  'financial',
  'health',
  'biometric',
  'social_status',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RegionInfo {
  key: string;
  kk: string;
  ru: string;
  en: string;
  city: boolean;
}

/** What the register screens need to know: fields, kinds, regions, and what the inventory allows. */
export interface RegisterMeta {
  fields: { key: FieldKey; category: Category; sensitive: boolean }[];
  kinds: Kind[];
  regions: RegionInfo[];
  serviceTypes: string[];
  ageBands: string[];
  /** Per kind, the fields the approved data inventory lets the user fill. */
  allowed: Record<Kind, FieldKey[]>;
  programmes: string[];
}

export interface SubjectQuery {
  search?: string;
  kind?: Kind;
  programme?: string;
  region?: string;
  access?: Access;
  ageBand?: string;
  status?: string;
  limit?: number;
  offset: number;
}

export interface SubjectRow {
  id: string;
  number: number;
  kind: Kind;
  access: Access;
  status: string;
  /** surname, name, patronymic, iin (masked), birth_date (YYYY-MM-DD), sex, phone, region (key), programme. */
  values: Partial<Record<FieldKey, string>>;
}

export interface SubjectPage {
  total: number;
  rows: SubjectRow[];
}

export interface FieldValue {
  value: string;
  masked: boolean;
  sensitive: boolean;
}

export interface ServiceEntry {
  /** YYYY-MM-DD from the backend; dd.mm.yyyy or YYYY-MM-DD when sent. */
  date: string;
  /** A key of RegisterMeta.serviceTypes, or free text. */
  serviceType: string;
}

export interface Person {
  id: string;
  number: number;
  kind: Kind;
  access: Access;
  status: string;
  values: Partial<Record<FieldKey, FieldValue>>;
  services: ServiceEntry[];
  createdAt: string;
  updatedAt: string;
  /** Consent, Art. 9 ground, end date, hold and blocking, as the backend sees them today. */
  lifecycle?: PersonLifecycle;
}

export interface PersonLifecycle {
  /** The best state among the person's consents; null without any. */
  consentState: ConsentState | null;
  /** A consent to publication in public sources is in force. */
  publicationConsent: boolean;
  /** The Art. 9 ground (a key of LifecycleMeta.legalGrounds), if recorded. */
  legalGround: string | null;
  /** YYYY-MM-DD: the purpose was achieved, or the programme or employment ended. */
  endedOn: string | null;
  /** "<code>" or "<code>: <note>" while under legal hold. */
  holdReason: string | null;
  /** "<code>" or "<code>: <note>" while blocked. */
  blockedReason: string | null;
}

export interface PersonDraft {
  kind: Kind;
  values: Partial<Record<FieldKey, string>>;
  services: ServiceEntry[];
}

/** Values present are set (an empty string clears); services are added. */
export interface PersonChanges {
  kind?: Kind;
  values: Partial<Record<FieldKey, string>>;
  services: ServiceEntry[];
}

/** What a problem's sentence puts in: `row` (the other row of a duplicate IIN), `number` (the
 * existing record's №), `max`, `kind`… — never the value itself. */
export type ProblemArgs = Record<string, string | number>;

/** One problem with one field, in an `invalid` error's params.problems. Its sentence is the
 * core's `problem-<code>` with `args` put in (lib/register.ts problemText). */
export interface FieldProblem {
  /** A FieldKey, or 'kind', or 'services'. */
  field: string;
  code: string;
  args: ProblemArgs;
}

export interface Organisation {
  name: string;
  bin: string;
  address: string;
  responsibleName: string;
  responsibleContacts: string;
}

export interface Purpose {
  key: string;
  names: { kk: string; ru: string; en: string };
  fields: Partial<Record<Kind, FieldKey[]>>;
}

export interface InventoryDocument {
  purposes: Purpose[];
  categories: Record<FieldKey, Category>;
}

export interface Inventory extends InventoryDocument {
  version: number;
  approvedAt: string;
  approvedBy: string;
  /** The approver's name, for display. */
  approvedByName?: string | null;
}

export interface ImportPreview {
  headers: string[];
  /** The first rows (up to 20). */
  rows: string[][];
  rowCount: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** The backend's guess, one entry per column. */
  mapping: (FieldKey | null)[];
  /** A column holding "surname name patronymic" together, if one was recognised. */
  fullNameColumn: number | null;
}

export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  args: ProblemArgs;
}

export interface ImportReport {
  rows: number;
  accepted: number;
  rejected: ImportProblem[];
  imported: boolean;
}

export interface ImportProgress {
  done: number;
  total: number;
}

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
  /** Art. 9 grounds for processing without consent. */
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
/**
 * What to do when a file is already at the chosen path: refuse (the backend answers
 * `file_exists`) unless the user confirmed replacing it, here or in the system's save dialog.
 */
export type IfExists = 'refuse' | 'replace';

// ---------------------------------------------------------------- reports, releases, transfers

export type Measure = 'people' | 'services' | 'new_people';
export type Dimension =
  | 'region'
  | 'district'
  | 'sex'
  | 'age_band'
  | 'kind'
  | 'programme'
  | 'service_type'
  | 'disability'
  | 'quarter'
  | 'month';
export type Attribute = 'age' | 'sex' | 'place' | 'disability' | 'household_size' | 'kind' | 'programme' | 'service_month';
export type SensitiveColumn = 'service_type';
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ReportLanguage = 'kk' | 'ru' | 'en';
export type CellMark = 'shown' | 'primary' | 'secondary';

/** What an aggregate report counts, and how (core: report::ReportSpec). */
export interface ReportSpec {
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM, included. */
  to: string;
  measure: Measure;
  /** Up to three: rows, columns, one table per category of the third. */
  by: Dimension[];
  /** Empty: every kind. */
  kinds: Kind[];
  /** Empty: every programme. */
  programmes: string[];
  /** Lower bounds of the age bands, from 0, increasing. */
  ageBands: number[];
  /** Counts from 1 to threshold − 1 are hidden. */
  threshold: number;
}

export interface ReportCategory {
  key: string;
  label: string;
}

export interface ReportAxis {
  dimension: Dimension;
  label: string;
  categories: ReportCategory[];
}

export interface ReportCell {
  /** The count when shown; null when hidden. */
  count: number | null;
  mark: CellMark;
  /** What is printed: the count, "<5" or "x". */
  text: string;
}

export interface PanelRow {
  label: string;
  total: boolean;
  cells: ReportCell[];
}

export interface ReportPanel {
  /** "Sex: Female" for one table of a third dimension; null for a lone table. */
  title: string | null;
  rowHeader: string;
  /** Column headings; the last is "Total" when there is a column dimension. */
  columns: string[];
  /** The rows, totals last. */
  rows: PanelRow[];
  /** Each row category's total, [label, count or null when hidden]. */
  chart: [string, number | null][];
}

export interface Report {
  spec: ReportSpec;
  lang: ReportLanguage;
  title: string;
  measureLabel: string;
  axes: ReportAxis[];
  panels: ReportPanel[];
  /** Cells below the threshold. */
  primary: number;
  /** Cells hidden to protect them. */
  secondary: number;
  fromAnonymousRecords: number;
  blockedLeftOut: number;
  /** Shown only when at or above the threshold. */
  grandTotal: number | null;
  /** How the table was made, sentence by sentence. */
  method: string[];
}

/** What a k-anonymous row-level release asks for (core: release::ReleaseSpec). */
export interface ReleaseSpec {
  from: string;
  to: string;
  kinds: Kind[];
  programmes: string[];
  /** The columns released; each is a quasi-identifier. */
  columns: Attribute[];
  k: number;
  sensitive: SensitiveColumn | null;
  /** Needs `sensitive`. */
  l: number | null;
  maxSuppressedPercent: number;
}

export interface ColumnLevel {
  attribute: Attribute;
  label: string;
  /** 0 = as recorded. */
  level: number;
  levelLabel: string;
  levels: number;
}

export interface Release {
  spec: ReleaseSpec;
  lang: ReportLanguage;
  headers: string[];
  /** Only the first rows (200) on screen; the file carries them all. */
  rows: string[][];
  rowCount: number;
  people: number;
  suppressed: number;
  classes: number;
  kAchieved: number;
  lAchieved: number | null;
  transformation: ColumnLevel[];
  informationLossPercent: number;
  nodesEvaluated: number;
  nodesTotal: number;
  method: string[];
}

export interface ReportsMeta {
  measures: Measure[];
  dimensions: Dimension[];
  attributes: Attribute[];
  defaultAttributes: Attribute[];
  programmes: string[];
  /** The core's defaults, the period being this year so far. */
  report: ReportSpec;
  release: ReleaseSpec;
  minThreshold: number;
}

/** Who a file goes to and why: both required, both kept in the ledger. */
export interface Recipient {
  recipient: string;
  purpose: string;
}

/** One entry of the transfer ledger. */
export interface Transfer {
  number: number;
  id: string;
  /** RFC 3339, UTC. */
  at: string;
  userName: string;
  kind: 'report' | 'release';
  format: ExportFormat;
  recipient: string;
  purpose: string;
  parameters: Record<string, unknown>;
  outcome: Record<string, unknown>;
  /** SHA-256 of the file, hex. */
  sha256: string;
  size: number;
}

// ---------------------------------------------------------------- errors

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The per-field problems of an `invalid` error (an empty list for any other error). */
export function problemsOf(error: ApiError | null): FieldProblem[] {
  if (!error || error.code !== 'invalid') return [];
  const problems = error.params.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is FieldProblem =>
      typeof p === 'object' && p !== null && typeof (p as FieldProblem).field === 'string' && typeof (p as FieldProblem).code === 'string',
  );
}

/** Turns whatever a command rejected with into an ApiError. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) {
    return { code: value.code, message: value.message, params: value.params ?? {} };
  }
  if (typeof value === 'string') return { code: 'internal', message: value, params: {} };
  if (value instanceof Error) return { code: 'internal', message: value.message, params: {} };
  return { code: 'internal', message: String(value), params: {} };
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called whenever any command fails with `locked`: the vault was locked underneath us. */
export function onLockedError(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

// ---------------------------------------------------------------- transport

type Args = Record<string, unknown>;

function hasTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

async function invoke<T>(command: string, args?: Args): Promise<T> {
  try {
    // Design-preview only: in `vite dev` opened in a plain browser there is no Rust side, so an
    // in-memory stand-in answers. `import.meta.env.DEV` is false in production builds, so the
    // bundler drops this branch and the preview backend is never shipped.
    if (import.meta.env.DEV && !hasTauri()) {
      const preview = await import('./dev/preview-backend');
      return (await preview.previewInvoke(command, args ?? {})) as T;
    }
    return await tauriInvoke<T>(command, args);
  } catch (raw) {
    const error = toApiError(raw);
    if (error.code === 'locked') lockedListeners.forEach((l) => l());
    throw error;
  }
}

async function listen<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  if (import.meta.env.DEV && !hasTauri()) {
    const preview = await import('./dev/preview-backend');
    return preview.previewListen(event, (payload) => handler(payload as T));
  }
  return tauriListen<T>(event, (e) => handler(e.payload));
}

// ---------------------------------------------------------------- commands

export const api = {
  appStatus: () => invoke<AppStatus>('app_status'),
  defaultVaultFolder: () => invoke<string>('default_vault_folder'),
  chooseFolder: () => invoke<string | null>('choose_folder'),
  assessPassword: (password: string) => invoke<PasswordAssessment>('assess_password', { password }),
  createVault: (folder: string, userName: string, password: string, passwordConfirm: string) =>
    invoke<CreatedVault>('create_vault', { folder, userName, password, passwordConfirm }),
  confirmRecoveryKey: (group: string) => invoke<void>('confirm_recovery_key', { group }),
  unlockVault: (folder: string, password: string) =>
    invoke<void>('unlock_vault', { folder, password }),
  recoverVault: (
    folder: string,
    recoveryKey: string,
    newPassword: string,
    newPasswordConfirm: string,
  ) => invoke<void>('recover_vault', { folder, recoveryKey, newPassword, newPasswordConfirm }),
  openDemo: () => invoke<void>('open_demo'),
  lockVault: () => invoke<void>('lock_vault'),
  touch: () => invoke<void>('touch'),
  setAutoLockMinutes: (minutes: number) => invoke<void>('set_auto_lock_minutes', { minutes }),
  changePassword: (current: string, newPassword: string, newPasswordConfirm: string) =>
    invoke<void>('change_password', { current, newPassword, newPasswordConfirm }),
  journalList: (limit: number, offset: number) =>
    invoke<JournalPage>('journal_list', { limit, offset }),
  journalVerify: () => invoke<JournalVerification>('journal_verify'),

  registerMeta: () => invoke<RegisterMeta>('register_meta'),
  subjectList: (query: SubjectQuery) => invoke<SubjectPage>('subject_list', { query }),
  /** Journaled by the backend as a view. */
  subjectGet: (id: string) => invoke<Person>('subject_get', { id }),
  /** Journaled by the backend as a reveal of `fields`. */
  subjectReveal: (id: string, fields: FieldKey[]) => invoke<Person>('subject_reveal', { id, fields }),
  subjectCreate: (draft: PersonDraft) => invoke<Person>('subject_create', { draft }),
  subjectUpdate: (id: string, draft: PersonChanges) => invoke<Person>('subject_update', { id, draft }),
  subjectSetAccess: (id: string, access: Access) => invoke<void>('subject_set_access', { id, access }),
  subjectHistory: (id: string) => invoke<JournalEntry[]>('subject_history', { id }),

  orgGet: () => invoke<Organisation>('org_get'),
  orgSet: (org: Organisation) => invoke<Organisation>('org_set', { org }),
  inventoryGet: () => invoke<Inventory>('inventory_get'),
  inventoryApprove: (document: InventoryDocument) => invoke<Inventory>('inventory_approve', { document }),

  chooseImportFile: () => invoke<string | null>('choose_import_file'),
  importPreview: (path: string) => invoke<ImportPreview>('import_preview', { path }),
  importRun: (
    path: string,
    kind: Kind,
    mapping: (FieldKey | null)[],
    fullNameColumn: number | null,
    dryRun: boolean,
  ) => invoke<ImportReport>('import_run', { path, kind, mapping, fullNameColumn, dryRun }),

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

  subjectSetLegalGround: (id: string, ground: string | null) => invoke<Person>('subject_set_legal_ground', { id, ground }),
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

  reportsMeta: () => invoke<ReportsMeta>('reports_meta'),
  /** Journaled by the backend. Labels come back in `lang`. */
  reportBuild: (spec: ReportSpec, lang: ReportLanguage) => invoke<Report>('report_build', { spec, lang }),
  /** Journaled by the backend. Only the first 200 rows; `rowCount` has them all. */
  releaseBuild: (spec: ReleaseSpec, lang: ReportLanguage) => invoke<Release>('release_build', { spec, lang }),
  reportExport: (spec: ReportSpec, lang: ReportLanguage, format: ExportFormat, to: Recipient, path: string, ifExists: IfExists) =>
    invoke<Transfer>('report_export', { spec, lang, format, to, path, ifExists }),
  releaseExport: (spec: ReleaseSpec, lang: ReportLanguage, format: ExportFormat, to: Recipient, path: string, ifExists: IfExists) =>
    invoke<Transfer>('release_export', { spec, lang, format, to, path, ifExists }),
  /** Newest first. */
  transfersList: () => invoke<Transfer[]>('transfers_list'),
  /** The ledger entry a file matches (by its SHA-256), or null. */
  transferVerify: (path: string) => invoke<Transfer | null>('transfer_verify', { path }),
  chooseExportPath: (suggestedName: string, format: ExportFormat) =>
    invoke<string | null>('choose_export_path', { suggestedName, format }),
  chooseFileToVerify: () => invoke<string | null>('choose_file_to_verify'),
};

export const events = {
  onVaultLocked: (handler: (payload: VaultLockedEvent) => void) =>
    listen<VaultLockedEvent>('vault-locked', handler),
  onImportProgress: (handler: (payload: ImportProgress) => void) =>
    listen<ImportProgress>('import-progress', handler),
};

/** The register: people and their records, the organisation, the data inventory, the import. */
import type { BasisDraft, ConsentState } from './lifecycle';
import { invoke, listen } from './transport';
import type { JournalEntry } from './vault';

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
  /** An employee or volunteer who sees personal data at work, and so signs a confidentiality
   * undertaking (Art. 11(2)). */
  seesData?: boolean;
}

export interface PersonLifecycle {
  /** The best state among the person's consents; null without any. */
  consentState: ConsentState | null;
  /** A consent to publication in public sources is in force. */
  publicationConsent: boolean;
  /** The Art. 9 ground (a key of LifecycleMeta.legalGrounds), if recorded. */
  legalGround: string | null;
  /** The law the ground relies on, e.g. "Еңбек кодексі, 23-бап". */
  legalGroundLaw?: string | null;
  /** Purpose keys the ground covers; empty: every purpose of the person's kind. */
  groundPurposes?: string[];
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
  /** The head of the organisation, who signs its orders and approves its policy. */
  headName: string;
  /** The head's position (Төраға, Директор…). */
  headPosition: string;
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
  /** The column read as the day each person first came ("Registered on", "First service"),
   * unless it is mapped to a field. */
  registeredOnColumn?: number | null;
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

// ---------------------------------------------------------------- commands

export const registerCommands = {
  registerMeta: () => invoke<RegisterMeta>('register_meta'),
  subjectList: (query: SubjectQuery) => invoke<SubjectPage>('subject_list', { query }),
  /** Journaled by the backend as a view. */
  subjectGet: (id: string) => invoke<Person>('subject_get', { id }),
  /** Journaled by the backend as a reveal of `fields`. */
  subjectReveal: (id: string, fields: FieldKey[]) => invoke<Person>('subject_reveal', { id, fields }),
  /** Nobody enters without a basis (Art. 7(1), 9): a consent, or an Art. 9 ground with its law. */
  subjectCreate: (draft: PersonDraft, basis: BasisDraft) => invoke<Person>('subject_create', { draft, basis }),
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
    /** One basis for the whole batch (a consent: "paper consents on file"). */
    basis: BasisDraft,
  ) => invoke<ImportReport>('import_run', { path, kind, mapping, fullNameColumn, dryRun, basis }),
};

export const registerEvents = {
  onImportProgress: (handler: (payload: ImportProgress) => void) =>
    listen<ImportProgress>('import-progress', handler),
};

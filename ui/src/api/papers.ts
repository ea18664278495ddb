/**
 * The papers an inspector asks for (the policy, the data inventory, the order appointing the
 * responsible person, the retention schedule, a confidentiality undertaking per person who sees
 * the data) and the compliance pack. The core lays them out, numbers them and says which are out
 * of date; these carry the arguments.
 */
import type { DocumentLanguage } from './lifecycle';
import { invoke } from './transport';
import type { IfExists } from './types';

// ---------------------------------------------------------------- types

/** A kind of paper (the core's stable keys). */
export type PaperKind = 'policy' | 'inventory' | 'order' | 'retention' | 'undertaking';

/** The organisation's four papers, in the order the Documents screen and the pack list them. */
export const ORGANISATION_PAPERS: readonly PaperKind[] = ['policy', 'inventory', 'order', 'retention'];

/** Someone who sees personal data at work, and so signs an undertaking (Art. 11(2)). */
export interface Confidant {
  /** The user's id, or the person's id in the register. */
  id: string;
  name: string;
  /** A user of this vault, or an employee or volunteer of the register. */
  source: 'user' | 'register';
  /** A user's role (`responsible`, `staff`), or a person's kind (`employee`, `volunteer`). */
  role: string;
  /** The person's № in the register (users have none). */
  number: number | null;
}

/** A paper as produced: its number and date, and the file's fingerprint. */
export interface Produced {
  paper: PaperKind;
  number: number;
  lang: DocumentLanguage;
  /** RFC 3339, UTC. */
  producedAt: string;
  sha256: string;
  /** Its pages (0 in a list row: the list does not lay the paper out again). */
  pages: number;
}

/** Why the last paper no longer says what the vault says. */
export type OutdatedReason = 'inventory_changed' | 'responsible_changed' | 'details_changed';

/** Where a paper stands. */
export interface PaperRow {
  paper: PaperKind;
  /** An undertaking's signatory. */
  person: Confidant | null;
  /** The last one produced, if ever. */
  last: Produced | null;
  outdated: OutdatedReason[];
  status: 'never' | 'current' | 'outdated';
  /** The number the next one of this kind will carry (undertakings share one count). */
  nextNumber: number;
}

/** Which paper to make. */
export interface PaperRequest {
  paper: PaperKind;
  lang: DocumentLanguage;
  /** An undertaking's signatory (a user's or a register person's id). */
  person?: string;
  /** An earlier version of the inventory (the current one when absent). */
  version?: number;
}

/** A paper shown before it is saved. */
export interface PaperPreview {
  /** The number it gets if it is saved now. */
  number: number;
  /** Each page, as a complete SVG document. */
  pages: string[];
}

/** One file in the pack. */
export interface PackEntry {
  /** Its path inside the ZIP. */
  file: string;
  /** A paper's key, `act`, `consents`, `transfers`, `journal`, `scan`. */
  what: string;
  /** The article of Law No. 94-V it answers. */
  article: string;
  /** A paper: `current` or `new`; a table: how many rows. */
  state: string;
  number: number | null;
}

/** What an inspector will look for in the pack and not find (the core's stable keys). */
export type PackMissing =
  | 'org_name_missing'
  | 'org_bin_missing'
  | 'org_address_missing'
  | 'responsible_missing'
  | 'responsible_contacts_missing'
  | 'head_missing'
  | 'policy_not_approved'
  | 'no_consents'
  | 'no_acts'
  /** A request from a person past its due day without an answer. */
  | 'requests_overdue_missing'
  /** A breach not notified to the authorised body within one working day. */
  | 'breach_notice_missing';

export interface PackSummary {
  number: number;
  /** RFC 3339, UTC. */
  producedAt: string;
  /** Every file in it but the index. */
  entries: PackEntry[];
  missing: PackMissing[];
  /** Whether the journal's chain verified. */
  journalOk: boolean;
  sha256: string;
  /** Bytes. */
  size: number;
}

// ---------------------------------------------------------------- commands

export const papersCommands = {
  /** The four organisation papers, then an undertaking per person who sees the data. */
  papersList: () => invoke<PaperRow[]>('papers_list'),
  /** The pages as SVG and the number the paper would get; nothing is written (journaled). */
  paperPreview: (request: PaperRequest) => invoke<PaperPreview>('paper_preview', { request }),
  /** Number the paper, write it as PDF where the user chose, record it. */
  paperSave: (request: PaperRequest, path: string, ifExists: IfExists) =>
    invoke<Produced>('paper_save', { request, path, ifExists }),
  /** The file name to offer for the pack: the organisation and today. */
  packFileName: () => invoke<string>('pack_file_name'),
  packSave: (lang: DocumentLanguage, path: string, ifExists: IfExists, scans: boolean) =>
    invoke<PackSummary>('pack_save', { lang, path, ifExists, scans }),
  confidantsList: () => invoke<Confidant[]>('confidants_list'),
  /** Mark an employee or volunteer as seeing personal data at work (or no longer). */
  personSeesData: (id: string, yes: boolean) => invoke<void>('person_sees_data', { id, yes }),
};

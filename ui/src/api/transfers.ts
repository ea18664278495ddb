/**
 * Transfers that identify people (Art. 7(6), 15, 16, 19, 22(1)(5)): the recipients kept as
 * records, the check of each person's basis before anything is written, the CSV itself (recorded
 * in the same transfer ledger as the anonymised exports), and the notices people are owed when
 * their consent asks to be told of each transfer (Art. 19). The core decides every basis, every
 * field left out and every refusal; these carry the arguments
 * (crates/core/src/reports/identifying.rs, src-tauri/src/commands/obligations.rs).
 */
import type { Clock } from './obligations';
import type { FieldKey } from './register';
import type { Transfer } from './reports';
import { invoke } from './transport';
import type { IfExists } from './types';

export const RECIPIENT_KINDS = ['donor', 'partner', 'state_body', 'other'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** A recipient as entered. */
export interface RecipientDraft {
  /** As consents name it: the core finds the recipient in each consent by this name. */
  name: string;
  /** As consents name it ("Қазақстан", "Germany"). */
  country: string;
  /** A cross-border transfer (Art. 16). */
  abroad: boolean;
  kind: RecipientKind;
  /** Abroad: whether the country ensures the protection of personal data (Art. 16(2)); required abroad. */
  protects: boolean | null;
}

/** A recipient in the list. */
export interface RecipientRecord {
  id: string;
  number: number;
  name: string;
  country: string;
  abroad: boolean;
  kind: RecipientKind;
  /** Abroad: the country ensures protection; null at home. */
  protects: boolean | null;
  /** Ledger entries to it (anonymised and identifying). */
  transfers: number;
}

/** The exceptions of Art. 16(3) for a country that does not ensure protection: 2) a ratified
 * international treaty; 3) the laws, to protect the constitutional order, public order, rights and
 * freedoms, health and morals; 4) protecting constitutional rights when consent cannot be obtained. */
export const ART16_EXCEPTIONS = ['art16_3_2', 'art16_3_3', 'art16_3_4'] as const;
export type Art16Exception = (typeof ART16_EXCEPTIONS)[number];

/** An identifying transfer as asked for. */
export interface IdentifyingDraft {
  /** The recipient's №. */
  recipient: number;
  purpose: string;
  fields: FieldKey[];
  /** Internal numbers. */
  people: number[];
  /** Abroad to a country without protection: the exception relied on for people without a consent. */
  exception?: Art16Exception | null;
}

/** Why a person has no basis for the transfer. */
export type LackingReason = 'no_consent_to_recipient' | 'no_cross_border_consent' | 'not_found' | 'blocked';

/** One person's basis, or why they have none. */
export interface PersonCheck {
  number: number;
  /** `consent:12`, `art9_10`, `art16_3_4`…; null when there is no basis. */
  basis: string | null;
  lacking: LackingReason | (string & {}) | null;
  /** Their consent asks to be told of each transfer (Art. 19). */
  notify: boolean;
}

/** What a transfer would carry. */
export interface TransferCheck {
  /** Every person asked for, once, in the order asked. */
  people: PersonCheck[];
  /** The numbers of those without a basis: while any is here, nothing can be saved. */
  lacking: number[];
  /** The fields the file will carry (every basis covers them). */
  fields: FieldKey[];
  /** Fields asked for that some person's basis does not cover. */
  leftOut: FieldKey[];
}

/** A notice a person is owed (Art. 19), on its ten-working-day clock. */
export interface TransferNotice {
  /** The ledger entry. */
  transfer: number;
  recipient: string;
  /** The person's internal number. */
  number: number;
  clock: Clock;
}

export const transfersCommands = {
  /** By №. */
  recipientsList: () => invoke<RecipientRecord[]>('recipients_list'),
  /** Needs export_rows; the same name and country twice is refused. */
  recipientAdd: (draft: RecipientDraft) => invoke<RecipientRecord>('recipient_add', { draft }),
  /** Nothing is written: each person's basis and the fields the file would carry. */
  transferCheck: (draft: IdentifyingDraft) => invoke<TransferCheck>('transfer_check', { draft }),
  /** Writes the CSV (personal data in clear) and its ledger entry, or refuses with nothing written. */
  transferIdentifyingSave: (draft: IdentifyingDraft, path: string, ifExists: IfExists) =>
    invoke<Transfer>('transfer_identifying_save', { draft, path, ifExists }),
  /** The notices still owed, nearest due first. */
  transferNotices: () => invoke<TransferNotice[]>('transfer_notices'),
  /** The person was told on `on` ("YYYY-MM-DD"). */
  transferNotified: (transfer: number, number: number, on: string) => invoke<void>('transfer_notified', { transfer, number, on }),
};

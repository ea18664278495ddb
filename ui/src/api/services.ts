/** The log of services an NGO kept before Derbes: read it, check it, import it (all or nothing). */
import type { ImportProblem } from './register';
import { invoke } from './transport';

/** What a column of a service log holds (crates/core/src/register/import/services.rs). */
export const SERVICE_COLUMNS = [
  'iin',
  'number',
  'surname',
  'name',
  'patronymic',
  'full_name',
  'birth_date',
  'date',
  'service_type',
  'programme',
] as const;
export type ServiceColumn = (typeof SERVICE_COLUMNS)[number];

export interface ServiceImportPreview {
  headers: string[];
  /** The first rows (up to 20). */
  rows: string[][];
  rowCount: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  /** The backend's guess, one entry per column. */
  mapping: (ServiceColumn | null)[];
}

/**
 * What a value of the file's service-type column stands for, as the user confirmed it: one of
 * RegisterMeta.serviceTypes, or the value kept as written (reports count it as "other").
 * Serialised as `{"as":"standard","key":"legal_consultation"}` or `{"as":"asWritten"}`.
 */
export type ServiceTypeChoice = { as: 'standard'; key: string } | { as: 'asWritten' };

/** One distinct value of the file's service-type column. */
export interface ServiceTypeInFile {
  /** As first written in the file (a service's name, not a person's data). */
  value: string;
  /** Rows carrying it. */
  rows: number;
  /** The standard type Derbes recognised it as. */
  recognised: string | null;
  /** What it will be stored as; null: its rows are refused until the user chooses. */
  chosen: ServiceTypeChoice | null;
}

export interface ServiceImportReport {
  /** Rows read. */
  rows: number;
  /** Rows that will be (or were) added. */
  accepted: number;
  /** Rows identical to a service already on file (same person, day and type), skipped. */
  alreadyRecorded: number;
  /** Different people the accepted rows belong to. */
  people: number;
  matchedBy: { iin: number; number: number; nameAndBirthDate: number };
  /** YYYY-MM-DD: the first and last day among the accepted rows. */
  firstDay: string | null;
  lastDay: string | null;
  /** Every distinct service type in the file, in the order first seen. */
  types: ServiceTypeInFile[];
  /** Every problem of every refused row (never a cell's value). */
  rejected: ImportProblem[];
  /** Whether the rows were written (never on a dry run or when a row was refused). */
  imported: boolean;
}

/** The user's choices, keyed by the value as written in the file. */
export type ServiceTypeChoices = Record<string, ServiceTypeChoice>;

export const servicesCommands = {
  serviceImportPreview: (path: string) => invoke<ServiceImportPreview>('service_import_preview', { path }),
  /** Check (`dryRun`) or import the log: all rows or none, one journal entry. */
  serviceImportRun: (path: string, mapping: (ServiceColumn | null)[], choices: ServiceTypeChoices, dryRun: boolean) =>
    invoke<ServiceImportReport>('service_import_run', { path, mapping, choices, dryRun }),
};

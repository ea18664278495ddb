/** Reports, releases and the transfer ledger. */
import type { Kind } from './register';
import { invoke } from './transport';
import type { IfExists } from './types';

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
  /** `identifying`: a transfer of personal data in clear (not anonymised), see ./transfers. */
  kind: 'report' | 'release' | 'identifying';
  format: ExportFormat;
  recipient: string;
  purpose: string;
  parameters: Record<string, unknown>;
  outcome: Record<string, unknown>;
  /** SHA-256 of the file, hex. */
  sha256: string;
  size: number;
}

// ---------------------------------------------------------------- commands

export const reportsCommands = {
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

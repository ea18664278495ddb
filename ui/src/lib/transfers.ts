import type { TFunction } from 'i18next';
import type { FieldKey, RecipientRecord, RegisterMeta, Transfer } from '../api';
import { FIELD_KEYS } from '../api';

/**
 * Display helpers for transfers that identify people. Which person has a basis, which fields are
 * left out and when a notice is due are the core's answers (crates/core/src/reports/identifying.rs);
 * these put them into words.
 */

export const transfersPath = {
  recipients: () => '#/transfers',
  notices: () => '#/transfers/notices',
  ledger: () => '#/transfers/ledger',
  /** The wizard, optionally with a recipient already chosen. */
  add: (recipient?: number) => (recipient ? `#/transfers/new/${recipient}` : '#/transfers/new'),
};

export const recipientKindLabel = (t: TFunction, kind: string) => t(`transfers.kinds.${kind}`, { defaultValue: kind });

/** A recipient abroad whose country does not (or is not known to) ensure protection (Art. 16(2)):
 * only people who consented to this country, or an Art. 16(3) exception. */
export const unprotectedAbroad = (r: Pick<RecipientRecord, 'abroad' | 'protects'>) => r.abroad && r.protects !== true;

/** Where a recipient is, in words: "Kazakhstan", "Germany · abroad, protects data". */
export function placeText(t: TFunction, r: Pick<RecipientRecord, 'country' | 'abroad' | 'protects'>): string {
  if (!r.abroad) return r.country;
  return `${r.country} · ${t(r.protects ? 'transfers.place.abroadProtects' : 'transfers.place.abroadUnprotected')}`;
}

/** A person's basis, as the check names it: "consent № 12", "Art. 9(10)", "Art. 16(3)(4)". */
export function basisText(t: TFunction, basis: string): string {
  const consent = /^consent:(\d+)$/.exec(basis);
  if (consent) return t('transfers.basis.consent', { number: Number(consent[1]) });
  const art9 = /^art9_(\d+(?:_\d+)?)$/.exec(basis);
  if (art9) return t('transfers.basis.art9', { sub: art9[1]!.replace('_', '-') });
  const art16 = /^art16_3_(\d)$/.exec(basis);
  if (art16) return t('transfers.basis.art16', { sub: art16[1] });
  return t(`lifecycle.legalGrounds.${basis}`, { defaultValue: basis });
}

/** Why a person has no basis, in words (with the recipient's name where it helps). */
export function lackingText(t: TFunction, reason: string, recipient: Pick<RecipientRecord, 'name' | 'country'>): string {
  return t(`transfers.lacking.${reason}`, { recipient: recipient.name, country: recipient.country, defaultValue: t('transfers.lacking.other') });
}

/**
 * The fields a transfer may carry: those the approved inventory lets the organisation hold for
 * any kind of person, in form order. Services are a list, not a value, and the file has no column
 * for them, so they are not offered.
 */
export function transferableFields(meta: RegisterMeta | null): FieldKey[] {
  if (!meta) return [];
  const allowed = new Set(Object.values(meta.allowed).flat());
  return FIELD_KEYS.filter((f) => allowed.has(f) && f !== 'services');
}

/** The file name offered for the CSV: derbes-transfer-2026-03-24.csv. */
export function transferFileName(today: string): string {
  return `derbes-transfer-${today}.csv`;
}

/** The path with a .csv ending: a known extension is replaced, otherwise one is added. */
export function withCsv(path: string): string {
  const p = path.trim();
  if (!p || /[\\/]$/.test(p)) return p;
  return /\.(csv|xlsx|xls|pdf)$/i.test(p) ? p.replace(/\.(csv|xlsx|xls|pdf)$/i, '.csv') : `${p}.csv`;
}

/** An identifying ledger entry's facts, from its parameters and outcome (the core's JSON). */
export function identifyingFacts(x: Transfer): { people: number | null; rows: number | null; fields: string[]; leftOut: string[]; exception: string | null } {
  const p = x.parameters as { people?: unknown; fields?: unknown; exception?: unknown };
  const o = x.outcome as { rows?: unknown; leftOut?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return {
    people: typeof p.people === 'number' ? p.people : null,
    rows: typeof o.rows === 'number' ? o.rows : null,
    fields: list(p.fields),
    leftOut: list(o.leftOut),
    exception: typeof p.exception === 'string' ? p.exception : null,
  };
}

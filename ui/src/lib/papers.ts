import type { TFunction } from 'i18next';
import i18n from '../i18n';
import type { Confidant, DocumentLanguage, PaperKind, PaperRequest, PaperRow } from '../api';
import { formatDate } from './format';

/**
 * Display helpers for the Documents screen. Which papers exist, their numbers and whether they
 * are out of date are the core's answers; these only put them into words.
 */

/** The paper's name in the UI's language. */
export function paperTitle(t: TFunction, paper: PaperKind): string {
  return t(`documents.papers.${paper}`);
}

/** What to ask the core for, for a row of the list in `lang`. */
export function requestFor(row: PaperRow, lang: DocumentLanguage): PaperRequest {
  return row.person ? { paper: row.paper, lang, person: row.person.id } : { paper: row.paper, lang };
}

/** A stable key for a row: the paper, and whose undertaking it is. */
export function rowKey(row: Pick<PaperRow, 'paper' | 'person'>): string {
  return row.person ? `${row.paper}:${row.person.id}` : row.paper;
}

/**
 * The file name offered for a paper, in the document's language ("Саясат-№3.pdf",
 * "Политика-№3.pdf"); an undertaking adds whose it is. Without a number, none is written.
 */
export function paperFileName(lang: DocumentLanguage, paper: PaperKind, number: number | null, person?: Confidant | null): string {
  const stem = i18n.getFixedT(lang)(`documents.fileStem.${paper}`);
  const parts = [stem];
  if (number !== null) parts.push(`№${number}`);
  if (person) parts.push(person.name.trim().split(/\s+/).join('-'));
  return `${parts.join('-')}.pdf`;
}

/**
 * The number the next paper of this kind will get, when the list says it for sure: each of the
 * organisation's papers is listed with the last of its kind. Undertakings share one count across
 * people (some of whom may no longer be listed), so for them only the preview says it.
 */
export function nextNumber(row: PaperRow): number | null {
  return row.nextNumber ?? null;
}

/** "№ 3 of 07.12.2026" for the last paper produced. */
export function madeText(t: TFunction, row: PaperRow): string | null {
  if (!row.last) return null;
  return t('documents.state.made', { number: row.last.number, date: formatDate(new Date(row.last.producedAt)) });
}

/** Who signs an undertaking: a user of the vault and their role, or a person of the register. */
export function confidantText(t: TFunction, person: Confidant): string {
  if (person.source === 'user') return t('documents.undertakings.user', { role: t(`roles.${person.role}`, { defaultValue: person.role }) });
  const kind = t(`kinds.${person.role}`, { defaultValue: person.role });
  return person.number !== null ? t('documents.undertakings.registerPerson', { kind, number: person.number }) : kind;
}

/**
 * An SVG page as an image address. Shown through <img>, never inline: no script an SVG might
 * hold can run, and nothing is written to disk (the CSP allows data: images).
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

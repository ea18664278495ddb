import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { api, toApiError, type ApiError, type ExportFormat, type ReportsMeta } from '../api';

/**
 * Display helpers for reports, releases and the transfer ledger. Formatting and translation
 * only: what may be published, which cells are hidden, what k a release reaches — all of it is
 * decided in Rust (crates/core/src/reports/) and arrives in answers.
 */

/** Loads reports_meta() once per mount; `reload` asks again. */
export function useReportsMeta() {
  const [meta, setMeta] = useState<ReportsMeta | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    setError(null);
    api
      .reportsMeta()
      .then(setMeta)
      .catch((e) => setError(toApiError(e)));
  }, []);
  useEffect(load, [load]);
  return { meta, error, reload: load };
}

const translated = (t: TFunction, key: string, fallback: string) => t(key, { defaultValue: fallback });

export const measureLabel = (t: TFunction, m: string) => translated(t, `reports.measures.${m}`, m);
export const dimensionLabel = (t: TFunction, d: string) => translated(t, `reports.dimensions.${d}`, d);
export const attributeLabel = (t: TFunction, a: string) => translated(t, `reports.attributes.${a}`, a);

/** Lower bounds as the bands they make: [0, 18, 30] → "0–17, 18–29, 30+". */
export function ageBandsText(bounds: number[]): string {
  return bounds.map((b, i) => (i + 1 < bounds.length ? `${b}–${bounds[i + 1]! - 1}` : `${b}+`)).join(', ');
}

/**
 * The lower bounds typed as "0, 18, 30": whole numbers separated by commas or spaces, or null
 * when something else was typed. Whether they make sense is the core's to say.
 */
export function parseAgeBands(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return null;
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  return parts.map(Number);
}

/** A month input's value: "YYYY-MM" as it is, "MM.YYYY" turned round, anything else as typed. */
export function normaliseMonth(value: string): string {
  const v = value.trim();
  const dotted = /^(\d{1,2})\.(\d{4})$/.exec(v);
  return dotted ? `${dotted[2]}-${dotted[1]!.padStart(2, '0')}` : v;
}

/** "2026-03" as "03.2026" (the way the users write months). */
export function monthText(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${m[2]}.${m[1]}` : value;
}

/** The file name offered for an export: derbes-report-2026-01-2026-12.xlsx. */
export function suggestedFileName(kind: 'report' | 'release', period: { from: string; to: string }, format: ExportFormat): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z-]/g, '');
  return `derbes-${kind}-${safe(period.from)}-${safe(period.to)}.${format}`;
}

const KNOWN_EXTENSION = /\.(csv|xlsx|xls|pdf)$/i;

/** The path with the format's extension: a known extension is replaced, otherwise one is added. */
export function withExtension(path: string, format: ExportFormat): string {
  const p = path.trim();
  if (!p) return p;
  if (KNOWN_EXTENSION.test(p)) return p.replace(KNOWN_EXTENSION, `.${format}`);
  if (/[\\/]$/.test(p)) return p;
  return `${p}.${format}`;
}

/** The first 12 hex digits of a SHA-256, enough to tell files apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/**
 * Bring a freshly built result into view by scrolling only its nearest scrolling ancestor (the
 * page's content area): Element.scrollIntoView would also scroll the app's frame out of place.
 */
export function scrollToTop(el: HTMLElement | null, margin = 12) {
  if (!el) return;
  let box = el.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box || typeof box.scrollTo !== 'function') return;
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - margin;
  const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  box.scrollTo({ top, behavior: reduce ? 'auto' : 'smooth' });
}

import { useSyncExternalStore } from 'react';
import type { Restored } from '../api';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `iso` to now (0 for a date that cannot be read or lies ahead). */
export function daysSince(iso: string, now: number = Date.now()): number {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** A size in megabytes (1024 × 1024 bytes, as the file manager counts), one decimal. */
export function megabytes(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mb);
}

/*
 * What the last restore did, kept until the person dismisses it: the restore dialog sits on the
 * unlock or welcome screen, which is gone once the restored vault opens, and a warning that
 * people may be back must stay visible until it is read (ui.md).
 */
let outcome: Restored | null = null;
const listeners = new Set<() => void>();

export function setRestoreOutcome(next: Restored | null) {
  outcome = next;
  listeners.forEach((l) => l());
}

export function useRestoreOutcome(): Restored | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => outcome,
  );
}

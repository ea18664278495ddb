import { useEffect, useRef } from 'react';
import { api } from '../api';

const EVENTS = ['mousemove', 'keydown', 'click', 'wheel'] as const;
const INTERVAL_MS = 15_000;

/**
 * While `active`, tells the backend the person is still at the keyboard, at most once every 15 s.
 * The backend owns the idle timer and decides when to lock; this only reports activity.
 */
export function useActivityReporter(active: boolean) {
  const last = useRef(0);
  useEffect(() => {
    if (!active) return;
    last.current = Date.now(); // unlocking itself counts as activity
    const onActivity = () => {
      const now = Date.now();
      if (now - last.current < INTERVAL_MS) return;
      last.current = now;
      api.touch().catch(() => {
        // A `locked` answer is handled globally (see onLockedError); nothing else to do here.
      });
    };
    EVENTS.forEach((name) => window.addEventListener(name, onActivity, { passive: true, capture: true }));
    return () => EVENTS.forEach((name) => window.removeEventListener(name, onActivity, { capture: true }));
  }, [active]);
}

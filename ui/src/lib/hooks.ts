import { useEffect, useRef, useState } from 'react';
import { api, type PasswordAssessment } from '../api';

/** True only once `active` has stayed true for `delayMs` (so quick work shows no spinner). */
export function useDelayedFlag(active: boolean, delayMs = 200): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return shown;
}

/**
 * Asks the backend how strong `password` is, at most once per `debounceMs` of typing.
 * Answers that arrive after a newer request are dropped. The rule itself lives in Rust.
 */
export function usePasswordAssessment(password: string, debounceMs = 150) {
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);
  const [pending, setPending] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    if (password.length === 0) {
      setAssessment(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      api
        .assessPassword(password)
        .then((result) => {
          if (request === latest.current) setAssessment(result);
        })
        .catch(() => {
          if (request === latest.current) setAssessment(null);
        })
        .finally(() => {
          if (request === latest.current) setPending(false);
        });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [password, debounceMs]);

  // An assessment is only valid for the text it was made for; while a newer one is on its way
  // the old one is still shown (less flicker) but never counts as acceptable.
  return { assessment, pending, acceptable: !pending && assessment?.acceptable === true };
}

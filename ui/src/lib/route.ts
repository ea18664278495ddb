import { useEffect, useState } from 'react';

/** The parts of the URL hash: "#/people/123/edit" → ["people", "123", "edit"]. */
export function hashParts(): string[] {
  return window.location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
}

/** Re-renders on every hash change and returns the parts after the screen id. */
export function useSubRoute(): string[] {
  const [parts, setParts] = useState(hashParts);
  useEffect(() => {
    const onHash = () => setParts(hashParts());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return parts.slice(1);
}

/** Go to "#/…" (pushes a history entry, so Back works). */
export function navigate(path: string) {
  window.location.hash = path.startsWith('#') ? path : `#${path.startsWith('/') ? '' : '/'}${path}`;
}

export const peoplePath = {
  list: () => '#/people',
  add: () => '#/people/new',
  import: () => '#/people/import',
  person: (id: string) => `#/people/${encodeURIComponent(id)}`,
  edit: (id: string) => `#/people/${encodeURIComponent(id)}/edit`,
};

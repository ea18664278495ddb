/** How a command reaches the Rust side, or in the design preview its in-memory stand-in. */
import { invoke as tauriInvoke } from '@tauri-apps/api/core';
import { listen as tauriListen } from '@tauri-apps/api/event';
import { toApiError } from './errors';

// ---------------------------------------------------------------- transport

type Args = Record<string, unknown>;

function hasTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

type LockedListener = () => void;
const lockedListeners = new Set<LockedListener>();

/** Called whenever any command fails with `locked`: the vault was locked underneath us. */
export function onLockedError(listener: LockedListener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function invoke<T>(command: string, args?: Args): Promise<T> {
  try {
    // Design-preview only: in `vite dev` opened in a plain browser there is no Rust side, so an
    // in-memory stand-in answers. `import.meta.env.DEV` is false in production builds, so the
    // bundler drops this branch and the preview backend is never shipped.
    if (import.meta.env.DEV && !hasTauri()) {
      const preview = await import('../dev/preview-backend');
      return (await preview.previewInvoke(command, args ?? {})) as T;
    }
    return await tauriInvoke<T>(command, args);
  } catch (raw) {
    const error = toApiError(raw);
    if (error.code === 'locked') lockedListeners.forEach((l) => l());
    throw error;
  }
}

export async function listen<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  if (import.meta.env.DEV && !hasTauri()) {
    const preview = await import('../dev/preview-backend');
    return preview.previewListen(event, (payload) => handler(payload as T));
  }
  return tauriListen<T>(event, (e) => handler(e.payload));
}

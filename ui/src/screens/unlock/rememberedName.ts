/**
 * The name last typed on the unlock screen, per vault folder, on this computer (localStorage).
 * It is the user's own name on their own laptop account, so the field is filled in next time.
 */
const STORAGE_KEY = 'derbes.unlockUser';

function readAll(): Record<string, string> {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** The name remembered for this vault folder, or ''. */
export function rememberedName(folder: string): string {
  return readAll()[folder] ?? '';
}

/** Remember `name` for this folder (an empty name forgets it). */
export function rememberName(folder: string, name: string): void {
  try {
    const all = readAll();
    const trimmed = name.trim();
    if (trimmed) all[folder] = trimmed;
    else delete all[folder];
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // Not fatal: the name is just not remembered.
  }
}

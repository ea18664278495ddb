/**
 * DESIGN-PREVIEW TOOL — NOT THE APP'S BACKEND.
 *
 * A small in-memory stand-in for the Rust side, used only when the UI runs under `vite dev` in an
 * ordinary browser (no `window.__TAURI_INTERNALS__`), so the screens can be looked at and
 * screenshotted without building the app. It is imported only behind `import.meta.env.DEV`
 * (see ../api/transport.ts), so production builds never contain it.
 *
 * Nothing here is a rule of the product: the real password assessment, lock timing, validation and
 * journal live in Rust (crates/core). The stand-ins below only produce plausible answers.
 *
 * Scenarios, chosen with the query string (e.g. http://localhost:5173/?preview=app&lang=kk#/journal):
 *   preview=welcome          no vault yet (default)
 *   preview=recent           no vault selected, two recent vaults
 *   preview=unlock           a known vault, locked
 *   preview=app              unlocked real vault with a journal
 *   preview=demo             unlocked demo vault
 *   preview=idle             unlocked; auto-locks for inactivity after ~3 s
 *   preview=broken           unlocked; the journal check finds a changed entry
 *   preview=empty            unlocked; empty journal
 *   preview=fail             app_status fails (start-up error screen)
 *   slow=1                   every command takes 1.2 s (to see loading states)
 *   people=N                 the register holds N synthetic people (default 100,000; 200 in the
 *                            demo, 0 in `empty`), generated lazily as the list asks for them
 *   (Reports: a table of made-up counts with "<5" and "x" cells, a release, two earlier
 *   transfers in the ledger; a release with k > 25 shows the core's "no release" refusal.)
 *   due=N                    about N people are due for the end of retention (default ~28 today;
 *                            e.g. due=500 to see the virtualised due list)
 */
import type {
  AppStatus,
  ApiError,
  JournalEntry,
  JournalVerification,
  PasswordAssessment,
} from '../api';
import { createLifecycle, LIFECYCLE_COMMANDS } from './preview-lifecycle';
import { createRegister, REGISTER_COMMANDS, type RegisterHost } from './preview-register';
import { createReports, REPORTS_COMMANDS } from './preview-reports';

interface PreviewVault {
  path: string;
  name: string;
  isDemo: boolean;
  password: string;
  recoveryKey: string;
  userId: string;
  userName: string;
  journal: JournalEntry[];
}

const params = new URLSearchParams(typeof location !== 'undefined' ? location.search : '');
const scenario = params.get('preview') ?? 'welcome';
const slow = params.get('slow') === '1';

const HOME = '/home/aigerim';
const vaults = new Map<string, PreviewVault>();
let current: PreviewVault | null = null;
let unlocked = false;
let autoLockMinutes = 5;
let recoveryKeyPending = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

function fail(code: string, message: string, params: Record<string, unknown> = {}): never {
  const error: ApiError = { code, message, params };
  throw error;
}

function isoMinutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

function addEntry(
  vault: PreviewVault,
  action: string,
  details: Record<string, unknown> = {},
  object: string | null = null,
  at?: string,
  anonymous = false,
) {
  vault.journal.push({
    seq: vault.journal.length + 1,
    at: at ?? new Date().toISOString(),
    userId: anonymous ? null : vault.userId,
    userName: anonymous ? null : vault.userName,
    action,
    object,
    details,
  });
}

function randomGroup(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 4; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

function makeVault(path: string, name: string, isDemo: boolean, userName: string): PreviewVault {
  return {
    path,
    name,
    isDemo,
    password: 'correct horse battery',
    recoveryKey: Array.from({ length: 8 }, randomGroup).join('-'),
    userId: 'u-' + Math.random().toString(36).slice(2, 8),
    userName,
    journal: [],
  };
}

function seedJournal(vault: PreviewVault, count: number) {
  const start = count * 37;
  addEntry(vault, 'vault.created', {}, vault.name, isoMinutesAgo(start));
  addEntry(vault, 'vault.recovery_key_confirmed', {}, null, isoMinutesAgo(start - 2));
  const cycle = ['vault.locked', 'vault.unlocked', 'settings.changed', 'vault.unlocked'];
  for (let i = 3; i <= count; i++) {
    const minutes = start - i * 37;
    if (i === 9) {
      addEntry(
        vault,
        'vault.unlock_failed',
        { count: 3, first: isoMinutesAgo(minutes + 4), last: isoMinutesAgo(minutes) },
        null,
        isoMinutesAgo(minutes),
        true,
      );
      continue;
    }
    if (i === 14) {
      addEntry(vault, 'vault.password_changed', {}, null, isoMinutesAgo(minutes));
      continue;
    }
    const action = cycle[i % cycle.length]!;
    addEntry(
      vault,
      action,
      action === 'settings.changed' ? { key: 'auto_lock_minutes' } : {},
      null,
      isoMinutesAgo(minutes),
    );
  }
}

function setup() {
  const office = makeVault(`${HOME}/Derbes/vault`, 'Қамқор қоры', false, 'Айгерім Сейітқызы');
  const field = makeVault(`${HOME}/Derbes/field-laptop`, 'Field office', false, 'Aigerim S.');
  vaults.set(office.path, office);
  vaults.set(field.path, field);
  if (scenario !== 'empty') seedJournal(office, 124);
  seedJournal(field, 12);
  switch (scenario) {
    case 'recent':
      break;
    case 'unlock':
      current = office;
      break;
    case 'app':
    case 'idle':
    case 'broken':
    case 'empty':
      current = office;
      unlocked = true;
      break;
    case 'demo':
      openDemo();
      break;
    default:
      vaults.clear();
  }
  if (scenario === 'idle') autoLockMinutes = 0.05;
  if (unlocked) scheduleIdleLock();
}

function emit(event: string, payload: unknown) {
  listeners.get(event)?.forEach((l) => l(payload));
}

function scheduleIdleLock() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(
    () => {
      if (!unlocked || !current) return;
      addEntry(current, 'vault.locked', { reason: 'idle' });
      unlocked = false;
      emit('vault-locked', { reason: 'idle' });
    },
    Math.max(autoLockMinutes * 60_000, 3_000),
  );
}

function requireUnlocked(): PreviewVault {
  if (!unlocked || !current) fail('locked', 'The vault is locked.');
  return current;
}

/** A stand-in for the Rust assessment (zxcvbn there). Only for the look of the meter. */
function assess(password: string): PasswordAssessment {
  if (password.length === 0) {
    return { score: 0, acceptable: false, problems: ['empty'], suggestions: ['use_few_words'] };
  }
  const problems: string[] = [];
  const suggestions: string[] = [];
  const classes = [/[a-zа-яәғқңөұүһі]/, /[A-ZА-ЯӘҒҚҢӨҰҮҺІ]/, /\d/, /[^\p{L}\d]/u].filter((r) =>
    r.test(password),
  ).length;
  const words = password.trim().split(/\s+/).length;
  let score = Math.min(4, Math.floor(password.length / 5) + (classes > 2 ? 1 : 0) + (words > 2 ? 1 : 0) - 1);
  if (/^(.)\1+$/.test(password)) {
    problems.push('simple_repeat');
    suggestions.push('avoid_repeated');
    score = 0;
  }
  if (/(123|234|345|abc|qwe|йцу)/i.test(password)) {
    problems.push('sequence');
    suggestions.push('avoid_sequences');
    score = Math.min(score, 1);
  }
  if (/(19|20)\d\d/.test(password)) {
    problems.push('recent_years');
    suggestions.push('avoid_recent_years');
    score = Math.min(score, 2);
  }
  if (/^password|^qwerty|^пароль/i.test(password)) {
    problems.push('top10');
    score = 0;
  }
  score = Math.max(0, score);
  if (password.length < 10) problems.unshift('too_short');
  if (score < 3) {
    problems.push('weak');
    if (words < 3) suggestions.push('add_another_word');
  }
  const acceptable = password.length >= 10 && score >= 3;
  return {
    score: score as PasswordAssessment['score'],
    acceptable,
    problems,
    suggestions,
    minLength: 10,
  };
}

function openDemo() {
  const demo = makeVault('/tmp/derbes-demo-4f2a', 'Демо: «Үміт» қоғамдық қоры', true, 'Демо пайдаланушы');
  addEntry(demo, 'demo.created', { rows: 200 }, demo.name);
  addEntry(demo, 'vault.unlocked');
  vaults.set(demo.path, demo);
  current = demo;
  unlocked = true;
}

function status(): AppStatus {
  return {
    state: !current ? 'no_vault' : unlocked ? 'unlocked' : 'locked',
    vault: current ? { path: current.path, name: current.name, isDemo: current.isDemo } : null,
    user: current && unlocked ? { id: current.userId, name: current.userName } : null,
    recentVaults: [...vaults.values()]
      .filter((v) => !v.isDemo)
      .map((v) => ({ path: v.path, name: v.name })),
    autoLockMinutes: Math.max(1, Math.round(autoLockMinutes)),
    recoveryKeyPending,
  };
}

function checkNewPassword(password: string, confirm: string) {
  if (password.length === 0) fail('password_empty', 'The password is empty.');
  if (password !== confirm) fail('password_mismatch', 'The passwords do not match.');
  if (!assess(password).acceptable) fail('password_weak', 'The password is too weak.');
}

const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
  app_status: () => {
    if (scenario === 'fail') fail('io', 'Permission denied (os error 13)', { detail: 'Permission denied (os error 13)' });
    return status();
  },
  default_vault_folder: () => `${HOME}/Derbes/vault`,
  choose_folder: () => `${HOME}/Documents/NGO vault`,
  // A stand-in for the core's check, enough to show the warning in the preview.
  cloud_folder: (a) => (/onedrive/i.test(String(a.folder ?? '')) ? 'OneDrive' : null),
  assess_password: (a) => assess(String(a.password ?? '')),
  create_vault: (a) => {
    const folder = String(a.folder ?? '').trim();
    if (!folder) fail('invalid_input', 'folder is empty', { field: 'folder' });
    if (vaults.has(folder)) fail('vault_exists', 'A vault already exists in this folder.');
    checkNewPassword(String(a.password ?? ''), String(a.passwordConfirm ?? ''));
    const name = folder.split('/').filter(Boolean).pop() ?? 'vault';
    const v = makeVault(folder, name, false, String(a.userName ?? ''));
    v.password = String(a.password);
    addEntry(v, 'vault.created', {}, v.name);
    vaults.set(folder, v);
    current = v;
    unlocked = true;
    recoveryKeyPending = true;
    scheduleIdleLock();
    return { recoveryKey: v.recoveryKey, confirmGroupIndex: 7 };
  },
  confirm_recovery_key: (a) => {
    const v = requireUnlocked();
    const expected = v.recoveryKey.split('-')[7];
    if (String(a.group ?? '').trim().toUpperCase() !== expected) {
      fail('recovery_group_mismatch', 'That group does not match the key.');
    }
    recoveryKeyPending = false;
    addEntry(v, 'vault.recovery_key_confirmed');
  },
  unlock_vault: (a) => {
    const v = vaults.get(String(a.folder ?? ''));
    if (!v) fail('not_a_vault', 'This folder does not contain a vault.');
    current = v;
    if (a.password !== v.password) {
      addEntry(v, 'vault.unlock_failed', { count: 1 }, null, undefined, true);
      fail('wrong_password', 'Wrong password.');
    }
    unlocked = true;
    addEntry(v, 'vault.unlocked');
    scheduleIdleLock();
  },
  recover_vault: (a) => {
    const v = vaults.get(String(a.folder ?? ''));
    if (!v) fail('not_a_vault', 'This folder does not contain a vault.');
    const key = String(a.recoveryKey ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/.test(key)) {
      fail('recovery_key_invalid', 'The recovery key is not in the right format.');
    }
    if (key !== v.recoveryKey) fail('recovery_key_wrong', 'This recovery key does not open this vault.');
    checkNewPassword(String(a.newPassword ?? ''), String(a.newPasswordConfirm ?? ''));
    v.password = String(a.newPassword);
    current = v;
    unlocked = true;
    addEntry(v, 'vault.recovery_key_used');
    scheduleIdleLock();
  },
  open_demo: () => {
    openDemo();
    scheduleIdleLock();
  },
  lock_vault: () => {
    const v = requireUnlocked();
    addEntry(v, 'vault.locked', { reason: 'manual' });
    unlocked = false;
    clearTimeout(idleTimer);
    setTimeout(() => emit('vault-locked', { reason: 'manual' }), 0);
  },
  touch: () => {
    requireUnlocked();
    scheduleIdleLock();
  },
  set_auto_lock_minutes: (a) => {
    const v = requireUnlocked();
    const m = Number(a.minutes);
    if (!Number.isInteger(m) || m < 1 || m > 60) fail('invalid_input', 'minutes', { field: 'minutes' });
    autoLockMinutes = m;
    addEntry(v, 'settings.changed', { key: 'auto_lock_minutes' });
    scheduleIdleLock();
  },
  change_password: (a) => {
    const v = requireUnlocked();
    if (a.current !== v.password) fail('wrong_password', 'Wrong password.');
    checkNewPassword(String(a.newPassword ?? ''), String(a.newPasswordConfirm ?? ''));
    v.password = String(a.newPassword);
    addEntry(v, 'vault.password_changed');
  },
  journal_list: (a) => {
    const v = requireUnlocked();
    const limit = Number(a.limit);
    const offset = Number(a.offset);
    const newestFirst = [...v.journal].reverse();
    return { total: v.journal.length, entries: newestFirst.slice(offset, offset + limit) };
  },
  journal_verify: (): JournalVerification => {
    const v = requireUnlocked();
    if (scenario === 'broken') {
      return {
        ok: false,
        entries: v.journal.length,
        problem: { seq: 57, kind: 'changed', message: 'Journal entry 57 was changed after it was written.', params: { field: 'journal', reason: 'journal_entry_changed', seq: 57 } },
      };
    }
    return { ok: true, entries: v.journal.length, problem: null };
  },
};

setup();

const peopleParam = params.get('people');
const dueParam = params.get('due');
let register: ReturnType<typeof createRegister> | null = null;
let lifecycle: ReturnType<typeof createLifecycle> | null = null;
let reports: ReturnType<typeof createReports> | null = null;

/** The register of the open vault, made on first use (people are generated as they are asked for). */
function registerHandlers() {
  const v = requireUnlocked();
  if (!register) {
    const count = peopleParam !== null ? Math.max(0, Number(peopleParam) || 0) : scenario === 'empty' ? 0 : v.isDemo ? 200 : 100_000;
    const host: RegisterHost = {
      fail,
      journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object),
      journalFor: (object) => requireUnlocked().journal.filter((e) => e.object === object).reverse(),
      emit,
      userId: () => requireUnlocked().userId,
    };
    register = createRegister(host, count);
    lifecycle = createLifecycle(
      {
        fail,
        journal: host.journal,
        userId: () => requireUnlocked().userId,
        userName: () => requireUnlocked().userName,
      },
      register.access,
      dueParam !== null ? { dueCount: Math.max(0, Number(dueParam) || 0) } : {},
    );
    host.lifecycleOf = lifecycle.lifecycleOf;
    host.ensureChangeable = lifecycle.ensureChangeable;
    host.ensurePublishable = lifecycle.ensurePublishable;
  }
  return register.handlers;
}

function lifecycleHandlers() {
  registerHandlers();
  return lifecycle!.handlers;
}

/** Reports, releases and the transfer ledger of the open vault (two earlier transfers, unless empty). */
function reportsHandlers() {
  registerHandlers();
  if (!reports) {
    reports = createReports(
      {
        fail,
        journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object),
        userName: () => requireUnlocked().userName,
        organisationName: () => register!.access.organisation().name,
      },
      { seedTransfers: scenario !== 'empty' },
    );
  }
  return reports.handlers;
}

export async function previewInvoke(command: string, args: Record<string, unknown>): Promise<unknown> {
  const handler = handlers[command];
  const delay = slow ? 1200 : command === 'unlock_vault' || command === 'recover_vault' || command === 'create_vault' ? 500 : 40;
  await new Promise((r) => setTimeout(r, delay));
  if (REGISTER_COMMANDS.has(command)) return registerHandlers()[command]!(args);
  if (LIFECYCLE_COMMANDS.has(command)) return lifecycleHandlers()[command]!(args);
  if (REPORTS_COMMANDS.has(command)) return reportsHandlers()[command]!(args);
  if (!handler) fail('internal', `preview backend: unknown command ${command}`);
  return handler(args);
}

export function previewListen(event: string, handler: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

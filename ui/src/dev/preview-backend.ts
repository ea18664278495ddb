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
 *   preview=app              unlocked real vault with a journal (as the responsible person; the
 *                            vault has a second user, staff member Дана Омарова)
 *   preview=staff            the same vault, unlocked as the staff member (what staff may not do
 *                            is hidden; their password: "жаңбыр жауып тұр кеше де")
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
 *   (Keys: a key file "chosen" is ~/USB/derbes.derbes-key; the shares of a split recovery key
 *   are kept in memory until the vault locks, and any `threshold` of them recover the vault.)
 *   (Backups: the vault in `app` has four, one in each state, and the last is 12 days old; see
 *   ./preview-backup.ts for the paths that show the cloud warning, a file already there, and a
 *   restore with no destruction log or with later destructions replayed.)
 *   (Documents: in `app` the policy is up to date, the inventory and the retention schedule are
 *   out of date, the order was never made; two people of the register see the data. A preview is
 *   drawn by ./preview-papers.ts, not typeset.)
 *   (Requests and breaches: in `app` one request is overdue, one due within a working day, one
 *   just taken, two closed; Derbes has proposed a breach (12 wrong passwords), another awaits its
 *   notice, a third is closed; the calendar holds 2025–2027. See ./preview-obligations.ts.)
 *   (Transfers: in `app` four recipients (one abroad), two identifying transfers in the ledger and
 *   three notices owed (one overdue); every sixth person has no consent naming a recipient. See
 *   ./preview-transfers.ts.)
 */
import type {
  AppStatus,
  ApiError,
  BackupStatus,
  Consent,
  LifecycleOverview,
  JournalEntry,
  JournalVerification,
  PasswordAssessment,
  Permission,
  Role,
  UserSummary,
} from '../api';
import { BACKUP_COMMANDS, createBackups, previewRestored } from './preview-backup';
import { createLifecycle, LIFECYCLE_COMMANDS } from './preview-lifecycle';
import { createObligations, OBLIGATIONS_COMMANDS } from './preview-obligations';
import { createPapers, PAPERS_COMMANDS } from './preview-papers';
import { createRegister, REGISTER_COMMANDS, type RegisterHost } from './preview-register';
import { createReports, REPORTS_COMMANDS } from './preview-reports';
import { createTransfers, TRANSFERS_COMMANDS } from './preview-transfers';

interface PreviewUser {
  id: string;
  name: string;
  role: Role;
  mayReveal: boolean;
  password: string;
  /** The path of the key file this user's password needs, if any. */
  keyFile?: string | null;
  createdAt: string;
  removed: boolean;
}

interface PreviewVault {
  path: string;
  name: string;
  isDemo: boolean;
  recoveryKey: string;
  /** Who has it open (or last had). */
  userId: string;
  userName: string;
  users: PreviewUser[];
  journal: JournalEntry[];
  /** When the recovery key was split: the shares' texts and how many open the vault. */
  split?: { texts: string[]; threshold: number } | null;
}

const ALL_PERMISSIONS: Permission[] = ['manage_users', 'change_settings', 'end_life', 'decide_keeping', 'export_rows', 'reveal_sensitive', 'back_up'];

/** As the core's Permission::granted: the responsible person everything, staff only what was allowed. */
function permissionsOf(user: PreviewUser): Permission[] {
  if (user.role === 'responsible') return [...ALL_PERMISSIONS];
  return user.mayReveal ? ['reveal_sensitive'] : [];
}

/**
 * The commands a role may be refused (the core's Vault::require), for the preview's refusals.
 * Listing the users is not among them: every user may see who uses the vault.
 */
const REQUIRED: Record<string, Permission> = {
  user_add: 'manage_users',
  user_remove: 'manage_users',
  user_set_password: 'manage_users',
  user_set_role: 'manage_users',
  user_set_may_reveal: 'manage_users',
  set_auto_lock_minutes: 'change_settings',
  org_set: 'change_settings',
  inventory_approve: 'change_settings',
  retention_rules_set: 'change_settings',
  lifecycle_end: 'end_life',
  lifecycle_end_due: 'end_life',
  subject_hold: 'decide_keeping',
  subject_release_hold: 'decide_keeping',
  subject_unblock: 'decide_keeping',
  release_build: 'export_rows',
  release_export: 'export_rows',
  subject_reveal: 'reveal_sensitive',
  backup_make: 'back_up',
  backup_forget: 'back_up',
  backup_settings_set: 'change_settings',
  recovery_key_new: 'manage_users',
  recovery_key_split: 'manage_users',
  clipboard_copy_revealed: 'reveal_sensitive',
  paper_save: 'change_settings',
  person_sees_data: 'change_settings',
  // The pack needs change_settings too; every role that may export rows may change settings.
  pack_save: 'export_rows',
  calendar_set_year: 'change_settings',
  calendar_reset_year: 'change_settings',
  clock_settings_set: 'change_settings',
  // The access answer carries every item of the person's data.
  request_answer_preview: 'reveal_sensitive',
  request_answer_save: 'reveal_sensitive',
  recipient_add: 'export_rows',
  transfer_identifying_save: 'export_rows',
};

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

function newUserId(): string {
  return 'u-' + Math.random().toString(36).slice(2, 8);
}

function makeVault(path: string, name: string, isDemo: boolean, userName: string): PreviewVault {
  const first: PreviewUser = {
    id: newUserId(),
    name: userName,
    role: 'responsible',
    mayReveal: true,
    password: 'correct horse battery',
    createdAt: isoMinutesAgo(60 * 24 * 90),
    removed: false,
  };
  return {
    path,
    name,
    isDemo,
    recoveryKey: Array.from({ length: 8 }, randomGroup).join('-'),
    userId: first.id,
    userName: first.name,
    users: [first],
    journal: [],
  };
}

/** The user who has the vault open. */
function me(vault: PreviewVault): PreviewUser {
  return vault.users.find((u) => u.id === vault.userId) ?? vault.users[0]!;
}

function actAs(vault: PreviewVault, user: PreviewUser) {
  vault.userId = user.id;
  vault.userName = user.name;
}

/** Names as the core compares them: trimmed, case folded. */
const folded = (name: string) => name.trim().toLowerCase();

function liveUsers(vault: PreviewVault): PreviewUser[] {
  return vault.users
    .filter((u) => !u.removed)
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'responsible' ? -1 : 1));
}

function summary(vault: PreviewVault, u: PreviewUser): UserSummary {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    mayReveal: u.role === 'responsible' || u.mayReveal,
    createdAt: u.createdAt,
    hasPassword: u.password !== '',
    isYou: u.id === vault.userId,
  };
}

function findUser(vault: PreviewVault, id: unknown): PreviewUser {
  const u = liveUsers(vault).find((x) => x.id === id);
  if (!u) fail('user_not_found', 'This vault has no user with that name.');
  return u;
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
  const dana: PreviewUser = {
    id: newUserId(),
    name: 'Дана Омарова',
    role: 'staff',
    mayReveal: false,
    password: 'жаңбыр жауып тұр кеше де',
    createdAt: isoMinutesAgo(60 * 24 * 30),
    removed: false,
  };
  office.users.push(dana);
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
    case 'staff':
      current = office;
      actAs(office, dana);
      unlocked = true;
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
    user: current && unlocked ? { id: current.userId, name: current.userName, role: me(current).role, permissions: permissionsOf(me(current)) } : null,
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
    me(v).password = String(a.password);
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
    // With a name, only that user's slot is tried; a wrong name is a wrong password, as in the core.
    const name = typeof a.userName === 'string' ? a.userName.trim() : '';
    const candidates = liveUsers(v).filter((u) => !name || folded(u.name) === folded(name));
    const user = candidates.find((u) => u.password !== '' && u.password === a.password);
    if (!user) {
      addEntry(v, 'vault.unlock_failed', { count: 1 }, null, undefined, true);
      fail('wrong_password', 'Wrong password.');
    }
    if (user.keyFile) fail('key_file_needed', 'This password also needs its key file.');
    actAs(v, user);
    unlocked = true;
    addEntry(v, 'vault.unlocked');
    scheduleIdleLock();
  },
  unlock_vault_with_key_file: (a) => {
    const v = vaults.get(String(a.folder ?? ''));
    if (!v) fail('not_a_vault', 'This folder does not contain a vault.');
    current = v;
    const name = typeof a.userName === 'string' ? a.userName.trim() : '';
    const keyFile = String(a.keyFile ?? '').trim();
    if (!keyFile.endsWith('.derbes-key')) fail('invalid_input', 'There is no key file at that path.', { field: 'key_file', reason: 'key_file_not_found' });
    const user = liveUsers(v).find((u) => (!name || folded(u.name) === folded(name)) && u.password !== '' && u.password === a.password && (!u.keyFile || u.keyFile === keyFile));
    if (!user) {
      addEntry(v, 'vault.unlock_failed', { count: 1 }, null, undefined, true);
      fail('wrong_password', 'Wrong password.');
    }
    actAs(v, user);
    unlocked = true;
    addEntry(v, 'vault.unlocked');
    scheduleIdleLock();
  },
  choose_key_file: () => `${HOME}/USB/derbes.derbes-key`,
  choose_key_file_target: () => `${HOME}/USB/derbes.derbes-key`,
  key_file_status: () => Boolean(me(requireUnlocked()).keyFile),
  key_file_set: (a) => {
    const v = requireUnlocked();
    const user = me(v);
    if (a.password !== user.password) fail('wrong_password', 'Wrong password.');
    if (user.keyFile && a.current !== user.keyFile) fail('key_file_needed', 'This password also needs its key file.');
    const out = String(a.out ?? '').trim();
    if (!out) fail('invalid_input', 'Enter where to save the key file.', { field: 'key_file' });
    user.keyFile = out;
    addEntry(v, 'vault.key_file_set');
  },
  key_file_remove: (a) => {
    const v = requireUnlocked();
    const user = me(v);
    if (a.password !== user.password) fail('wrong_password', 'Wrong password.');
    if (a.current !== user.keyFile) fail('invalid_input', 'This file is not a Derbes key file.', { field: 'key_file', reason: 'key_file_invalid' });
    user.keyFile = null;
    addEntry(v, 'vault.key_file_removed');
  },
  recovery_key_new: () => {
    const v = requireUnlocked();
    v.recoveryKey = Array.from({ length: 8 }, randomGroup).join('-');
    v.split = null;
    addEntry(v, 'vault.recovery_key_replaced', { shares: false });
    return v.recoveryKey;
  },
  recovery_key_split: (a) => {
    const v = requireUnlocked();
    const holders = ((a.holders as string[]) ?? []).map((h) => h.trim());
    const threshold = Number(a.threshold);
    if (holders.length < 2 || holders.length > 10) fail('invalid_input', 'Split the recovery key among 2 to 10 people.', { field: 'shares', reason: 'shares_count', min: 2, max: 10 });
    if (!(threshold >= 2 && threshold <= holders.length)) fail('invalid_input', 'Between 2 and N people.', { field: 'shares', reason: 'shares_threshold', count: holders.length });
    const empty = holders.findIndex((h) => !h);
    if (empty >= 0) fail('invalid_input', 'Enter the name of the person who keeps the share.', { field: 'shares', reason: 'share_holder_name', number: empty + 1 });
    const texts = holders.map(() => Array.from({ length: 10 }, randomGroup).join('-'));
    v.split = { texts, threshold };
    v.recoveryKey = Array.from({ length: 8 }, randomGroup).join('-');
    addEntry(v, 'vault.recovery_key_replaced', { shares: true, threshold, count: holders.length });
    return holders.map((holder, i) => ({ holder, index: i + 1, threshold, count: holders.length, text: texts[i]! }));
  },
  recovery_shares_save: (a) => {
    const v = requireUnlocked();
    if (!v.split) fail('invalid_input', 'The shares are shown only once.', { field: 'shares', reason: 'shares_not_pending' });
    return String(a.path ?? '');
  },
  recover_with_shares: (a) => {
    const v = vaults.get(String(a.folder ?? ''));
    if (!v) fail('not_a_vault', 'This folder does not contain a vault.');
    const given = ((a.shares as string[]) ?? []).map((s) => s.trim().toUpperCase());
    const split = v.split;
    given.forEach((g, i) => {
      if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4}){9}$/.test(g) || (split && !split.texts.includes(g))) {
        fail('invalid_input', `Share ${i + 1} has a typo.`, { field: 'shares', reason: 'share_invalid', number: i + 1 });
      }
    });
    if (new Set(given).size < given.length) fail('invalid_input', 'The same share was entered twice.', { field: 'shares', reason: 'share_duplicate' });
    const needed = split?.threshold ?? 2;
    if (given.length < needed) fail('invalid_input', 'Too few shares.', { field: 'shares', reason: 'shares_too_few', needed, given: given.length });
    checkNewPassword(String(a.newPassword ?? ''), String(a.newPasswordConfirm ?? ''));
    const responsible = liveUsers(v).find((u) => u.role === 'responsible') ?? v.users[0]!;
    responsible.password = String(a.newPassword);
    responsible.keyFile = null;
    actAs(v, responsible);
    current = v;
    unlocked = true;
    addEntry(v, 'vault.recovery_key_used', { shares: given.length });
    scheduleIdleLock();
  },
  clipboard_copy_revealed: (a) => {
    const person = registerHandlers().subject_reveal!({ id: a.id, fields: [a.field] }) as { values: Record<string, { value: string } | undefined> };
    const value = person.values[String(a.field)]?.value ?? '';
    void navigator.clipboard?.writeText(value).catch(() => {});
    return null;
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
    // The recovery key acts as the responsible person.
    const responsible = liveUsers(v).find((u) => u.role === 'responsible') ?? v.users[0]!;
    responsible.password = String(a.newPassword);
    actAs(v, responsible);
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
    if (a.current !== me(v).password) fail('wrong_password', 'Wrong password.');
    if (me(v).keyFile && a.keyFile !== me(v).keyFile) fail('key_file_needed', 'This password also needs its key file.');
    checkNewPassword(String(a.newPassword ?? ''), String(a.newPasswordConfirm ?? ''));
    me(v).password = String(a.newPassword);
    addEntry(v, 'vault.password_changed');
  },
  users_list: () => {
    const v = requireUnlocked();
    return liveUsers(v).map((u) => summary(v, u));
  },
  user_add: (a) => {
    const v = requireUnlocked();
    const name = String(a.name ?? '').trim();
    if (!name) fail('invalid_input', 'Enter your name: the journal records who does what.', { field: 'user_name', reason: 'user_name_empty' });
    if (name.length > 200) fail('invalid_input', 'The name is too long.', { field: 'user_name', reason: 'user_name_too_long', max: 200 });
    if (liveUsers(v).some((u) => folded(u.name) === folded(name))) fail('user_exists', 'This vault already has a user with that name; choose another.');
    const role: Role = a.roleCode === 'responsible' ? 'responsible' : a.roleCode === 'staff' ? 'staff' : fail('invalid_input', 'Choose a role.', { field: 'role', reason: 'role_unknown' });
    checkNewPassword(String(a.password ?? ''), String(a.passwordConfirm ?? ''));
    const user: PreviewUser = {
      id: newUserId(),
      name,
      role,
      mayReveal: role === 'staff' && a.mayReveal === true,
      password: String(a.password),
      createdAt: new Date().toISOString(),
      removed: false,
    };
    v.users.push(user);
    addEntry(v, 'user.added', { role }, user.id);
    return summary(v, user);
  },
  user_remove: (a) => {
    const v = requireUnlocked();
    const user = findUser(v, a.id);
    if (user.id === v.userId) fail('remove_self', 'You cannot remove yourself; another responsible person must do it.');
    if (user.role === 'responsible' && liveUsers(v).filter((u) => u.role === 'responsible').length < 2) {
      fail('last_responsible', "This is the vault's only responsible person; make someone else responsible first.");
    }
    user.removed = true;
    addEntry(v, 'user.removed', {}, user.id);
    if (a.rekey) addEntry(v, 'vault.rekeyed', { slots: liveUsers(v).length + 1 });
    return { rekeyed: Boolean(a.rekey) };
  },
  user_set_password: (a) => {
    const v = requireUnlocked();
    const user = findUser(v, a.id);
    checkNewPassword(String(a.password ?? ''), String(a.passwordConfirm ?? ''));
    user.password = String(a.password);
    addEntry(v, 'vault.password_changed', {}, user.id);
  },
  user_set_role: (a) => {
    const v = requireUnlocked();
    const user = findUser(v, a.id);
    const role: Role = a.roleCode === 'responsible' ? 'responsible' : a.roleCode === 'staff' ? 'staff' : fail('invalid_input', 'Choose a role.', { field: 'role', reason: 'role_unknown' });
    if (user.role === role) return;
    if (user.role === 'responsible' && liveUsers(v).filter((u) => u.role === 'responsible').length < 2) {
      fail('last_responsible', "This is the vault's only responsible person; make someone else responsible first.");
    }
    user.role = role;
    addEntry(v, 'user.changed', { role }, user.id);
  },
  user_set_may_reveal: (a) => {
    const v = requireUnlocked();
    const user = findUser(v, a.id);
    user.mayReveal = a.mayReveal === true;
    addEntry(v, 'user.changed', { may_reveal: user.mayReveal }, user.id);
  },
  backup_restore: (a) => {
    const file = String(a.file ?? '').trim();
    const to = String(a.to ?? '').trim().replace(/\/+$/, '');
    if (!file.endsWith('.derbes-backup')) fail('invalid_input', 'There is no backup file at that path.', { field: 'backup', reason: 'backup_not_found' });
    if (!to) fail('invalid_input', 'folder is empty', { field: 'folder' });
    if (vaults.has(to)) fail('vault_exists', 'A vault already exists in this folder; Derbes never overwrites a vault.');
    // The backup is of the office vault (the first one known).
    const source = [...vaults.values()].find((v) => !v.isDemo) ?? makeVault(`${HOME}/Derbes/vault`, 'Қамқор қоры', false, 'Айгерім Сейітқызы');
    if (current && unlocked) {
      addEntry(current, 'vault.locked', { reason: 'manual' });
      unlocked = false;
    }
    let user: PreviewUser | undefined;
    if (typeof a.recoveryKey === 'string') {
      const key = a.recoveryKey.trim().toUpperCase();
      if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}$/.test(key)) fail('recovery_key_invalid', 'The recovery key is not in the right format.');
      if (key !== source.recoveryKey) fail('recovery_key_wrong', 'This recovery key does not open this vault.');
      user = liveUsers(source).find((u) => u.role === 'responsible');
    } else {
      const name = typeof a.userName === 'string' ? a.userName.trim() : '';
      user = liveUsers(source).find((u) => (!name || folded(u.name) === folded(name)) && u.password !== '' && u.password === a.password);
      if (!user) fail('wrong_password', 'Wrong password.');
    }
    const name = to.split('/').filter(Boolean).pop() ?? 'vault';
    const restored = makeVault(to, name, false, user!.name);
    restored.users = source.users.map((u) => ({ ...u }));
    restored.recoveryKey = source.recoveryKey;
    actAs(restored, restored.users.find((u) => u.id === user!.id)!);
    restored.journal = source.journal.map((e) => ({ ...e }));
    const outcome = previewRestored(file, to, peopleOf(restored));
    addEntry(restored, 'vault.restored', { madeAt: outcome.header.madeAt, logs: outcome.logs, ...outcome.replayed }, source.name);
    if (outcome.replayed.acts > 0) addEntry(restored, 'lifecycle.destructions_replayed', outcome.replayed);
    vaults.set(to, restored);
    current = restored;
    unlocked = true;
    register = null;
    lifecycle = null;
    reports = null;
    papers = null;
    obligations = null;
    transfers = null;
    scheduleIdleLock();
    return outcome;
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
let papers: ReturnType<typeof createPapers> | null = null;
let obligations: ReturnType<typeof createObligations> | null = null;
let transfers: ReturnType<typeof createTransfers> | null = null;

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
    host.checkBasis = lifecycle.checkBasis;
    host.applyBasis = lifecycle.applyBasis;
    host.basisCovers = lifecycle.basisCovers;
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

/** How many people the preview's register of `vault` holds. */
function peopleOf(vault: PreviewVault): number {
  if (peopleParam !== null) return Math.max(0, Number(peopleParam) || 0);
  return scenario === 'empty' ? 0 : vault.isDemo ? 200 : 100_000;
}

/** The papers of the open vault (a history with every state, unless empty). */
function papersHandlers() {
  registerHandlers();
  if (!papers) {
    papers = createPapers(
      {
        fail,
        journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object ?? null),
        users: () => liveUsers(requireUnlocked()).map((u) => ({ id: u.id, name: u.name, role: u.role })),
        register: () => register!.access,
        acts: () => (lifecycleHandlers().acts_list!({}) as { number: number }[]).map((a) => a.number),
        journalOk: () => scenario !== 'broken',
      },
      { seed: scenario !== 'empty' && !requireUnlocked().isDemo },
    );
  }
  return papers.handlers;
}

/** Requests, breaches, the calendar and the dashboard's clocks of the open vault (every state, unless empty). */
function obligationsHandlers() {
  registerHandlers();
  if (!obligations) {
    obligations = createObligations(
      {
        fail,
        journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object ?? null),
        journalFor: (object) => requireUnlocked().journal.filter((e) => e.object === object).reverse(),
        journalHead: () => requireUnlocked().journal.length,
        userName: () => requireUnlocked().userName,
        register: () => register!.access,
        overview: () => lifecycleHandlers().lifecycle_overview!({}) as LifecycleOverview,
        backup: () => backupHandlers().backup_status!({}) as BackupStatus,
        transferNotices: () => transfersOf().notices(),
      },
      { seed: scenario !== 'empty' && !requireUnlocked().isDemo },
    );
  }
  return obligations.handlers;
}

/** Recipients, identifying transfers (in the reports' ledger) and their notices (unless empty). */
function transfersOf() {
  const r = (reportsHandlers(), reports!);
  const o = (obligationsHandlers(), obligations!);
  if (!transfers) {
    transfers = createTransfers(
      {
        fail,
        journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object ?? null),
        register: () => register!.access,
        consents: (n) => {
          const p = register!.access.get(n);
          return p ? (lifecycleHandlers().consent_list!({ id: p.id }) as Consent[]) : [];
        },
        lifecycle: (n) => lifecycle!.lifecycleOf(n),
        ledgerAdd: r.ledgerAdd,
        ledger: r.ledger,
        fileTaken: r.taken,
        organisationName: () => register!.access.organisation().name,
        count: o.count,
        workingDaysAgo: o.workingDaysAgo,
      },
      { seed: scenario !== 'empty' && !requireUnlocked().isDemo },
    );
  }
  return transfers;
}

const backups = new Map<string, ReturnType<typeof createBackups>>();

/** The backups of the open vault; the office vault in `app` and `staff` has a history. */
function backupHandlers() {
  const v = requireUnlocked();
  let b = backups.get(v.path);
  if (!b) {
    b = createBackups(
      {
        fail,
        journal: (action, details, object) => addEntry(requireUnlocked(), action, details, object ?? null),
        userName: () => requireUnlocked().userName,
        vaultName: () => requireUnlocked().name,
        isDemo: () => requireUnlocked().isDemo,
        people: () => peopleOf(requireUnlocked()),
        home: HOME,
      },
      { seed: v.path === `${HOME}/Derbes/vault` && scenario !== 'empty' },
    );
    backups.set(v.path, b);
  }
  return b.handlers;
}

export async function previewInvoke(command: string, args: Record<string, unknown>): Promise<unknown> {
  const handler = handlers[command];
  const delay = slow ? 1200 : ['unlock_vault', 'recover_vault', 'create_vault', 'backup_make', 'backup_restore', 'paper_preview', 'paper_save', 'pack_save', 'request_answer_preview', 'breach_notice_preview', 'request_answer_save', 'breach_notice_save'].includes(command) ? 700 : 40;
  await new Promise((r) => setTimeout(r, delay));
  const needed = REQUIRED[command];
  if (needed && unlocked && current && !permissionsOf(me(current)).includes(needed)) {
    fail('not_permitted', `Only the responsible person may do this (${needed}).`, { permission: needed, role: 'responsible' });
  }
  if (REGISTER_COMMANDS.has(command)) return registerHandlers()[command]!(args);
  if (LIFECYCLE_COMMANDS.has(command)) return lifecycleHandlers()[command]!(args);
  // The ledger holds the identifying transfers too: they are made (and seeded) first.
  if (REPORTS_COMMANDS.has(command)) return (transfersOf(), reportsHandlers()[command]!(args));
  if (TRANSFERS_COMMANDS.has(command)) return transfersOf().handlers[command]!(args);
  if (BACKUP_COMMANDS.has(command)) return backupHandlers()[command]!(args);
  if (PAPERS_COMMANDS.has(command)) return papersHandlers()[command]!(args);
  if (OBLIGATIONS_COMMANDS.has(command)) return obligationsHandlers()[command]!(args);
  if (!handler) fail('internal', `preview backend: unknown command ${command}`);
  return handler(args);
}

export function previewListen(event: string, handler: (payload: unknown) => void): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

// Several people, one vault: the responsible person unlocks with her name, sees both users and
// adds a third through the dialog; then a staff member unlocks with her own name and password and
// is not offered what her role cannot do (no Destroy or Anonymise on a person's page, no adding
// users). Screenshots: artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli } from '../harness.mjs';

const PASSWORD = 'correct horse battery staple';
const STAFF_PASSWORD = 'жаңбыр жауып тұр кеше де бүгін де';
const THIRD_PASSWORD = 'тауда қар жауды кеше түнде';
const RESPONSIBLE = 'Айгүл Серікова';
const STAFF = 'Дана';
const THIRD = 'Ерлан Жұмабаев';
let browser, stop, vault;

/** The CLI on the prepared vault; `stdin` is the unlocking password, then any new one. */
const run = (args, stdin = `${PASSWORD}\n`) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: stdin });

before(async () => {
  ({ browser, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', RESPONSIBLE]);
      // Her password to unlock, then the new user's.
      run(['user', 'add', STAFF, '--role', 'staff'], `${PASSWORD}\n${STAFF_PASSWORD}\n`);
      // A consent names the operator (Art. 8(4)(1)); nobody enters without a basis (Art. 7(1)).
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Ахметова', 'name=Гүлнар', '--basis', 'consent', '--purpose', 'legal_aid']);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  await (await byId(browser, 'lang-en')).click();
});

after(async () => {
  await stop?.();
});

async function type(id, text) {
  const el = await byId(browser, id);
  await el.clearValue();
  await el.setValue(text);
}

const open = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);
const exists = async (id) => (await browser.$(`[data-testid="${id}"]`)).isExisting();
async function rowNames() {
  const names = [];
  for (const row of await browser.$$('[data-testid="users-row"]')) names.push(await row.getAttribute('data-name'));
  return names;
}

async function unlockAs(name, password) {
  await byId(browser, 'unlock-screen', 20_000);
  await type('unlock-user', name);
  await type('unlock-password', password);
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 20_000);
}

test('the responsible person unlocks with her name and sees both users', async () => {
  await unlockAs(RESPONSIBLE, PASSWORD);
  await (await byId(browser, 'nav-users')).click();
  await byId(browser, 'users-screen', 20_000);
  await browser.waitUntil(async () => (await rowNames()).length === 2, { timeout: 15_000, timeoutMsg: 'the users list does not show two users' });
  assert.deepEqual((await rowNames()).sort(), [RESPONSIBLE, STAFF].sort());
  await byId(browser, 'users-add');
  assert.equal(await exists('users-readonly'), false, 'the responsible person manages users');
});

test('she adds a third user, a staff member, through the dialog', async () => {
  await (await byId(browser, 'users-add')).click();
  await byId(browser, 'user-add-dialog');
  await type('user-add-name', THIRD);
  await (await byId(browser, 'user-add-role')).selectByAttribute('value', 'staff');
  await type('user-add-password', THIRD_PASSWORD);
  await type('user-add-password-confirm', THIRD_PASSWORD);
  await byId(browser, 'strength-meter');
  await browser.waitUntil(async () => (await byId(browser, 'user-add-submit')).isEnabled(), { timeout: 10_000, timeoutMsg: 'Add never enabled for a strong password' });
  await shot(browser, '70-users-add-dialog');
  await (await byId(browser, 'user-add-submit')).click();
  await browser.waitUntil(async () => !(await exists('user-add-dialog')), { timeout: 30_000, timeoutMsg: 'the add dialog stayed open' });
  await browser.waitUntil(async () => (await rowNames()).length === 3, { timeout: 15_000, timeoutMsg: 'the new user is not listed' });
  assert.ok((await rowNames()).includes(THIRD));
  const row = await browser.$(`[data-testid="users-row"][data-name="${THIRD}"]`);
  assert.equal(await row.getAttribute('data-role'), 'staff');
  await shot(browser, '71-users-responsible');
});

test('lock, then the staff member unlocks with her own name and password', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  // The name typed last time on this computer is filled in.
  assert.equal(await (await byId(browser, 'unlock-user')).getValue(), RESPONSIBLE);
  await unlockAs(STAFF, STAFF_PASSWORD);
  const signedIn = async () => (await (await browser.$('.topbar__user')).getProperty('textContent')) ?? '';
  await browser.waitUntil(async () => (await signedIn()).includes(STAFF), { timeout: 15_000, timeoutMsg: 'the top bar does not name the staff member' });
});

test('on a person\'s page she is not offered Destroy or Anonymise', async () => {
  await open('#/people/1');
  await byId(browser, 'person-page', 20_000);
  await byId(browser, 'person-lifecycle');
  await byId(browser, 'lifecycle-only-responsible');
  assert.equal(await exists('person-destroy'), false, 'no Destroy for staff');
  assert.equal(await exists('person-anonymise'), false, 'no Anonymise for staff');
  // Blocking stays everyone's.
  await byId(browser, 'person-block');
  await shot(browser, '72-person-as-staff');
});

test('on Users she sees everyone, read-only', async () => {
  await (await byId(browser, 'nav-users')).click();
  await byId(browser, 'users-screen', 20_000);
  await browser.waitUntil(async () => (await rowNames()).length === 3, { timeout: 15_000, timeoutMsg: 'the staff member does not see the three users' });
  await byId(browser, 'users-readonly');
  assert.equal(await exists('users-add'), false, 'no Add user for staff');
  assert.equal(await exists('user-remove'), false, 'no Remove for staff');
  assert.equal(await exists('user-set-password'), false, 'no new passwords for staff');
  await shot(browser, '73-users-as-staff');
});

test('after locking, the command line sees the user added in the app', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  const users = JSON.parse(run(['--json', 'user', 'list']).toString());
  const third = users.find((u) => u.name === THIRD);
  assert.ok(third, 'the third user is in the vault');
  assert.equal(third.role, 'staff');
  assert.equal(third.mayReveal, false);
  assert.match(run(['journal', 'verify']).toString(), /intact/);
});

test('the responsible person removes a user and re-keys the vault; everyone else still gets in', async () => {
  await unlockAs(RESPONSIBLE, PASSWORD);
  await (await byId(browser, 'nav-users')).click();
  await byId(browser, 'users-screen', 20_000);
  const row = await browser.$(`[data-testid="users-row"][data-name="${THIRD}"]`);
  await (await row.$('[data-testid="user-remove"]')).click();
  await byId(browser, 'user-remove-dialog');
  assert.equal(await (await byId(browser, 'user-remove-rekey')).isSelected(), true, 're-keying is offered, and on');
  await type('user-remove-name', THIRD);
  await shot(browser, '74-users-remove-rekey');
  await (await byId(browser, 'user-remove-confirm')).click();
  await browser.waitUntil(async () => !(await exists('user-remove-dialog')), { timeout: 60_000, timeoutMsg: 'the remove dialog stayed open' });
  await browser.waitUntil(async () => (await rowNames()).length === 2, { timeout: 15_000, timeoutMsg: 'the removed user is still listed' });
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  const journal = JSON.parse(run(['--json', 'journal', 'list']).toString());
  assert.ok(journal.some((e) => e.action === 'vault.rekeyed'), 'the re-key is journaled');
  assert.match(run(['--user', STAFF, 'unlock-check'], `${STAFF_PASSWORD}\n`).toString(), /intact/);
  assert.throws(() => run(['unlock-check'], `${THIRD_PASSWORD}\n`), 'the removed user is locked out');
});

// Two programs on one vault (a fault test): while the app holds the vault open, the command line
// and a second app window are turned away with one plain sentence, touch nothing, and do not
// disturb the app; once the app locks, the others get in and the vault is intact.
// Screenshots: artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
// The core's Error::VaultInUse, as the CLI prints it.
const IN_USE = 'The vault is open in another Derbes window or command; close it there first.';
// Its own ports, so this spec never meets another session's driver.
const PORT = 4450;
// Nobody enters the register without a basis (Art. 7(1)): their paper consents, for legal aid.
const BASIS = ['--basis', 'consent', '--purpose', 'legal_aid'];
const PEOPLE = [
  ['Серікова', 'Айгүл'],
  ['Нұрланов', 'Ерасыл'],
  ['Жұмабаева', 'Гүлнар'],
];

let vault;
let first; // { browser, home, stop }: the app that holds the vault
let second; // a second app window on the same vault

/** Run the CLI on the vault; returns { status, stdout, stderr } and never throws. */
function derbes(args) {
  const r = spawnSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n`, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run the CLI and expect success. */
function ok(args) {
  const r = derbes(args);
  assert.equal(r.status, 0, `derbes ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** List the vault as recently opened, so the unlock screen offers it. */
function listVault(home) {
  const config = path.join(home, '.config', 'kz.derbes.app');
  mkdirSync(config, { recursive: true });
  writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
}

async function unlock(browser) {
  const field = await byId(browser, 'unlock-password', 20_000);
  await field.clearValue();
  await field.setValue(PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
}

/** The register's total as the People screen shows it (data-total), once it equals `n`. */
async function expectTotal(browser, n) {
  await (await byId(browser, 'nav-people')).click();
  await browser.waitUntil(async () => (await (await byId(browser, 'people-total')).getAttribute('data-total')) === String(n), {
    timeout: 15_000,
    timeoutMsg: `the People screen does not show ${n} people`,
  });
  await browser.waitUntil(async () => (await browser.$$('[data-testid="people-row"]')).length === n, { timeout: 15_000, timeoutMsg: `the list does not show ${n} rows` });
}

/** Names in the register, as the app lists them (textContent: ellipsised cells too). */
const listedNames = (browser) => browser.execute(() => [...document.querySelectorAll('[data-testid="people-row"]')].map((r) => r.textContent));

before(async () => {
  first = await launch({
    port: PORT,
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      ok(['init', '--name', 'Айгүл Серікова']);
      // A consent names the operator (Art. 8(4)(1)): the organisation's name and BIN first.
      ok(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      for (const [surname, name] of PEOPLE) ok(['subject', 'add', '--kind', 'beneficiary', `surname=${surname}`, `name=${name}`, ...BASIS]);
      listVault(h);
    },
  });
  await (await byId(first.browser, 'lang-en')).click();
  await unlock(first.browser);
  await byId(first.browser, 'app-shell', 20_000);
});

after(async () => {
  // Either stop also sweeps up any app this binary left behind, so the order does not matter.
  await first?.stop?.();
  await second?.stop?.();
});

test('the app holds the vault open and lists its people', async () => {
  await expectTotal(first.browser, PEOPLE.length);
  const names = await listedNames(first.browser);
  for (const [surname] of PEOPLE) assert.ok(names.some((n) => n.includes(surname)), `${surname} is listed`);
  await shot(first.browser, '60-instances-app-holds-vault');
});

test('the command line is turned away with one sentence while the app has the vault', () => {
  const attempts = [
    ['subject', 'list'],
    ['subject', 'add', '--kind', 'beneficiary', 'surname=Кім', 'name=Ольга', ...BASIS],
    ['journal', 'verify'],
    ['unlock-check'],
  ];
  for (const args of attempts) {
    const r = derbes(args);
    assert.equal(r.status, 1, `derbes ${args.join(' ')} exits with 1 (stdout: ${r.stdout}; stderr: ${r.stderr})`);
    assert.equal(r.stdout, '', `derbes ${args.join(' ')} prints nothing on stdout`);
    assert.equal(r.stderr.trim(), IN_USE, `derbes ${args.join(' ')}: stderr is exactly the one sentence`);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  }
  // The same in JSON, for scripts: a stable code.
  const j = derbes(['--json', 'subject', 'list']);
  assert.equal(j.status, 1);
  assert.equal(JSON.parse(j.stderr).error.code, 'vault_in_use');
});

test('the app was not disturbed: same people, a person opens, and it can still write', async () => {
  const { browser } = first;
  await (await byId(browser, 'nav-dashboard')).click();
  await expectTotal(browser, PEOPLE.length);
  const names = await listedNames(browser);
  assert.ok(!names.some((n) => n.includes('Кім')), 'the refused add left no one behind');
  // Open a person.
  await browser.execute(() => document.querySelector('[data-testid="people-row"] a.register__name').click());
  await byId(browser, 'person-page', 20_000);
  await shot(browser, '61-instances-app-undisturbed');
  // Write through the app: its hold on the vault is intact.
  await (await byId(browser, 'nav-people')).click();
  await (await byId(browser, 'people-add')).click();
  await (await byId(browser, 'person-kind')).selectByAttribute('value', 'beneficiary');
  await (await byId(browser, 'field-surname')).setValue('Әбенов');
  await (await byId(browser, 'field-name')).setValue('Дәурен');
  // His basis: the paper consent he signed, for legal aid (the box is ticked as its label would).
  await (await browser.$('[data-testid="basis-purpose-legal_aid"]')).waitForExist({ timeout: 15_000 });
  await browser.execute(() => document.querySelector('[data-testid="basis-purpose-legal_aid"]').click());
  await (await byId(browser, 'person-save')).click();
  await byId(browser, 'person-page', 20_000);
  await expectTotal(browser, PEOPLE.length + 1);
});

test('a second app window cannot open the vault while the first has it', async () => {
  second = await launch({ port: PORT + 2, prepare: listVault });
  const { browser } = second;
  await (await byId(browser, 'lang-en')).click();
  await unlock(browser);
  const err = await byId(browser, 'unlock-error', 20_000);
  assert.match(await err.getText(), /open in another Derbes window/i);
  assert.equal(await (await browser.$('[data-testid="app-shell"]')).isExisting(), false, 'the second window stays out');
  await shot(browser, '62-instances-second-window-refused');
  // The first window is still fine.
  await expectTotal(first.browser, PEOPLE.length + 1);
});

test('after the app locks, the command line gets in and the vault is intact', async () => {
  await (await byId(first.browser, 'lock-button')).click();
  await byId(first.browser, 'unlock-password', 20_000);
  await shot(first.browser, '63-instances-app-locked');

  const people = JSON.parse(ok(['--json', 'subject', 'list']));
  assert.deepEqual(
    people.map((p) => p.surname).sort(),
    [...PEOPLE.map(([s]) => s), 'Әбенов'].sort(),
    'the CLI sees the people, including the one the app added, and not the refused one',
  );
  assert.match(ok(['subject', 'add', '--kind', 'beneficiary', 'surname=Кім', 'name=Ольга', ...BASIS]), /Added № 5/);
  assert.match(ok(['journal', 'verify']), /intact/);
  assert.match(ok(['unlock-check']), /intact/);
});

test('the second window now opens the vault and sees the command line\'s write; the first is turned away', async () => {
  await unlock(second.browser);
  await byId(second.browser, 'app-shell', 20_000);
  await expectTotal(second.browser, PEOPLE.length + 2);
  assert.ok((await listedNames(second.browser)).some((n) => n.includes('Кім')));
  await shot(second.browser, '64-instances-second-window-in');

  await unlock(first.browser);
  const err = await byId(first.browser, 'unlock-error', 20_000);
  assert.match(await err.getText(), /open in another Derbes window/i);
  await shot(first.browser, '65-instances-first-window-refused');

  await (await byId(second.browser, 'lock-button')).click();
  await byId(second.browser, 'unlock-password', 20_000);
  assert.match(ok(['journal', 'verify']), /intact/);
  assert.match(ok(['unlock-check']), /intact/);
});

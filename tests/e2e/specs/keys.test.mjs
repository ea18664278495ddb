// Keys people keep, on the real app: the responsible person makes a key file in Settings (to a
// path typed in the dialog); after locking, her password alone is refused with the key-file
// sentence and opens the vault with the file; on Users she splits the recovery key 2 of 3; locked
// again, two of the shares and a new password open the vault; on a person's page she reveals the
// IIN and copies it: the system clipboard holds it, and 30 seconds later no longer does.
// Screenshots: artifacts/e2e/key-file-unlock, recovery-shares, person-copied.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, sleep, cli } from '../harness.mjs';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'тауда қар жауды кеше түнде';
const NAME = 'Айгүл Серікова';
const HOLDERS = ['Ержан Қасымов', 'Гүлнар Ахметова', 'Марат Есенов'];
let browser, stop, home, vault, keyFile;
let shares = [];

/** A valid IIN by the law's rule (weights 1..11, then 3..11,1,2). */
function iin(prefix11) {
  const d = [...prefix11].map(Number);
  const sum = (w) => d.reduce((a, x, i) => a + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : prefix11 + c;
}
function firstValid(birth, centurySex) {
  for (let s = 0; s < 10000; s++) {
    const v = iin(birth + centurySex + String(s).padStart(4, '0'));
    if (v) return v;
  }
}
const IIN = firstValid('880512', '4');

/** The CLI on the prepared vault, the password on its standard input. */
const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` });

/** What the system clipboard holds ('' when nothing: xclip exits non-zero then). */
function clipboard() {
  const r = spawnSync('xclip', ['-o', '-selection', 'clipboard'], { encoding: 'utf8', timeout: 5_000 });
  if (r.error) throw new Error(`xclip could not run (${r.error.message}): install it (scripts/setup.sh tests)`);
  return r.status === 0 ? r.stdout : '';
}

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', NAME]);
      // A consent names the operator (Art. 8(4)(1)); nobody enters without a basis (Art. 7(1)).
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Ахметова', 'name=Гүлнар', `iin=${IIN}`, '--basis', 'consent', '--purpose', 'legal_aid']);
      // The "USB stick" the key file goes to.
      mkdirSync(path.join(h, 'KINGSTON'));
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  keyFile = path.join(home, 'KINGSTON', 'aigul.derbes-key');
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

const exists = async (id) => (await browser.$(`[data-testid="${id}"]`)).isExisting();
const text = async (id) => (await (await byId(browser, id)).getText()).trim();

async function lock() {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
}

test('in Settings she makes a key file on the USB stick, typing where it goes', async () => {
  await byId(browser, 'unlock-screen', 20_000);
  await type('unlock-password', PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 20_000);
  await (await byId(browser, 'nav-settings')).click();
  const setting = await byId(browser, 'key-file-setting', 20_000);
  await browser.waitUntil(async () => (await setting.getAttribute('data-key-file')) === 'false', { timeout: 10_000, timeoutMsg: 'the key file state never came' });
  assert.equal(await exists('key-file-stop'), false, 'nothing to stop using yet');
  await (await byId(browser, 'key-file-make')).click();
  await byId(browser, 'key-file-dialog');
  await type('key-file-password', PASSWORD);
  await type('key-file-target', keyFile);
  await (await byId(browser, 'key-file-submit')).click();
  await browser.waitUntil(async () => !(await exists('key-file-dialog')), { timeout: 30_000, timeoutMsg: 'the key file dialog stayed open' });
  await browser.waitUntil(async () => (await setting.getAttribute('data-key-file')) === 'true', { timeout: 10_000, timeoutMsg: 'Settings does not say the password needs the file' });
  assert.ok(existsSync(keyFile), 'the key file was written where typed');
  await byId(browser, 'key-file-stop');
  await shot(browser, 'key-file-settings');
  // Kazakh runs longer: the card must still hold it.
  await (await byId(browser, 'lang-kk')).click();
  await shot(browser, 'key-file-settings-kk');
  await (await byId(browser, 'lang-en')).click();
});

test('locked, her password alone is refused with the key-file sentence; with the file it opens', async () => {
  await lock();
  await type('unlock-password', PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
  const error = await byId(browser, 'unlock-error', 30_000);
  assert.match(await error.getText(), /key file/i);
  await byId(browser, 'unlock-key-file');
  assert.equal(await (await byId(browser, 'unlock-password')).getValue(), PASSWORD, 'the password stays typed');
  await type('unlock-key-file', keyFile);
  // The sentence stays while the file is given; Settings' toast has gone by.
  await byId(browser, 'unlock-error');
  await browser.waitUntil(async () => (await browser.$$('[data-testid="toast"]')).length === 0, { timeout: 8_000, timeoutMsg: 'a toast stayed' });
  await shot(browser, 'key-file-unlock');
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 30_000);
});

test('on Users she splits the recovery key 2 of 3; each share is shown once', async () => {
  await (await byId(browser, 'nav-users')).click();
  await byId(browser, 'users-screen', 20_000);
  await (await byId(browser, 'recovery-key-split')).click();
  await byId(browser, 'split-dialog');
  const fields = await browser.$$('[data-testid="split-holder"]');
  assert.equal(fields.length, 3);
  for (const [i, name] of HOLDERS.entries()) await fields[i].setValue(name);
  assert.equal(await (await byId(browser, 'split-threshold')).getValue(), '2');
  await shot(browser, 'recovery-split-form');
  await (await byId(browser, 'split-submit')).click();
  await byId(browser, 'split-shares', 30_000);
  const cards = await browser.$$('[data-testid="split-share"]');
  assert.equal(cards.length, 3);
  shares = [];
  for (const card of cards) {
    assert.ok(HOLDERS.includes(await card.getAttribute('data-holder')));
    shares.push((await (await card.$('[data-testid="split-share-text"]')).getText()).trim());
  }
  for (const s of shares) assert.match(s, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){9}$/, `share shape: ${s}`);
  await shot(browser, 'recovery-shares');
  assert.equal(await (await byId(browser, 'split-done')).isEnabled(), false, 'not closed before the shares are handed out');
  await (await byId(browser, 'split-given')).click();
  await (await byId(browser, 'split-done')).click();
  await browser.waitUntil(async () => !(await exists('split-dialog')), { timeout: 5_000, timeoutMsg: 'the split dialog stayed open' });
});

test('locked, two of the three shares and a new password open the vault', async () => {
  await lock();
  await (await byId(browser, 'unlock-use-recovery')).click();
  await (await byId(browser, 'recover-use-shares')).click();
  const fields = await browser.$$('[data-testid="recover-share"]');
  assert.equal(fields.length, 2);
  await fields[0].setValue(shares[0]);
  await fields[1].setValue(shares[2].toLowerCase());
  await type('recover-password', NEW_PASSWORD);
  await type('recover-password-confirm', NEW_PASSWORD);
  const submit = await byId(browser, 'recover-submit');
  await browser.waitUntil(() => submit.isEnabled(), { timeout: 10_000, timeoutMsg: 'Recover never enabled' });
  await shot(browser, 'recover-with-shares');
  await submit.click();
  await byId(browser, 'app-shell', 30_000);
});

test("on a person's page she reveals the IIN and copies it: on the clipboard, then gone after 30 s", async () => {
  await browser.execute(() => {
    window.location.hash = '#/people/1';
  });
  await byId(browser, 'person-page', 20_000);
  assert.equal(await exists('copy-iin'), false, 'no Copy while masked');
  await (await byId(browser, 'reveal-iin')).click();
  await browser.waitUntil(async () => (await text('value-iin')).replace(/\D/g, '') === IIN, { timeout: 10_000, timeoutMsg: 'the IIN was not revealed' });
  await (await byId(browser, 'copy-iin')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="toast"]')).length > 0, { timeout: 10_000, timeoutMsg: 'no toast after copying' });
  assert.match(await (await byId(browser, 'toast')).getText(), /30 seconds/);
  await shot(browser, 'person-copied');
  assert.equal(clipboard().trim(), IIN, 'the clipboard holds the IIN');
  await sleep(31_000);
  assert.equal(clipboard().trim(), '', 'the clipboard is cleared after 30 seconds');
});

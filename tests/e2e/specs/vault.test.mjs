// The vault, as a person meets it: create it through the UI, lock, fail an unlock with a wrong
// password and see why, unlock, switch to Kazakh, try the demo. Screenshots go to artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, byId, shot, sleep } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
let browser, home, stop;

before(async () => {
  ({ browser, home, stop } = await launch());
});

after(async () => {
  await stop?.();
});

async function type(id, text) {
  const el = await byId(browser, id);
  await el.clearValue();
  await el.setValue(text);
}

test('a newcomer sees the welcome screen with a demo on offer', async () => {
  await byId(browser, 'welcome-create');
  await byId(browser, 'welcome-demo');
  await byId(browser, 'lang-en').then((b) => b.click());
  await shot(browser, '01-welcome');
});

test('create a vault: folder, name, password with its strength, recovery key confirmed', async () => {
  await (await byId(browser, 'welcome-create')).click();
  // A folder OneDrive synchronises is said before anything is made there.
  await type('create-folder', path.join(home, 'OneDrive', 'Office vault'));
  await byId(browser, 'create-folder-cloud');
  await shot(browser, '02-create-cloud-folder-warning');
  const vaultDir = path.join(home, 'Office vault');
  await type('create-folder', vaultDir);
  await browser.waitUntil(async () => !(await (await browser.$('[data-testid="create-folder-cloud"]')).isExisting()), { timeout: 5_000, timeoutMsg: 'the cloud warning stayed for a local folder' });
  await (await byId(browser, 'create-folder-next')).click();

  await type('create-name', 'Айгүл Серікова');
  await type('create-password', 'password1');
  await byId(browser, 'strength-meter');
  await shot(browser, '02-create-weak-password');
  const submit = await byId(browser, 'create-submit');
  assert.equal(await submit.isEnabled(), false, 'a weak password cannot be submitted');

  await type('create-password', PASSWORD);
  await type('create-password-confirm', PASSWORD);
  await browser.waitUntil(async () => (await byId(browser, 'create-submit')).isEnabled(), { timeout: 10_000, timeoutMsg: 'submit never enabled for a strong password' });
  await shot(browser, '03-create-strong-password');
  await (await byId(browser, 'create-submit')).click();

  const keyEl = await byId(browser, 'recovery-key', 30_000);
  const key = (await keyEl.getText()).replace(/\s+/g, '');
  assert.match(key, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, `recovery key shape: ${key}`);
  await shot(browser, '04-recovery-key');
  await (await byId(browser, 'recovery-written')).click();
  await type('recovery-confirm-input', 'ZZZZ');
  await (await byId(browser, 'recovery-confirm-submit')).click();
  await sleep(500);
  assert.equal(await (await browser.$('[data-testid="app-shell"]')).isExisting(), false, 'a wrong group does not let the user in');
  await type('recovery-confirm-input', key.slice(-4).toLowerCase());
  await (await byId(browser, 'recovery-confirm-submit')).click();
  await byId(browser, 'app-shell', 20_000);
  await shot(browser, '05-dashboard');
});

test('lock, fail with a wrong password (the reason is shown), then unlock', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-screen');
  await type('unlock-password', 'not the right password');
  await (await byId(browser, 'unlock-submit')).click();
  const err = await byId(browser, 'unlock-error', 20_000);
  assert.match(await err.getText(), /password/i);
  await shot(browser, '06-unlock-wrong-password');

  await type('unlock-password', PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 20_000);
});

test('the journal shows the failed attempt and verifies', async () => {
  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => (await browser.$('body').getText()).match(/failed|сәтсіз|неудач/i) !== null, { timeout: 10_000, timeoutMsg: 'no failed-unlock entry in the journal' });
  await (await byId(browser, 'journal-verify')).click();
  await byId(browser, 'journal-status');
  await shot(browser, '07-journal');
});

test('switch the interface to Kazakh', async () => {
  await (await byId(browser, 'lang-kk')).click();
  await browser.waitUntil(async () => (await browser.$('html').getAttribute('lang')) === 'kk', { timeout: 5000 });
  const text = await browser.$('body').getText();
  assert.match(text, /[әғқңөұүһі]/i, 'Kazakh letters are on screen');
  await (await byId(browser, 'nav-dashboard')).click();
  await shot(browser, '08-dashboard-kk');
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-screen');
  await shot(browser, '09-unlock-kk');
  await (await byId(browser, 'lang-en')).click();
  await shot(browser, 'unlock');
});

test('try the demo from the unlock screen: opened at once and marked DEMO', async () => {
  await (await byId(browser, 'unlock-demo')).click();
  await byId(browser, 'app-shell', 20_000);
  await byId(browser, 'demo-badge');
  await byId(browser, 'demo-banner');
  await shot(browser, '10-demo');
});

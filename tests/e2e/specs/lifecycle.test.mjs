// The data's lifecycle, as a person uses it (in Kazakh): record a consent for a child given by
// their mother, print the form, withdraw the consent to publication, look at the due list, and
// destroy a person after typing the confirmation word, then see the act. Screenshots:
// artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
let browser, home, stop, vault;

/** A BIN with the law's check digit. */
function bin() {
  for (let s = 0; s < 1000; s++) {
    const d = [...`1504400${String(s).padStart(4, '0')}`].map(Number);
    const sum = (w) => d.reduce((a, x, i) => a + x * w[i], 0) % 11;
    let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    if (c < 10) return d.join('') + c;
  }
}

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` });

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', bin(), '--responsible', 'Айгүл Серікова']);
      // № 1: a child, entered on the paper consent his mother signed (consent № 1); № 2: an
      // adult whose last service was long ago (due for the end of retention), on hers (№ 2).
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Нұрланов', 'name=Ерасыл', 'birth_date=05.05.2015', '--service', '2024-02-15=legal_consultation',
        '--basis', 'consent', '--purpose', 'legal_aid', '--representative', 'Нұрланова Гүлнар', '--relation', 'анасы', '--document', 'Туу туралы куәлік № 123456']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Жұмабаева', 'name=Гүлнар', 'birth_date=12.12.1970', '--service', '2016-03-01=legal_consultation',
        '--basis', 'consent', '--purpose', 'social_support']);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  await (await byId(browser, 'lang-kk')).click();
  await (await byId(browser, 'unlock-password')).setValue(PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 20_000);
});

after(async () => {
  await stop?.();
});

async function type(id, text) {
  const el = await byId(browser, id);
  await el.clearValue();
  await el.setValue(text);
}

/** Toggle a checkbox or radio drawn as a switch or a card (the input itself is visually
 * hidden, so WebDriver will not click it): a click event, as the label would send. */
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

const open = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);

test('record a consent for a child given by a legal representative', async () => {
  await open('#/people/1');
  await byId(browser, 'person-page', 20_000);
  await (await byId(browser, 'tab-consents')).click();
  await (await byId(browser, 'consent-new')).click();
  await byId(browser, 'consent-wizard');
  await press('consent-purpose-legal_aid');
  await shot(browser, '40-consent-wizard-purposes');
  await (await byId(browser, 'consent-next')).click();
  await press('consent-scope-publication');
  await type('consent-scope-publication-text', 'ұйымның жылдық есебі');
  await shot(browser, '41-consent-wizard-scopes');
  await (await byId(browser, 'consent-next')).click();
  // The core says the child needs a representative; the wizard asks for one.
  await byId(browser, 'consent-rep-required');
  await type('consent-rep-name', 'Нұрланова Гүлнар');
  await type('consent-rep-relation', 'анасы');
  await type('consent-rep-document', 'Туу туралы куәлік № 123456');
  await shot(browser, '42-consent-wizard-representative');
  await (await byId(browser, 'consent-next')).click();
  await byId(browser, 'consent-review');
  await shot(browser, '43-consent-wizard-review');
  // Print the form for signature before anything is recorded.
  await (await byId(browser, 'consent-print-draft')).click();
  await byId(browser, 'save-dialog');
  const blank = path.join(home, 'қол-қоюға.pdf');
  await type('save-path', blank);
  await (await byId(browser, 'save-confirm')).click();
  await browser.waitUntil(() => existsSync(blank), { timeout: 15_000, timeoutMsg: 'the form to sign was not written' });
  assert.equal(readFileSync(blank).subarray(0, 5).toString(), '%PDF-');
  await browser.waitUntil(async () => !(await (await browser.$('[data-testid="save-dialog"]')).isExisting()), { timeout: 15_000, timeoutMsg: 'the save dialog stayed open' });
  await byId(browser, 'consent-review');
  await shot(browser, '43b-consent-form-to-sign-saved');
  // The "saved" toast may sit over the button: click it as the keyboard would.
  await press('consent-save');
  await byId(browser, 'consent-done', 20_000);
  await shot(browser, '44-consent-recorded');
});

test('print the pre-filled consent form as a PDF', async () => {
  await (await byId(browser, 'consent-done-print')).click();
  await byId(browser, 'save-dialog');
  await press('save-lang-kk');
  const out = path.join(home, 'келісім-1.pdf');
  await type('save-path', out);
  await shot(browser, '45-consent-form-save');
  await (await byId(browser, 'save-confirm')).click();
  await browser.waitUntil(() => existsSync(out), { timeout: 15_000, timeoutMsg: 'the form was not written' });
  assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
  const close = await browser.$('[data-testid="consent-done-close"]');
  if (await close.isDisplayed()) await close.click();
});

test('withdraw the consent to publication', async () => {
  // The wizard's consent is № 3: № 1 and № 2 came with the people.
  await (await byId(browser, 'consent-withdraw-3')).click();
  await byId(browser, 'withdraw-dialog');
  await press('withdraw-scope-publication');
  await type('withdraw-channel', 'жазбаша өтініш');
  await shot(browser, '46-consent-withdraw');
  await (await byId(browser, 'withdraw-submit')).click();
  await browser.waitUntil(async () => !(await (await browser.$('[data-testid="withdraw-dialog"]')).isExisting()), { timeout: 15_000, timeoutMsg: 'the withdrawal dialog stayed open' });
  await shot(browser, '47-consent-after-withdrawal');
});

test('the due list names the adult whose retention has ended', async () => {
  await (await byId(browser, 'nav-retention')).click();
  await byId(browser, 'retention-due', 20_000);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="due-row"]')).length === 1, { timeout: 15_000, timeoutMsg: 'the due list does not show one person' });
  await shot(browser, '48-retention-due');
});

test('destroy a person after typing the confirmation word, then see the act', async () => {
  await open('#/people/2');
  await byId(browser, 'person-page', 20_000);
  await (await byId(browser, 'person-destroy')).click();
  await byId(browser, 'end-dialog');
  const submit = await byId(browser, 'end-submit');
  assert.equal(await submit.isEnabled(), false, 'nothing happens before the word is typed');
  await (await byId(browser, 'end-ground')).selectByAttribute('value', 'request');
  const word = await (await byId(browser, 'end-confirm-word')).getText();
  await type('end-confirm-input', word);
  await shot(browser, '49-destroy-confirm');
  await submit.click();
  await byId(browser, 'act-view', 30_000);
  assert.match(await (await byId(browser, 'act-number')).getText(), /1/);
  await shot(browser, '50-destruction-act');
  await (await byId(browser, 'act-close')).click();
  await (await byId(browser, 'nav-retention')).click();
  await (await byId(browser, 'retention-tab-acts')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="act-row"]')).length === 1, { timeout: 15_000, timeoutMsg: 'the act is not listed' });
  await shot(browser, '51-acts-list');
});

test('after locking, the command line sees what the app did', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  const consents = JSON.parse(run(['--json', 'consent', 'list', '1']).toString());
  assert.deepEqual(consents[0].withdrawnScopes, ['publication']);
  assert.equal(consents[0].representative.relation, 'анасы');
  const acts = JSON.parse(run(['--json', 'acts', 'list']).toString());
  assert.equal(acts.length, 1);
  assert.equal(acts[0].people, 1);
  const people = JSON.parse(run(['--json', 'subject', 'list']).toString());
  assert.deepEqual(people.map((p) => p.number), [1]);
  const journal = run(['journal', 'verify']).toString();
  assert.match(journal, /intact/);
});

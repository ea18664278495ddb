// Transfers that identify people, as a person meets them in the real app (in Kazakh): a partner is
// added to the recipients; a transfer to it that includes a person whose consent does not name it
// is refused with that person named, and nothing is written (the core refuses too when asked
// directly); with that person taken off the list, the CSV is saved with only the data every
// consent covers, the ledger lists it as a transfer with personal data, and the person whose
// consent asks to be told appears among the notices owed (Art. 19) until the day is recorded.
// Screenshots: artifacts/e2e/, and for the README docs/screenshots/ (transfers-recipients.png,
// transfer-check.png, transfers-ledger.png, transfer-notices.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, artifacts, repo } from '../harness.mjs';

const PASSWORD = 'таңертең күн шықты ашық';
const SHELTER = '«Шапағат» дағдарыс орталығы';
const screenshots = path.join(repo, 'docs', 'screenshots');
let browser, home, stop, vault, csvFile;

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });

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

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', bin(), '--address', 'Алматы қ., Абай даңғылы, 10', '--responsible', 'Айгүл Серікова', '--contacts', '+7 701 234 56 78, info@jardem.kz']);
      // № 1 consented to the shelter and asks to be told of each transfer; № 2 consented to legal
      // aid only, naming no recipient; № 3 consented to the shelter for humanitarian aid (no e-mail).
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Жұмабаева', 'name=Гүлнар', 'phone=+77015221234', 'email=gulnar@example.kz', '--basis', 'consent', '--purpose', 'legal_aid']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Нұрланов', 'name=Ерасыл', 'phone=+77015550011', '--basis', 'consent', '--purpose', 'legal_aid']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Сейітова', 'name=Айжан', 'phone=+77017770022', '--basis', 'consent', '--purpose', 'humanitarian_aid']);
      run(['consent', 'add', '1', '--purpose', 'legal_aid', '--third-parties', SHELTER, '--notify-transfers']);
      run(['consent', 'add', '3', '--purpose', 'humanitarian_aid', '--third-parties', `${SHELTER}, UNICEF`]);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  csvFile = path.join(home, 'Шапағатқа-жолдама.csv');
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

/** Click as the keyboard would (a toast may sit over the button). */
async function press(selector) {
  const sel = selector.startsWith('[') ? selector : `[data-testid="${selector}"]`;
  const el = await browser.$(sel);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `${sel} never appeared` });
  await browser.execute((s) => document.querySelector(s).click(), sel);
}

const exists = async (id) => (await browser.$(`[data-testid="${id}"]`)).isExisting();
const toastsGone = () => browser.waitUntil(async () => !(await exists('toast')), { timeout: 15_000, timeoutMsg: 'a toast stayed' });

/** A screenshot in artifacts/e2e/ and the same image in docs/screenshots/ for the README. */
async function docShot(name) {
  await shot(browser, name);
  mkdirSync(screenshots, { recursive: true });
  copyFileSync(path.join(artifacts, `${name}.png`), path.join(screenshots, `${name}.png`));
}

/** The top of the page, with the pointer off the rows so none is drawn hovered. */
async function settle() {
  await toastsGone();
  await browser.execute(() => document.querySelector('.content')?.scrollTo(0, 0));
  await (await browser.$('.page__title')).click();
}

/** The ledger as the core keeps it, asked through the app's own door. */
const ledger = () => browser.executeAsync((done) => window.__TAURI_INTERNALS__.invoke('transfers_list').then(done, (e) => done({ error: e })));

test('add the shelter, and a donor abroad, to the recipients', async () => {
  await (await byId(browser, 'nav-transfers')).click();
  await byId(browser, 'recipients-empty', 20_000);
  await press('recipients-add');
  await byId(browser, 'recipient-dialog');
  await type('recipient-name', SHELTER);
  await press('recipient-kind-partner');
  // At home the country is filled and no protection question is asked.
  assert.equal(await (await byId(browser, 'recipient-country')).getValue(), 'Қазақстан');
  assert.equal(await exists('recipient-protects'), false);
  await press('recipient-save');
  const row = await browser.$('[data-testid="recipient-row"][data-number="1"]');
  await row.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the recipient was not added' });
  assert.match(await row.getText(), /Шапағат/);
  assert.match(await row.getText(), /Серіктес ұйым/);

  // Abroad: the country and whether it ensures protection (Art. 16(2)) are asked.
  await toastsGone();
  await press('recipients-add');
  await byId(browser, 'recipient-dialog');
  await type('recipient-name', 'Stiftung Kinderhilfe e.V.');
  await press('recipient-abroad-choice');
  await type('recipient-country', 'Германия');
  await press('recipient-save');
  const why = await byId(browser, 'recipient-protects-error', 20_000);
  assert.match(await why.getText(), /қорғалуын қамтамасыз ете ме/);
  await press('recipient-protects-yes');
  await press('recipient-save');
  const abroad = await browser.$('[data-testid="recipient-row"][data-number="2"]');
  await abroad.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the recipient abroad was not added' });
  assert.equal(await abroad.getAttribute('data-abroad'), 'true');
  assert.match(await abroad.getText(), /шетел/);
  await settle();
  await docShot('transfers-recipients');
});

test('a transfer including a person whose consent does not name the shelter is refused, naming them', async () => {
  await press('transfers-new');
  await byId(browser, 'transfer-wizard', 20_000);
  await press('[data-testid="transfer-recipient"][data-number="1"]');
  // At home there is no Art. 16(3) exception to choose.
  assert.equal(await exists('transfer-exception'), false);
  await type('transfer-purpose', 'Баспана беру үшін жолдама');
  await press('transfer-next');
  await byId(browser, 'transfer-field-phone');
  await press('transfer-field-phone');
  await press('transfer-field-email');
  await press('transfer-next');
  // № 1 by surname, then № 2 and № 3 by number.
  await type('transfer-person-search', 'Жұмабаева');
  const option = await browser.$('[data-testid="transfer-person-option"][data-number="1"]');
  await option.waitForDisplayed({ timeout: 15_000, timeoutMsg: 'the person was not found by surname' });
  await option.click();
  await type('transfer-numbers', '2, 3');
  await press('transfer-numbers-add');
  assert.equal((await browser.$$('[data-testid="transfer-listed"]')).length, 3);
  await press('transfer-next');

  const check = await byId(browser, 'transfer-check', 30_000);
  assert.equal(await check.getAttribute('data-lacking'), '1');
  const lacking = await browser.$('[data-testid="check-row"][data-number="2"]');
  assert.equal(await lacking.getAttribute('data-lacking'), 'no_consent_to_recipient');
  assert.match(await lacking.getText(), /алушысына беруге рұқсат ететін қолданыстағы келісім жоқ/);
  const first = await browser.$('[data-testid="check-row"][data-number="1"]');
  assert.match(await first.getAttribute('data-basis'), /^consent:\d+$/);
  assert.match(await first.getText(), /келісім/);
  assert.match(await first.getText(), /19-бап/, 'her consent asks to be told');
  assert.match(await (await byId(browser, 'transfer-lacking')).getText(), /3 адамның ішінде 1 адамда бұл беруге негіз жоқ/);
  // E-mail is not covered by № 3's consent: it is left out.
  assert.match(await (await byId(browser, 'transfer-left-out')).getText(), /пошта/i);
  assert.equal(await (await byId(browser, 'transfer-save-button')).isEnabled(), false);
  assert.match(await (await byId(browser, 'transfer-save-why')).getText(), /1 адамның негізі жоқ/);
  await toastsGone();
  await browser.execute(() => document.querySelector('[data-testid="transfer-check"]').scrollIntoView({ block: 'start' }));
  await browser.execute(() => document.querySelector('.content').scrollBy(0, -130));
  await docShot('transfer-check');

  // The core refuses on its own too: asked to save anyway, it names № 2 and writes nothing.
  const refusal = await browser.executeAsync(
    (draft, file, done) => window.__TAURI_INTERNALS__.invoke('transfer_identifying_save', { draft, path: file, ifExists: 'refuse' }).then(() => done(null), (e) => done(e)),
    { recipient: 1, purpose: 'Баспана беру үшін жолдама', fields: ['surname', 'name', 'phone'], people: [1, 2, 3], exception: null },
    csvFile,
  );
  assert.ok(refusal, 'the core saved a transfer with a person who has no basis');
  assert.equal(refusal.params?.reason, 'transfer_basis_missing');
  assert.equal(refusal.params?.people, '№ 2');
  assert.equal(existsSync(csvFile), false, 'a file was written');
  assert.deepEqual(await ledger(), [], 'the ledger recorded something');
});

test('without that person the CSV is saved with only the covered data, and the ledger lists it', async () => {
  await press('transfer-remove-lacking');
  await byId(browser, 'transfer-all-covered', 20_000);
  assert.equal((await browser.$$('[data-testid="check-row"]')).length, 2);
  await type('transfer-path', csvFile);
  const save = await byId(browser, 'transfer-save-button');
  await browser.waitUntil(() => save.isEnabled(), { timeout: 10_000, timeoutMsg: 'saving stayed disabled' });
  await press('transfer-save-button');
  const done = await byId(browser, 'transfer-done', 30_000);
  assert.equal(await done.getAttribute('data-number'), '1');
  assert.match(await (await byId(browser, 'transfer-done-warning')).getText(), /мессенджермен немесе жеке электрондық поштамен/);
  assert.match(await (await byId(browser, 'transfer-done-notify')).getText(), /1 адам әр беру туралы хабарлауды сұраған/);

  assert.ok(existsSync(csvFile), 'the CSV was not written');
  const csv = readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  // The name (ticked at first, the patronymic empty here) and the phone; not the e-mail.
  assert.equal(header, 'number,surname,name,patronymic,phone');
  assert.equal(rows.length, 2);
  assert.match(csv, /Жұмабаева/);
  assert.match(csv, /Сейітова/);
  assert.doesNotMatch(csv, /Нұрланов/, 'the person without a basis is in the file');
  assert.doesNotMatch(csv, /gulnar@example\.kz/, 'data not every consent covers is in the file');

  await press('transfer-done-ledger');
  const row = await byId(browser, 'ledger-row-1', 20_000);
  assert.equal(await row.getAttribute('data-kind'), 'identifying');
  assert.match(await row.getText(), /Дербес деректермен/);
  assert.match(await row.getText(), /Шапағат/);
  assert.match(await (await byId(browser, 'ledger-identifying')).getText(), /2 адам/);
  const entries = await ledger();
  assert.equal(entries.length, 1);
  assert.equal(entries[0].kind, 'identifying');
  assert.equal(entries[0].format, 'csv');
  // The ledger's fingerprint is the file's.
  const sha = execFileSync('sha256sum', [csvFile]).toString().split(' ')[0];
  assert.equal(entries[0].sha256, sha);
  await settle();
  await docShot('transfers-ledger');

  // The recipient now counts one transfer.
  await press('transfers-tab-recipients');
  const shelter = await browser.$('[data-testid="recipient-row"][data-number="1"] [data-testid="recipient-transfers"]');
  await shelter.waitForDisplayed({ timeout: 20_000 });
  assert.equal(await shelter.getText(), '1');
});

test('the person who asked is owed a notice within 10 working days, until the day is recorded', async () => {
  await (await byId(browser, 'nav-dashboard')).click();
  const tile = await byId(browser, 'clock-tile-transfer_notices', 20_000);
  assert.equal(await tile.getAttribute('data-count'), '1');
  assert.match(await tile.getAttribute('href'), /#\/transfers\/notices$/);
  await press('clock-tile-transfer_notices');
  const row = await browser.$('[data-testid="notice-row"][data-number="1"]');
  await row.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the notice is not owed' });
  assert.equal(await row.getAttribute('data-transfer'), '1');
  assert.match(await (await row.$('[data-testid="notice-clock"]')).getText(), /жұмыс күні қалды/);
  await settle();
  await docShot('transfer-notices');

  await press('notice-told');
  await byId(browser, 'notices-empty', 20_000);
  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => /19-бап/.test(await browser.$('body').getText()), { timeout: 15_000, timeoutMsg: 'the journal does not show the notice' });
  const body = await browser.$('body').getText();
  assert.match(body, /Алушы қосылды/);
  assert.match(body, /Файл алушыға сақталды/);
});

// The clocks of the law, as a person meets them in the real app (in Kazakh): a breach detected a
// week ago and not yet notified shows its red clock on the dashboard; an access request is
// registered for a person, its answer previewed and saved as a PDF (Kazakh letters and the
// person's surname in it); a correction request cannot be closed as done without the change
// (the core's sentence is shown) and is refused with reasons instead. Screenshots: artifacts/e2e/,
// and for the README docs/screenshots/ (clocks-dashboard.png, requests.png, request-answer.png,
// breaches.png, breach.png, settings-calendar.png, settings-calendar-days.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, artifacts, repo } from '../harness.mjs';

const PASSWORD = 'таңертең күн шықты ашық';
const screenshots = path.join(repo, 'docs', 'screenshots');
let browser, home, stop, vault, answerFile;

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

/** A person added with the CLI; where the CLI asks for the basis of processing, with a consent
 * for legal aid. */
function addPerson(fields) {
  try {
    run(['subject', 'add', '--kind', 'beneficiary', ...fields]);
  } catch {
    run(['subject', 'add', '--kind', 'beneficiary', ...fields, '--basis', 'consent', '--purpose', 'legal_aid']);
  }
}

/** A day `n` days before today, as the app's date fields take it (dd.mm.yyyy). */
function daysAgo(n) {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', bin(), '--address', 'Алматы қ., Абай даңғылы, 10', '--responsible', 'Айгүл Серікова', '--contacts', '+7 701 234 56 78, info@jardem.kz']);
      // № 1 asks what is held about her; № 2 asks for a correction.
      addPerson(['surname=Жұмабаева', 'name=Гүлнар', 'birth_date=12.12.1970', 'phone=+77015221234']);
      addPerson(['surname=Нұрланов', 'name=Ерасыл', 'birth_date=05.05.1990']);
      run(['demo', '--subjects', '20']);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  answerFile = path.join(home, 'Өтінішке-жауап-№1.pdf');
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
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

const exists = async (id) => (await browser.$(`[data-testid="${id}"]`)).isExisting();
const open = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);
const toastsGone = () => browser.waitUntil(async () => !(await exists('toast')), { timeout: 15_000, timeoutMsg: 'a toast stayed' });
const attr = async (id, name) => (await byId(browser, id)).getAttribute(name);

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

test('a breach detected a week ago and not notified: red on the dashboard', async () => {
  await (await byId(browser, 'nav-breaches')).click();
  await byId(browser, 'breaches-empty', 20_000);
  await (await byId(browser, 'breaches-add')).click();
  await byId(browser, 'breach-form');
  await type('breach-detected-day', daysAgo(7));
  await type('breach-detected-time', '16:40');
  await (await byId(browser, 'breach-kind')).selectByAttribute('value', 'wrong_recipient');
  await type('breach-description', 'Тренинг қатысушыларының тізімі қателесіп басқа ұйымның мекенжайына жіберілді.');
  await press('breach-category-identity');
  await press('breach-category-contact');
  await press('breach-some');
  await type('breach-people', '1, 2');
  await type('breach-containment', 'Алушыдан хатты жоюды сұрадық.');
  await press('breach-submit');

  // The breach's page: overdue by at least one working day, in red.
  const clock = await byId(browser, 'breach-page-clock', 20_000);
  assert.equal(await clock.getAttribute('data-state'), 'overdue');
  assert.equal(await clock.getAttribute('data-tone'), 'danger');
  assert.match(await clock.getText(), /Мерзімі \d+ жұмыс күніне өтті/);
  assert.match(await (await byId(browser, 'breach-affected')).getText(), /2 тұлға/);
  await settle();
  await docShot('breach');

  await (await byId(browser, 'nav-dashboard')).click();
  const tile = await byId(browser, 'clock-tile-breaches', 20_000);
  assert.equal(await tile.getAttribute('data-tone'), 'danger');
  assert.equal(await tile.getAttribute('data-overdue'), '1');
  // Overdue first: the breach comes before the quiet tiles.
  const order = await browser.execute(() => [...document.querySelectorAll('.clock-tile')].map((a) => a.getAttribute('data-testid')));
  assert.ok(order.indexOf('clock-tile-breaches') < order.indexOf('clock-tile-requests'), order.join(', '));
  assert.match(await tile.getText(), /уәкілетті органға хабарланбаған бұзылу/);
});

test('register an access request for a person, picked by surname', async () => {
  await (await byId(browser, 'nav-requests')).click();
  await byId(browser, 'requests-empty', 20_000);
  await (await byId(browser, 'requests-add')).click();
  await byId(browser, 'request-form');
  await type('request-person-search', 'Жұмабаева');
  const option = await browser.$('[data-testid="request-person-option"][data-number="1"]');
  await option.waitForDisplayed({ timeout: 15_000, timeoutMsg: 'the person was not found by surname' });
  await option.click();
  assert.match(await (await byId(browser, 'request-person-chosen')).getText(), /Жұмабаева Гүлнар/);
  // An access request is answered within the organisation's own target (3 working days).
  assert.match(await (await byId(browser, 'request-kind-term')).getText(), /ұйымның өз мерзімі, 3 жұмыс күні/);
  await press('request-submit');
  await byId(browser, 'request-page', 20_000);
  assert.equal(await attr('request-page', 'data-kind'), 'access');
  assert.match(await (await byId(browser, 'request-page-clock')).getText(), /жұмыс күні қалды|бүгін/);
});

test('prepare the answer: its pages in Kazakh, then saved as a PDF with the surname in it', async () => {
  await press('request-answer-prepare');
  await byId(browser, 'answer-preview');
  // Typst lays it out in the core (a debug build is slow).
  await byId(browser, 'answer-preview-pages', 120_000);
  await browser.waitUntil(
    () => browser.execute(() => [...document.querySelectorAll('[data-testid="answer-preview-page"]')].every((img) => img.complete && img.naturalWidth > 0)),
    { timeout: 20_000, timeoutMsg: 'a page was not drawn' },
  );
  await docShot('request-answer');

  await press('answer-preview-save');
  await byId(browser, 'save-dialog');
  await browser.waitUntil(async () => (await (await byId(browser, 'save-path')).getValue()).endsWith('Өтінішке-жауап-№1.pdf'), { timeout: 10_000, timeoutMsg: 'no name was suggested' });
  await type('save-path', answerFile);
  await (await byId(browser, 'save-confirm')).click();
  await browser.waitUntil(() => existsSync(answerFile), { timeout: 120_000, timeoutMsg: 'the answer was not written' });
  const pdf = readFileSync(answerFile);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const text = execFileSync('pdftotext', ['-layout', answerFile, '-']).toString();
  assert.match(text, /Жұмабаева/, "the person's surname");
  assert.match(text, /[әғқңөұүі]/, 'Kazakh letters');
  await browser.waitUntil(async () => !(await exists('save-dialog')) && !(await exists('answer-preview')), { timeout: 30_000, timeoutMsg: 'the dialogs stayed open' });
  assert.match(await (await byId(browser, 'request-answer-number', 20_000)).getText(), /№ 1 жауап/);

  // The answer is the evidence: the request closes as done.
  await toastsGone();
  await press('request-close-done');
  const closure = await byId(browser, 'request-closure', 20_000);
  assert.equal(await closure.getAttribute('data-outcome'), 'done');
  assert.match(await (await byId(browser, 'request-evidence')).getText(), /№ 1 жауап/);
});

test('a correction request is not closed as done without the correction; it is refused with reasons', async () => {
  await toastsGone();
  await open('#/requests/new');
  await byId(browser, 'request-form', 20_000);
  // By internal number this time.
  await type('request-person-search', '2');
  await press('request-person-number');
  await byId(browser, 'request-person-chosen', 20_000);
  await (await byId(browser, 'request-kind')).selectByAttribute('value', 'correction');
  assert.match(await (await byId(browser, 'request-kind-term')).getText(), /25-баптың 2-тармағының 8\) тармақшасы: 1 жұмыс күні/);
  await type('request-note', 'Телефон нөмірі ескірген.');
  await press('request-submit');
  await byId(browser, 'request-page', 20_000);
  assert.equal(await attr('request-page', 'data-kind'), 'correction');

  await toastsGone();
  await press('request-close-done');
  const error = await byId(browser, 'request-close-error', 20_000);
  assert.match(await error.getText(), /Өтініш түскеннен кейін бұл адамның жазбасы түзетілмеген/);

  await press('request-refuse');
  await byId(browser, 'request-refuse-dialog');
  await type('request-refuse-reason', 'Жаңа телефон нөмірін растайтын құжат ұсынылмады.');
  await press('request-refuse-submit');
  const closure = await byId(browser, 'request-closure', 20_000);
  assert.equal(await closure.getAttribute('data-outcome'), 'refused');
  assert.match(await (await byId(browser, 'request-refusal')).getText(), /растайтын құжат ұсынылмады/);
});

test('the lists: requests with their clocks, breaches awaiting notice first', async () => {
  // A third request, still open, so the list shows a running clock.
  await toastsGone();
  await open('#/requests/new');
  await byId(browser, 'request-form', 20_000);
  await type('request-person-search', 'Нұрланов');
  const option = await browser.$('[data-testid="request-person-option"][data-number="2"]');
  await option.waitForDisplayed({ timeout: 15_000, timeoutMsg: 'the person was not found by surname' });
  await option.click();
  await (await byId(browser, 'request-kind')).selectByAttribute('value', 'blocking');
  await type('request-note', 'Деректерін тексеру біткенше бұғаттауды сұрайды.');
  await press('request-submit');
  await byId(browser, 'request-page', 20_000);

  await (await byId(browser, 'nav-requests')).click();
  await byId(browser, 'requests-open', 20_000);
  const rows = await browser.$$('[data-testid="request-row"]');
  assert.equal(rows.length, 3);
  assert.equal(await (await browser.$('[data-testid="requests-open"] [data-testid="request-row"]')).getAttribute('data-kind'), 'blocking');
  const outcomes = await browser.execute(() => [...document.querySelectorAll('[data-testid="requests-closed"] [data-testid="request-row"]')].map((r) => r.getAttribute('data-state')));
  assert.deepEqual(outcomes.sort(), ['done', 'refused']);
  await settle();
  await docShot('requests');

  await (await byId(browser, 'nav-breaches')).click();
  const row = await browser.$('[data-testid="breaches-waiting"] [data-testid="breach-row"]');
  await row.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the breach is not awaiting its notice' });
  assert.equal(await row.getAttribute('data-state'), 'overdue');
  await settle();
  await docShot('breaches');
});

test('the dashboard with its clocks', async () => {
  await (await byId(browser, 'nav-dashboard')).click();
  const tile = await byId(browser, 'clock-tile-requests', 20_000);
  assert.equal(await tile.getAttribute('data-count'), '1');
  await settle();
  await docShot('clocks-dashboard');
});

test('Settings → Calendar: the shipped years, holidays by name, notes in words', async () => {
  await open('#/settings/calendar');
  const editor = await byId(browser, 'calendar-editor', 20_000);
  const year = new Date().getFullYear();
  assert.equal(await editor.getAttribute('data-year'), String(year));
  await byId(browser, 'calendar-special', 20_000);
  const text = await (await byId(browser, 'settings-calendar')).getText();
  assert.match(text, /Наурыз мейрамы/);
  assert.match(text, /Тәуелсіздік күні/);
  // Shipped notes are codes; they are said in words.
  assert.doesNotMatch(text, /constitution_2026|G24G0000436/);
  await toastsGone();
  // The years, the year's data and the first of its special days in one view.
  await browser.execute(() => {
    document.querySelector('[data-testid="settings-calendar"] .calendar__years').scrollIntoView({ block: 'start' });
    document.querySelector('.content').scrollBy(0, -90);
  });
  await docShot('settings-calendar');
  // The days of the year that differ from a plain week, each holiday by its name.
  await browser.execute(() => {
    document.querySelector('[data-testid="calendar-special"]').scrollIntoView({ block: 'start' });
    document.querySelector('.content').scrollBy(0, -24);
  });
  await docShot('settings-calendar-days');
});

test('the journal names what was done', async () => {
  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => /Өтінішке жауап жасалды|Қол жеткізу туралы өтінішке жауап жасалды/.test(await browser.$('body').getText()), {
    timeout: 15_000,
    timeoutMsg: 'the journal does not show the answer',
  });
  const body = await browser.$('body').getText();
  assert.match(body, /Бұзылу тіркелді/);
  assert.match(body, /Өтініш тіркелді/);
  assert.match(body, /Өтініш жабылды/);
});

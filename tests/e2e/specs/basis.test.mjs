// A lawful basis for every person (Art. 7(1), 9, 14), as a person meets it in the app: the form
// will not add anyone until a basis is chosen (a consent's purposes, or a ground's law); an
// employee goes in on Art. 9(10) and the Labour Code; a field outside the purposes of the consent
// is refused with the core's sentence; a file of employees is imported on one ground asked once;
// people whose consent was withdrawn (one of them weeks ago, now that his ground is removed) wait
// on the "without a basis" list with their one-working-day clock until they are given paper
// consents on file. Screenshots: artifacts/e2e/, and for the README docs/screenshots/
// (add-person-basis.png, import-basis.png, without-basis.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, artifacts, repo } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
const LAW = 'Еңбек кодексі, 23-бап';
const screenshots = path.join(repo, 'docs', 'screenshots');
let browser, stop, vault, csvPath;

/** dd.mm.yyyy, `days` from today. */
function day(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` }).toString();

before(async () => {
  ({ browser, stop } = await launch({
    // Its own ports, so this spec never meets another session's driver.
    port: 4460,
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      // A consent names the operator (Art. 8(4)(1)): the organisation's name and BIN first.
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      // № 1 and № 2 came on their consents (№ 1, № 2), then withdrew them: no basis left.
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Омарова', 'name=Дана', '--basis', 'consent', '--purpose', 'legal_aid']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Ким', 'name=Ольга', '--basis', 'consent', '--purpose', 'legal_aid']);
      run(['consent', 'withdraw', '1', '--channel', 'жазбаша өтініш']);
      run(['consent', 'withdraw', '2', '--channel', 'жазбаша өтініш']);
      // № 3 came when her consent could not be obtained (Art. 9(5)); she signed one a month ago
      // (№ 3) and withdrew it a few weeks ago: once the ground is removed, nothing is left since
      // that day. (An employee would stay: the Labour Code's retention period is his basis.)
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Бекова', 'name=Жанар', '--basis', 'art9:5', '--law', 'ҚР Конституциясы, 13-бап']);
      run(['consent', 'add', '3', '--purpose', 'legal_aid', '--given', day(-30)]);
      run(['consent', 'withdraw', '3', '--channel', 'жазбаша өтініш', '--on', day(-24)]);
      csvPath = path.join(h, 'staff.csv');
      writeFileSync(csvPath, 'Фамилия;Имя;E-mail\nТөлеуов;Марат;marat@jardem.kz\nИванова;Ольга;olga@jardem.kz\n');
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  await (await byId(browser, 'lang-en')).click();
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

/** Tick a checkbox or radio drawn as a card, as its label would. */
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

const open = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);

/** A screenshot in artifacts/e2e/ and the same image in docs/screenshots/ for the README
 * (the toasts of what came before dismissed first). */
async function docShot(name) {
  await browser.execute(() => document.querySelectorAll('.toast__close').forEach((b) => b.click()));
  await shot(browser, name);
  mkdirSync(screenshots, { recursive: true });
  copyFileSync(path.join(artifacts, `${name}.png`), path.join(screenshots, `${name}.png`));
}

/** Scroll an element to the top of the content pane. */
const scrollTo = (id) => browser.execute((sel) => document.querySelector(sel).scrollIntoView({ block: 'start' }), `[data-testid="${id}"]`);
const onForm = async () => (await browser.$('[data-testid="person-form"]')).isExisting();

test('the form adds nobody until a basis is chosen: a consent needs its purposes, a ground its law', async () => {
  await open('#/people/new');
  await byId(browser, 'person-form', 20_000);
  await (await byId(browser, 'person-kind')).selectByAttribute('value', 'beneficiary');
  // A beneficiary starts on their consent; nothing is ticked yet.
  assert.equal(await (await byId(browser, 'basis-consent')).isSelected(), true);
  await type('field-surname', 'Сейітова');
  await type('field-name', 'Әсел');
  await (await byId(browser, 'person-save')).click();
  const purposes = await byId(browser, 'basis-error-purposes');
  assert.match(await purposes.getText(), /purpose/i);
  await shot(browser, '80-basis-required');
  assert.ok(await onForm(), 'still on the form');

  // An Art. 9 ground without the law relied on is refused the same way.
  await press('basis-ground');
  await (await byId(browser, 'person-save')).click();
  const law = await byId(browser, 'basis-error-law');
  assert.match(await law.getText(), /law relied on/i);
  assert.ok(await onForm(), 'still on the form');
  await shot(browser, '81-basis-law-required');

  // Back to her consent, for legal aid: the basis section as the README shows it.
  await press('basis-consent');
  await press('basis-purpose-legal_aid');
  await scrollTo('person-basis');
  await docShot('add-person-basis');
});

test('an employee goes in on Art. 9(10) and the Labour Code', async () => {
  // A fresh form (the last one is still open with its basis as it was left).
  await open('#/people');
  await byId(browser, 'people-add', 20_000);
  await open('#/people/new');
  await byId(browser, 'person-form', 20_000);
  await (await byId(browser, 'person-kind')).selectByAttribute('value', 'employee');
  // Employees default to the ground of Art. 9(10).
  assert.equal(await (await byId(browser, 'basis-ground')).isSelected(), true);
  assert.equal(await (await byId(browser, 'basis-subparagraph')).getValue(), 'art9_10');
  await type('basis-law', LAW);
  await type('field-surname', 'Ахметов');
  await type('field-name', 'Руслан');
  await shot(browser, '82-basis-employee-ground');
  await (await byId(browser, 'person-save')).click();
  await byId(browser, 'person-page', 20_000);
  const ground = await byId(browser, 'lifecycle-ground-current');
  assert.equal(await ground.getAttribute('data-ground'), 'art9_10');
  assert.match(await ground.getText(), /Art\. 9\(10\)/);
  assert.match(await ground.getText(), new RegExp(LAW));
  await shot(browser, '83-basis-person-ground');
});

test("a field outside the consent's purposes comes back with the core's sentence (Art. 14)", async () => {
  await open('#/people/new');
  await byId(browser, 'person-form', 20_000);
  await (await byId(browser, 'person-kind')).selectByAttribute('value', 'beneficiary');
  // Humanitarian aid collects no e-mail: legal aid does.
  await press('basis-purpose-humanitarian_aid');
  await type('field-surname', 'Жұмабаев');
  await type('field-name', 'Ерлан');
  await type('field-email', 'erlan@example.kz');
  await byId(browser, 'field-uncovered-email');
  await (await byId(browser, 'person-save')).click();
  const err = await byId(browser, 'field-error-email', 20_000);
  const text = await err.getText();
  assert.match(text, /Art\. 14/);
  assert.match(text, /Legal aid/, 'the purpose by its name');
  assert.ok(await onForm(), 'still on the form');
  await shot(browser, '84-basis-outside-purposes');

  // Ticking the purpose that needs it lets the person in.
  await press('basis-purpose-legal_aid');
  await (await byId(browser, 'person-save')).click();
  await byId(browser, 'person-page', 20_000);
});

test('a file of employees is imported on the Labour Code, asked once for the batch', async () => {
  await open('#/people/import');
  await byId(browser, 'import-wizard', 20_000);
  await (await byId(browser, 'import-what-next')).click();
  await (await byId(browser, 'import-kind')).selectByAttribute('value', 'employee');
  await type('import-path', csvPath);
  await (await byId(browser, 'import-next')).click();
  await (await byId(browser, 'import-to-basis', 20_000)).click();
  await byId(browser, 'import-basis', 20_000);
  // Employees: Art. 9(10) by default; the law is named once for the file.
  assert.equal(await (await byId(browser, 'basis-ground')).isSelected(), true);
  await type('basis-law', LAW);
  await docShot('import-basis');
  await (await byId(browser, 'import-dry-run')).click();
  await byId(browser, 'import-report', 20_000);
  assert.match(await (await byId(browser, 'import-basis-summary')).getText(), new RegExp(LAW));
  await shot(browser, '85-import-basis-report');
  await (await byId(browser, 'import-run')).click();
  await byId(browser, 'people-total', 30_000);
});

test("removing the last ground of a person puts her on the list, overdue since her consent's withdrawal", async () => {
  await open('#/people/3');
  await byId(browser, 'person-page', 20_000);
  await (await byId(browser, 'legal-ground-edit')).click();
  await byId(browser, 'ground-dialog');
  // He has no consent in force: the dialog says what removing the ground means.
  await byId(browser, 'ground-remove-warning');
  // Clicked as the keyboard would: WebKitWebDriver's pointer misses buttons in this dialog.
  await press('legal-ground-remove');
  await browser.waitUntil(async () => (await (await byId(browser, 'lifecycle-ground-current')).getAttribute('data-ground')) === '', { timeout: 15_000, timeoutMsg: 'the ground is still shown' });
});

test('people without a basis wait on the list with their clock, until given paper consents on file', async () => {
  await open('#/lapsed');
  await byId(browser, 'lapsed-screen', 20_000);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="lapsed-row"]')).length === 3, { timeout: 15_000, timeoutMsg: 'the three people without a basis are not listed' });
  const rows = await browser.$$('[data-testid="lapsed-row"]');
  // Oldest first: № 3 withdrew her consent weeks ago; the day to act is long gone (red).
  assert.equal(await rows[0].getAttribute('data-number'), '3');
  assert.equal(await rows[0].getAttribute('data-reason'), 'consent_withdrawn');
  assert.equal(await rows[0].getAttribute('data-clock'), 'overdue');
  assert.match(await (await byId(browser, 'lapsed-clock-3')).getAttribute('class'), /clock-text--danger/);
  assert.match(await (await byId(browser, 'lapsed-clock-1')).getText(), /\d{2}\.\d{2}\.\d{4}|today/i);
  await docShot('without-basis');

  await press('lapsed-check-1');
  await (await byId(browser, 'lapsed-give-basis')).click();
  await byId(browser, 'give-basis');
  await press('basis-purpose-legal_aid');
  await shot(browser, '87-lapsed-give-basis');
  await (await byId(browser, 'give-basis-save')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="lapsed-row"]')).length === 2, { timeout: 15_000, timeoutMsg: 'the person given a basis is still listed' });
  await shot(browser, '88-lapsed-after');
});

test('after locking, the command line sees the bases the app recorded', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  const lapsed = JSON.parse(run(['--json', 'subject', 'lapsed']));
  assert.deepEqual(lapsed.map((l) => l.number).sort(), [2, 3]);
  const people = JSON.parse(run(['--json', 'subject', 'list']));
  // The three prepared, the employee and the beneficiary added in the form, the two imported;
  // not the one refused.
  assert.deepEqual(people.map((p) => p.surname).sort(), ['Ахметов', 'Бекова', 'Жұмабаев', 'Иванова', 'Ким', 'Омарова', 'Төлеуов'].sort());
  assert.ok(!people.some((p) => p.surname === 'Сейітова'), 'the person without a basis was never added');
});

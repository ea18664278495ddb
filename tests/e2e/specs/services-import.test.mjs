// The log of services an NGO kept before Derbes, imported in the real app: three people are in
// the register, and the log names them each a different way (by IIN, by Derbes number, by surname,
// name and birth date). The wizard asks what the file holds, guesses the columns, checks the file
// and lists the service types it names: two are recognised, "Юрконсультация" is not and blocks
// the way on until the user says it is a legal consultation. One row was imported before and is
// skipped. The summary counts services, people and days; the person found by number shows the
// service on her page, and the journal says what was imported.
// Screenshots: artifacts/e2e/, and for the README docs/screenshots/ (service-import-types.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, artifacts, repo } from '../harness.mjs';

const PASSWORD = 'күз келді, жапырақ сарғайды';
const screenshots = path.join(repo, 'docs', 'screenshots');
let browser, stop, vault, logPath;

/** A valid IIN by the law's rule (weights 1..11, then 3..11,1,2). */
function iin(prefix11) {
  const d = [...prefix11].map(Number);
  const sum = (w) => d.reduce((a, x, i) => a + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : prefix11 + c;
}
const firstValid = (prefix7) => {
  for (let s = 0; s < 10000; s++) {
    const v = iin(prefix7 + String(s).padStart(4, '0'));
    if (v) return v;
  }
};
const GULNAR_IIN = firstValid('9003084');

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` }).toString();

before(async () => {
  ({ browser, stop } = await launch({
    // Its own ports, so this spec never meets another session's driver.
    port: 4470,
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      // № 1 is found by number, № 2 by name and birth date, № 3 by IIN.
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Нұрланова', 'name=Ерке', 'phone=+77015550011', '--basis', 'consent', '--purpose', 'legal_aid']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Сейітова', 'name=Айжан', 'birth_date=12.05.1988', '--basis', 'consent', '--purpose', 'humanitarian_aid']);
      run(['subject', 'add', '--kind', 'beneficiary', 'surname=Жұмабаева', 'name=Гүлнар', `iin=${GULNAR_IIN}`, '--basis', 'consent', '--purpose', 'legal_aid']);
      // Her first visit came in from an earlier file: the same row again is already on file.
      const earlier = path.join(h, 'earlier.csv');
      writeFileSync(earlier, `Күні;ЖСН;Қызмет түрі\n15.02.2024;${GULNAR_IIN};Заң кеңесі\n`);
      run(['service', 'import', earlier]);
      logPath = path.join(h, 'Қызметтер журналы 2024-2025.csv');
      writeFileSync(
        logPath,
        [
          'Күні;ЖСН;Derbes №;Тегі;Аты;Туған күні;Қызмет түрі;Бағдарлама',
          `15.02.2024;${GULNAR_IIN};;;;;Заң кеңесі;Қамқор 2024`,
          '03.06.2024;;1;;;;Юрконсультация;',
          '20.09.2025;;;Сейітова;Айжан;12.05.1988;Продуктовый набор;Жылы үй',
          `30.11.2025;${GULNAR_IIN};;;;;Психологиялық қолдау;Қамқор 2024`,
          '',
        ].join('\n'),
      );
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

/** Click as the keyboard would (a toast may sit over the control). */
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

const open = (hash) => browser.execute((h) => { window.location.hash = h; }, hash);
const text = async (id) => (await byId(browser, id)).getText();

/** A screenshot in artifacts/e2e/ and the same image in docs/screenshots/ for the README. */
async function docShot(name) {
  await browser.execute(() => document.querySelectorAll('.toast__close').forEach((b) => b.click()));
  await shot(browser, name);
  mkdirSync(screenshots, { recursive: true });
  copyFileSync(path.join(artifacts, `${name}.png`), path.join(screenshots, `${name}.png`));
}

test('the import asks what the file holds; a service log goes to its own wizard', async () => {
  await (await byId(browser, 'nav-people')).click();
  await (await byId(browser, 'people-import')).click();
  await byId(browser, 'import-what-next', 20_000);
  assert.equal(await (await byId(browser, 'import-what-people')).isSelected(), true, 'people first, as before');
  await press('import-what-services');
  await shot(browser, '110-import-what');
  await (await byId(browser, 'import-what-next')).click();
  await byId(browser, 'service-import-wizard', 20_000);
});

test('the columns are guessed from Kazakh headers, and the check needs no more', async () => {
  await type('service-import-path', logPath);
  await (await byId(browser, 'service-import-next')).click();
  await byId(browser, 'service-import-check', 20_000);
  const guessed = [];
  for (let i = 0; i < 8; i++) guessed.push(await (await byId(browser, `service-import-map-${i}`)).getValue());
  assert.deepEqual(guessed, ['date', 'iin', 'number', 'surname', 'name', 'birth_date', 'service_type', 'programme']);
  assert.equal(await (await byId(browser, 'service-import-check')).isEnabled(), true);
  await shot(browser, '111-service-import-columns');
});

test('the service types: recognised ones are set, an unknown one blocks the way until chosen', async () => {
  await (await byId(browser, 'service-import-check')).click();
  const types = await byId(browser, 'service-import-types', 30_000);
  const rows = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="service-type-row"]')].map((r) => [r.getAttribute('data-value'), r.getAttribute('data-chosen')]),
  );
  assert.deepEqual(rows.map(([value]) => value), ['Заң кеңесі', 'Юрконсультация', 'Продуктовый набор', 'Психологиялық қолдау']);
  assert.deepEqual(rows.map(([, chosen]) => chosen), ['standard:legal_consultation', '', 'standard:food_package', 'standard:psychological_support']);
  assert.equal(await types.getAttribute('data-undecided'), '1');
  assert.equal(await (await byId(browser, 'service-import-to-report')).isEnabled(), false, 'no way on while a type is unknown');
  assert.match(await text('service-types-status'), /1 service still needs a choice/);
  await browser.execute(() => document.querySelector('.content')?.scrollTo(0, 0));
  await (await browser.$('.page__title')).click();
  await docShot('service-import-types');
  // In Kazakh, whose words run longest, nothing is clipped.
  await (await byId(browser, 'lang-kk')).click();
  await browser.waitUntil(async () => /Бұл қандай қызметтер/.test(await types.getText()), { timeout: 10_000, timeoutMsg: 'the step did not turn Kazakh' });
  await shot(browser, '112a-service-import-types-kk');
  await (await byId(browser, 'lang-en')).click();
  await browser.waitUntil(async () => /Which services are these/.test(await types.getText()), { timeout: 10_000, timeoutMsg: 'the step did not turn English' });

  // "Юрконсультация" is a legal consultation: chosen once for the file, and checked again.
  await (await byId(browser, 'service-type-choice-1')).selectByAttribute('value', 'standard:legal_consultation');
  await browser.waitUntil(async () => (await types.getAttribute('data-undecided')) === '0', { timeout: 20_000, timeoutMsg: 'the choice did not take' });
  await browser.waitUntil(async () => (await byId(browser, 'service-import-to-report')).isEnabled(), { timeout: 20_000, timeoutMsg: 'the way on stayed closed' });
  await byId(browser, 'service-type-chosen');
  await shot(browser, '112b-service-import-types-chosen');
});

test('the check counts services, people and days; one row is already on file', async () => {
  await (await byId(browser, 'service-import-to-report')).click();
  await byId(browser, 'service-import-report', 20_000);
  assert.equal(await text('service-import-rows'), '4');
  assert.equal(await text('service-import-accepted'), '3');
  assert.equal(await text('service-import-already'), '1');
  assert.equal(await text('service-import-rejected'), '0');
  const summary = await text('service-import-summary');
  assert.match(summary, /3 services for 3 people, 03\.06\.2024–30\.11\.2025/);
  assert.match(summary, /1 row is already on file and will be skipped/);
  // Every row found its person, the one already on file too.
  assert.match(await text('service-import-matched'), /by IIN: 2 · by Derbes number: 1 · by surname, name and birth date: 1/);
  assert.equal((await browser.$$('[data-testid="service-import-rejected-row"]')).length, 0);
  await shot(browser, '113-service-import-report');

  await (await byId(browser, 'service-import-run')).click();
  const done = await byId(browser, 'service-import-done', 30_000);
  assert.match(await done.getText(), /3 services for 3 people/);
  await shot(browser, '114-service-import-done');
});

test('the person found by number shows the service, as chosen; the journal says what came in', async () => {
  await open('#/people/1');
  await byId(browser, 'person-page', 20_000);
  await (await byId(browser, 'tab-services')).click();
  const table = await byId(browser, 'services-table', 20_000);
  const services = await table.getText();
  assert.match(services, /03\.06\.2024/);
  assert.match(services, /Legal consultation/);
  await shot(browser, '115-service-import-person');

  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => /Services received imported from a file/.test(await browser.$('body').getText()), { timeout: 15_000, timeoutMsg: 'the import is not in the journal' });
  assert.match(await browser.$('body').getText(), /3 services · 3 people · 1 already on file/);
});

test('the same file again adds nothing: every row is already on file', async () => {
  await open('#/people/import');
  await press('import-what-services');
  await (await byId(browser, 'import-what-next')).click();
  await type('service-import-path', logPath);
  await (await byId(browser, 'service-import-next')).click();
  await (await byId(browser, 'service-import-check', 20_000)).click();
  await byId(browser, 'service-import-types', 30_000);
  // The choice is asked again: it holds for one file's import, not for ever.
  await (await byId(browser, 'service-type-choice-1')).selectByAttribute('value', 'standard:legal_consultation');
  await browser.waitUntil(async () => (await byId(browser, 'service-import-to-report')).isEnabled(), { timeout: 20_000, timeoutMsg: 'the way on stayed closed' });
  await (await byId(browser, 'service-import-to-report')).click();
  await byId(browser, 'service-import-nothing-new', 20_000);
  assert.equal(await text('service-import-already'), '4');
  assert.equal(await (await browser.$('[data-testid="service-import-run"]')).isExisting(), false, 'nothing to import');
});

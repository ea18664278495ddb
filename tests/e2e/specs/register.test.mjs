// The register, as a person uses it: add someone through the form on their paper consent
// (fixing a wrong IIN on the way), find them, reveal their IIN, import a small CSV with one bad
// row on the batch's paper consents and see the dry-run report, then look at the Kazakh list and
// the demo's 500 people. Screenshots: artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, sleep, cli } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
let browser, home, stop, csvPath;

/** A valid IIN by the law's rule (weights 1..11, then 3..11,1,2). */
function iin(prefix11) {
  const d = [...prefix11].map(Number);
  const sum = (w) => d.reduce((a, x, i) => a + x * w[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return c === 10 ? null : prefix11 + c;
}
const firstValid = (birth, centurySex) => {
  for (let s = 0; s < 10000; s++) {
    const v = iin(birth + centurySex + String(s).padStart(4, '0'));
    if (v) return v;
  }
};
const AIGUL_IIN = firstValid('900308', '4');
const WRONG_IIN = AIGUL_IIN.slice(0, 11) + ((Number(AIGUL_IIN[11]) + 1) % 10);

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      const vault = path.join(h, 'Office vault');
      const derbes = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` });
      derbes(['init', '--name', 'Айгүл Серікова']);
      // A consent names the operator (Art. 8(4)(1)): the organisation's name and BIN first.
      derbes(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', '150440000003']);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
      // Someone's data arrived with markup in it: it must show as text, never run.
      derbes(['subject', 'add', '--kind', 'beneficiary', 'surname=<img src=x onerror=alert(1)>', 'name=Тест', '--basis', 'consent', '--purpose', 'legal_aid']);
      csvPath = path.join(h, 'beneficiaries.csv');
      const good = firstValid('750101', '3');
      writeFileSync(csvPath, `Фамилия;Имя;ИИН;Телефон\nЖұмабаев;Ерлан;${good};8 701 111 22 33\nКим;Ольга;12345;\n`);
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

/** Tick a checkbox or radio drawn as a card, as its label would. */
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

async function type(id, text) {
  const el = await byId(browser, id);
  await el.clearValue();
  if (text === '') {
    // Clear the way a person does, so React sees the input event.
    await el.click();
    await browser.keys(['Control', 'a']);
    await browser.keys('Backspace');
  } else {
    await el.setValue(text);
  }
}

test('add a person through the form, fixing a wrong IIN on the way', async () => {
  await (await byId(browser, 'nav-people')).click();
  await shot(browser, '20-people-empty');
  await (await byId(browser, 'people-add')).click();
  await (await byId(browser, 'person-kind')).selectByAttribute('value', 'beneficiary');
  await type('field-surname', 'Серікова');
  await type('field-name', 'Айгүл');
  await type('field-patronymic', 'Болатқызы');
  await type('field-iin', WRONG_IIN);
  await type('field-phone', '8 701 234 56 78');
  // Her basis: the paper consent she signed, for legal aid (the scan is due in five days).
  await press('basis-purpose-legal_aid');
  await shot(browser, '20b-person-form-basis');
  await (await byId(browser, 'person-save')).click();
  const err = await byId(browser, 'field-error-iin');
  assert.ok((await err.getText()).length > 0);
  await shot(browser, '21-person-form-error');

  await type('field-iin', AIGUL_IIN);
  await (await byId(browser, 'person-save')).click();
  await byId(browser, 'person-page', 20_000);
  await shot(browser, '22-person-page');
});

test('reveal the IIN (journaled) on the person page', async () => {
  const masked = await (await byId(browser, 'value-iin')).getText();
  assert.ok(masked.includes('•'), `masked first: ${masked}`);
  await (await byId(browser, 'reveal-iin')).click();
  await browser.waitUntil(async () => (await (await byId(browser, 'value-iin')).getText()).includes(AIGUL_IIN), { timeout: 10_000, timeoutMsg: 'the IIN was not revealed' });
  await shot(browser, '23-person-revealed');
  await (await byId(browser, 'tab-history')).click();
  await browser.waitUntil(async () => /reveal/i.test(await browser.$('body').getText()), { timeout: 10_000, timeoutMsg: 'the reveal is not in the history' });
  await shot(browser, '24-person-history');
});

test('find the person by a fragment of the name typed without Kazakh letters', async () => {
  await (await byId(browser, 'nav-people')).click();
  await type('people-search', 'серик');
  await browser.waitUntil(async () => (await browser.$$('[data-testid="people-row"]')).length === 1, { timeout: 10_000, timeoutMsg: 'search did not narrow to one row' });
  await shot(browser, '25-people-search');
});

test('a name with markup in it shows as text and runs nothing', async () => {
  await type('people-search', 'onerror');
  // The previous search also showed one row: wait for this one's text (textContent: WebDriver's
  // visible-text rule skips the ellipsised name cell).
  const rowText = () => browser.execute(() => [...document.querySelectorAll('[data-testid="people-row"]')].map((r) => r.textContent));
  await browser.waitUntil(async () => {
    const rows = await rowText();
    return rows.length === 1 && rows[0].includes('onerror');
  }, { timeout: 10_000, timeoutMsg: 'the hostile name was not found' });
  assert.match((await rowText())[0], /<img src=x onerror=alert\(1\)>/);
  const injected = await browser.execute(() => document.querySelectorAll('img[src="x"]').length);
  assert.equal(injected, 0, 'no element was created from the name');
  await shot(browser, '25b-people-hostile-name');
});

test('import a CSV with one bad row: the dry run names it and nothing is imported', async () => {
  await type('people-search', '');
  await (await byId(browser, 'people-import')).click();
  // The first step asks what the file holds: people, as before.
  await (await byId(browser, 'import-what-next')).click();
  await type('import-path', csvPath);
  await (await byId(browser, 'import-next')).click();
  await byId(browser, 'import-to-basis', 20_000);
  await shot(browser, '26-import-mapping');
  await (await byId(browser, 'import-to-basis')).click();
  // Asked once for the file: everyone in it signed a paper consent for legal aid.
  await byId(browser, 'import-basis', 20_000);
  await press('basis-purpose-legal_aid');
  await shot(browser, '26b-import-basis');
  await (await byId(browser, 'import-dry-run')).click();
  await byId(browser, 'import-report', 20_000);
  const rejected = await browser.$$('[data-testid="import-rejected-row"]');
  assert.equal(rejected.length, 1, 'exactly the bad row is reported');
  assert.match(await rejected[0].getText(), /3/);
  await shot(browser, '27-import-dry-run-report');
  assert.equal(await (await browser.$('[data-testid="import-run"]')).isExisting(), false, 'no import while a row is bad');
});

test('the list in Kazakh, then the demo vault with 500 people', async () => {
  await (await byId(browser, 'nav-people')).click();
  await (await byId(browser, 'lang-kk')).click();
  await sleep(300);
  await shot(browser, '28-people-kk');
  await (await byId(browser, 'lang-en')).click();
  await (await byId(browser, 'lock-button')).click();
  await (await byId(browser, 'unlock-demo')).click();
  await byId(browser, 'app-shell', 30_000);
  await (await byId(browser, 'nav-people')).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="people-row"]')).length > 10, { timeout: 15_000, timeoutMsg: 'the demo list did not fill' });
  const total = await (await byId(browser, 'people-total')).getText();
  assert.match(total.replace(/\s/g, ''), /500/);
  await shot(browser, '29-people-demo');
});

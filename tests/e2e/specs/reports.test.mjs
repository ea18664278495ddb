// Reports to donors, as a person uses them (in English): build a table of the people served by
// region and sex, export it as XLSX for a donor, compute a k-anonymous row-level release and
// export it as CSV, and see both files in the transfer ledger. The vault is filled with synthetic
// people by the CLI's `demo`. Screenshots: artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, sleep } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
let browser, home, stop, vault;
/** The surnames in the register, none of which may leave it. */
let surnames = [];

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

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n`, maxBuffer: 64 * 1024 * 1024 });

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      run(['org', 'set', '--name', '«Жәрдем» қоғамдық бірлестігі', '--bin', bin(), '--responsible', 'Айгүл Серікова']);
      // Synthetic people with services over several years, this year's included.
      run(['demo', '--subjects', '3000', '--seed', '11']);
      surnames = [...new Set(JSON.parse(run(['--json', 'subject', 'list']).toString()).map((p) => p.surname).filter(Boolean))];
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

/** Set an input's value as typing would (a month field may be drawn by the webview its own way). */
async function fill(id, value) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute(
    (sel, v) => {
      const input = document.querySelector(sel);
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    `[data-testid="${id}"]`,
    value,
  );
}

/** Toggle a checkbox or radio drawn as a card (the input itself may be visually hidden): a
 * click event, as the label would send. Also used for buttons a toast may cover. */
async function press(id) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForExist({ timeout: 15_000, timeoutMsg: `[data-testid="${id}"] never appeared` });
  await browser.execute((sel) => document.querySelector(sel).click(), `[data-testid="${id}"]`);
}

const scrollTop = () => browser.execute(() => document.querySelector('.content')?.scrollTo(0, 0));
const gone = (id) => async () => !(await (await browser.$(`[data-testid="${id}"]`)).isExisting());

test('build a table of the people served by region and sex', async () => {
  await (await byId(browser, 'nav-reports')).click();
  await byId(browser, 'report-build', 20_000);
  await fill('report-from', '2026-01');
  await fill('report-to', '2026-12');
  await (await byId(browser, 'report-by-0')).selectByAttribute('value', 'region');
  await (await byId(browser, 'report-by-1')).selectByAttribute('value', 'sex');
  await (await byId(browser, 'report-by-2')).selectByAttribute('value', '');
  // Service type only breaks down services.
  const serviceType = await browser.$('[data-testid="report-by-2"] option[value="service_type"]');
  assert.equal(await serviceType.isEnabled(), false);
  await shot(browser, 'reports-builder');
  await press('report-build');
  const result = await byId(browser, 'report-result', 30_000);
  await byId(browser, 'report-panel-0');
  await byId(browser, 'report-chart-0');
  assert.match(await (await byId(browser, 'report-title')).getText(), /People served, 01\.2026–12\.2026/);
  // Small cells are hidden in a table this size.
  const hidden = await result.$$('[data-mark]');
  assert.ok(hidden.length > 0, 'some cells are hidden');
  await sleep(600); // the result scrolls into view
  await shot(browser, 'reports-table');
});

test('export the table as XLSX for a donor', async () => {
  await press('report-export');
  await byId(browser, 'export-dialog');
  await press('export-format-xlsx');
  const out = path.join(home, 'donor-report.xlsx');
  await type('export-path', out);
  await type('export-recipient', 'Civil Initiatives Support Centre');
  await type('export-purpose', 'Annual report on grant № 12');
  await shot(browser, 'reports-export');
  await press('export-save');
  await browser.waitUntil(() => existsSync(out), { timeout: 30_000, timeoutMsg: 'the XLSX was not written' });
  assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
  await browser.waitUntil(gone('export-dialog'), { timeout: 15_000, timeoutMsg: 'the export dialog stayed open' });
  await press('reports-tab-ledger');
  await byId(browser, 'ledger-row-1', 20_000);
});

test('compute a k-anonymous release and export it as CSV', async () => {
  await press('reports-tab-release');
  await byId(browser, 'release-build', 20_000);
  await fill('release-from', '2026-01');
  await fill('release-to', '2026-12');
  await fill('release-k', '5');
  await scrollTop();
  await shot(browser, 'reports-release-builder');
  await press('release-build');
  await byId(browser, 'release-result', 60_000);
  const k = Number(await (await byId(browser, 'release-k-achieved')).getText());
  assert.ok(k >= 5, `k achieved ${k} is at least 5`);
  await sleep(600);
  await shot(browser, 'reports-release');

  await press('release-export');
  await byId(browser, 'export-dialog');
  await press('export-format-csv');
  const out = path.join(home, 'donor-release.csv');
  await type('export-path', out);
  await type('export-recipient', 'UNICEF Kazakhstan');
  await type('export-purpose', 'Mid-term monitoring');
  await press('export-save');
  await browser.waitUntil(() => existsSync(out), { timeout: 30_000, timeoutMsg: 'the CSV was not written' });
  await browser.waitUntil(gone('export-dialog'), { timeout: 15_000, timeoutMsg: 'the export dialog stayed open' });
  const text = readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter(Boolean);
  assert.equal(lines[0], 'Age,Sex,Place,Disability,Household size');
  assert.ok(lines.length > 10, 'the release has rows');
  const cells = new Set(lines.flatMap((l) => l.split(',')));
  const leaked = surnames.filter((s) => cells.has(s) || (s.length >= 4 && text.includes(s)));
  assert.deepEqual(leaked, [], 'no surname leaves the vault');
});

test('the ledger lists both files', async () => {
  await press('reports-tab-ledger');
  await byId(browser, 'ledger-row-2', 20_000);
  const rows = await browser.$$('[data-testid^="ledger-row-"]');
  assert.equal(rows.length, 2);
  assert.match(await (await byId(browser, 'ledger-row-1')).getText(), /Civil Initiatives Support Centre/);
  assert.match(await (await byId(browser, 'ledger-row-2')).getText(), /UNICEF Kazakhstan/);
  await scrollTop();
  await shot(browser, 'reports-ledger');
});

test('a second export under the same name asks before replacing the first', async () => {
  await press('reports-tab-table');
  await byId(browser, 'report-result', 20_000);
  await press('report-export');
  await byId(browser, 'export-dialog');
  await press('export-format-xlsx');
  const out = path.join(home, 'donor-report.xlsx');
  const first = readFileSync(out);
  await type('export-path', out);
  await type('export-recipient', 'Civil Initiatives Support Centre');
  await type('export-purpose', 'Corrected annual report');
  await press('export-save');
  await byId(browser, 'export-replace', 30_000);
  assert.match(await (await byId(browser, 'export-path-error')).getText(), /already there/);
  assert.deepEqual(readFileSync(out), first, 'the first file is untouched');
  await shot(browser, 'reports-export-file-exists');
  await press('export-replace');
  await browser.waitUntil(gone('export-dialog'), { timeout: 30_000, timeoutMsg: 'the export dialog stayed open' });
  assert.notDeepEqual(readFileSync(out), first, 'the file was replaced');
  await press('reports-tab-ledger');
  await byId(browser, 'ledger-row-3', 20_000);
});

test('the table in Kazakh, at 1024×768', async () => {
  await (await byId(browser, 'lang-kk')).click();
  await browser.setWindowSize(1024, 768).catch(() => {});
  await press('reports-tab-table');
  await byId(browser, 'report-stale', 20_000);
  await press('report-build');
  await browser.waitUntil(gone('report-stale'), { timeout: 30_000, timeoutMsg: 'the table was not rebuilt' });
  await sleep(600);
  await shot(browser, 'reports-table-kk-1024');
  await scrollTop();
  await shot(browser, 'reports-builder-kk-1024');
  await press('report-export');
  await byId(browser, 'export-dialog');
  await shot(browser, 'reports-export-kk-1024');
  await (await byId(browser, 'export-recipient')).click();
  await browser.keys('Escape');
  await browser.waitUntil(gone('export-dialog'), { timeout: 10_000, timeoutMsg: 'Esc did not close the dialog' });
});

test('after locking, the command line sees every transfer', async () => {
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-password', 20_000);
  const ledger = JSON.parse(run(['--json', 'transfer', 'list']).toString());
  assert.equal(ledger.length, 3);
  const verified = run(['transfer', 'verify', path.join(home, 'donor-release.csv')]).toString();
  assert.match(verified, /2/);
  const replaced = JSON.parse(run(['--json', 'transfer', 'verify', path.join(home, 'donor-report.xlsx')]).toString());
  assert.equal(replaced.number, 3);
});

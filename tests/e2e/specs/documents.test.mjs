// The documents an inspector asks for, as the responsible person makes them (in Kazakh): the
// organisation and its head set in Settings, a volunteer marked as seeing the data at work, the
// policy previewed and saved as PDF from the Documents screen, then the compliance pack as a ZIP
// with what it lacks. The policy's first page is rendered with pdftoppm. Screenshots:
// artifacts/e2e/, and for the README docs/screenshots/ (documents.png, document-preview.png,
// policy-page1.png).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli, artifacts, repo } from '../harness.mjs';

const PASSWORD = 'тауда қар жауды кеше түнде';
const ORG = '«Жәрдем» қоғамдық бірлестігі';
const HEAD = 'Ержан Тоқтаров';
const screenshots = path.join(repo, 'docs', 'screenshots');
let browser, home, stop, vault, policyFile, packFile;

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

const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', 'Айгүл Серікова']);
      // № 1: a volunteer who will see the data at work; then people to make the pack real.
      // Where the CLI asks for the basis of processing, his consent to social support (a consent
      // names the operator, so the organisation's name and BIN come first).
      try {
        run(['subject', 'add', '--kind', 'volunteer', 'surname=Ахметов', 'name=Нұрлан']);
      } catch {
        run(['org', 'set', '--name', ORG, '--bin', bin()]);
        run(['subject', 'add', '--kind', 'volunteer', 'surname=Ахметов', 'name=Нұрлан', '--basis', 'consent', '--purpose', 'social_support']);
      }
      run(['demo', '--subjects', '20']);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  policyFile = path.join(home, 'Саясат-№1.pdf');
  packFile = path.join(home, 'Жәрдем-тексеруге.zip');
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
const paperRow = (paper) => browser.$(`[data-testid="paper-row"][data-paper="${paper}"]`);
const toastsGone = () => browser.waitUntil(async () => !(await exists('toast')), { timeout: 15_000, timeoutMsg: 'a toast stayed' });

/** A screenshot in artifacts/e2e/ and the same image in docs/screenshots/ for the README. */
async function docShot(name) {
  await shot(browser, name);
  mkdirSync(screenshots, { recursive: true });
  copyFileSync(path.join(artifacts, `${name}.png`), path.join(screenshots, `${name}.png`));
}

test('set the organisation and its head in Settings', async () => {
  await (await byId(browser, 'nav-settings')).click();
  await byId(browser, 'settings-org', 20_000);
  await type('settings-org-name', ORG);
  await type('settings-org-bin', bin());
  await type('settings-org-address', 'Алматы қ., Абай даңғылы, 10');
  await type('settings-org-responsibleName', 'Айгүл Серікова');
  await type('settings-org-responsibleContacts', '+7 701 234 56 78, info@jardem.kz');
  await type('settings-org-headName', HEAD);
  await type('settings-org-headPosition', 'Төраға');
  await (await byId(browser, 'settings-org-save')).click();
  await byId(browser, 'toast');
  // Saved: the pack below finds the head set (no "head_missing").
  assert.equal(await (await byId(browser, 'settings-org-headName')).getValue(), HEAD);
});

test('a volunteer is marked as seeing personal data at work on their page', async () => {
  await toastsGone();
  await open('#/people/1');
  await byId(browser, 'person-page', 20_000);
  const toggle = await byId(browser, 'person-sees-data');
  assert.equal(await toggle.isSelected(), false);
  await press('person-sees-data');
  await browser.waitUntil(() => toggle.isSelected(), { timeout: 10_000, timeoutMsg: 'the switch did not turn on' });
  await byId(browser, 'toast');
});

test('the Documents screen lists every paper, never made yet, and an undertaking for the user and the volunteer', async () => {
  await toastsGone();
  await (await byId(browser, 'nav-documents')).click();
  await byId(browser, 'documents-screen', 20_000);
  await browser.waitUntil(async () => (await browser.$$('[data-testid="paper-row"]')).length === 6, { timeout: 20_000, timeoutMsg: 'not four papers and two undertakings' });
  for (const paper of ['policy', 'inventory', 'order', 'retention']) {
    assert.equal(await (await paperRow(paper)).getAttribute('data-status'), 'never', paper);
  }
  const undertakings = await (await byId(browser, 'papers-undertakings')).getText();
  assert.match(undertakings, /Айгүл Серікова/);
  assert.match(undertakings, /Ахметов Нұрлан/);
  // The documents are in Kazakh unless the person chooses Russian.
  assert.equal(await (await byId(browser, 'papers-lang')).getAttribute('data-value'), 'kk');
});

test('preview the policy: its pages as images, and the number it will get', async () => {
  await (await byId(browser, 'paper-preview-policy')).click();
  await byId(browser, 'paper-preview');
  // Typst lays it out in the core (a debug build is slow).
  const number = await byId(browser, 'paper-preview-number', 120_000);
  assert.equal(await number.getAttribute('data-number'), '1');
  const pages = await browser.$$('[data-testid="paper-preview-page"]');
  assert.ok(pages.length >= 1, 'at least one page');
  assert.match(await pages[0].getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  // Each image is drawn (an SVG the engine refused would have no size).
  await browser.waitUntil(
    () => browser.execute(() => [...document.querySelectorAll('[data-testid="paper-preview-page"]')].every((img) => img.complete && img.naturalWidth > 0)),
    { timeout: 20_000, timeoutMsg: 'a page was not drawn' },
  );
  await docShot('document-preview');
});

test('save the policy in Kazakh from the preview: a PDF/A file, and its first page rendered', async () => {
  await (await byId(browser, 'paper-preview-save')).click();
  await byId(browser, 'save-dialog');
  // The suggested name carries the number the preview said.
  await browser.waitUntil(async () => (await (await byId(browser, 'save-path')).getValue()).endsWith('Саясат-№1.pdf'), { timeout: 10_000, timeoutMsg: 'no name was suggested' });
  await type('save-path', policyFile);
  await (await byId(browser, 'save-confirm')).click();
  await browser.waitUntil(() => existsSync(policyFile), { timeout: 120_000, timeoutMsg: 'the policy was not written' });
  const pdf = readFileSync(policyFile);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.toString('latin1'), /pdfaid:part/, 'PDF/A metadata');
  await browser.waitUntil(async () => !(await exists('save-dialog')) && !(await exists('paper-preview')), { timeout: 30_000, timeoutMsg: 'the dialogs stayed open' });
  await browser.waitUntil(async () => (await (await paperRow('policy')).getAttribute('data-status')) === 'current', { timeout: 20_000, timeoutMsg: 'the policy is not listed as up to date' });
  assert.match(await (await paperRow('policy')).getText(), /№ 1/);

  // Its first page, as an image, for the README.
  mkdirSync(screenshots, { recursive: true });
  const out = path.join(artifacts, 'policy-page1');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', policyFile, out]);
  assert.ok(existsSync(`${out}.png`), 'pdftoppm rendered the first page');
  copyFileSync(`${out}.png`, path.join(screenshots, 'policy-page1.png'));

  await toastsGone();
  await browser.execute(() => document.querySelector('.content')?.scrollTo(0, 0));
  // The pointer off the rows, so none is drawn hovered.
  await (await browser.$('.page__title')).click();
  await docShot('documents');
});

test('make the compliance pack: a ZIP, the files it holds and what an inspector will not find', async () => {
  const card = await byId(browser, 'pack-card');
  await card.scrollIntoView();
  assert.equal(await (await byId(browser, 'pack-scans')).isSelected(), false, 'scans are left out unless asked for');
  await press('pack-make');
  await byId(browser, 'save-dialog');
  await browser.waitUntil(async () => (await (await byId(browser, 'save-path')).getValue()).endsWith('.zip'), { timeout: 10_000, timeoutMsg: 'no pack name was suggested' });
  await type('save-path', packFile);
  await (await byId(browser, 'save-confirm')).click();

  // Every paper not up to date is typeset for the pack.
  const result = await byId(browser, 'pack-result', 300_000);
  assert.ok(existsSync(packFile), 'the pack was written');
  assert.equal(readFileSync(packFile).subarray(0, 2).toString(), 'PK');
  assert.equal(await result.getAttribute('data-journal-ok'), 'true');
  assert.ok(Number(await result.getAttribute('data-files')) >= 7, 'the papers, the tables and the index');
  const keys = await browser.execute(() => [...document.querySelectorAll('[data-testid="pack-missing-item"]')].map((li) => li.getAttribute('data-key')));
  assert.ok(keys.includes('no_acts'), 'no destruction acts yet');
  // The registers of requests and breaches are in the pack; none is overdue here.
  assert.ok(!keys.includes('requests_overdue_missing') && !keys.includes('breach_notice_missing'), keys.join(', '));
  assert.ok(!keys.includes('head_missing'), 'the head was set');
  assert.ok(!keys.includes('policy_not_approved'), 'the policy was made before');
  // Each missing item is a sentence in the app's language (Kazakh here), not a key.
  assert.match(await result.getText(), /Жою актілері әлі жоқ\./);
  await toastsGone();
  await result.scrollIntoView();
  await shot(browser, 'pack-result');
  // The papers made for the pack are up to date now.
  for (const paper of ['inventory', 'order', 'retention']) {
    assert.equal(await (await paperRow(paper)).getAttribute('data-status'), 'current', paper);
  }
});

test('the journal names what was made', async () => {
  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => /Құжат жасалды \(PDF\)/.test(await browser.$('body').getText()), { timeout: 15_000, timeoutMsg: 'the journal does not show the paper' });
  assert.match(await browser.$('body').getText(), /Тексеруге арналған топтама жасалды/);
});

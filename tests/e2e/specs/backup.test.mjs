// Backups, as the responsible person meets them: a vault of 40 people made with the CLI, unlocked
// in the app; the Backups screen says there is none yet; a backup is made to a path typed in the
// dialog (a OneDrive folder is named first) and listed; then, locked, the vault is restored from
// that backup on the unlock screen into a new folder with the password, and the app opens the
// restored copy with its 40 people. Screenshots: artifacts/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, byId, shot, cli } from '../harness.mjs';

const PASSWORD = 'correct horse battery staple';
const NAME = 'Айгүл Серікова';
let browser, stop, home, vault, usb, backupFile, restoredDir;

/** The CLI on the prepared vault, the password on its standard input. */
const run = (args) => execFileSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n` });

before(async () => {
  ({ browser, home, stop } = await launch({
    prepare: (h) => {
      vault = path.join(h, 'Office vault');
      run(['init', '--name', NAME]);
      run(['demo', '--subjects', '40']);
      // The "USB stick" the backup goes to.
      usb = path.join(h, 'KINGSTON');
      mkdirSync(usb);
      const config = path.join(h, '.config', 'kz.derbes.app');
      mkdirSync(config, { recursive: true });
      writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
    },
  }));
  backupFile = path.join(usb, 'office.derbes-backup');
  restoredDir = path.join(home, 'Restored vault');
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
const rows = () => browser.$$('[data-testid="backup-row"]');

test('unlock, open Backups: there is no backup yet, and the screen says so', async () => {
  await byId(browser, 'unlock-screen', 20_000);
  await type('unlock-password', PASSWORD);
  await (await byId(browser, 'unlock-submit')).click();
  await byId(browser, 'app-shell', 20_000);
  // The dashboard reminds: a real vault with no backup.
  await byId(browser, 'dashboard-backup', 20_000);
  await (await byId(browser, 'nav-backups')).click();
  await byId(browser, 'backups-screen', 20_000);
  await byId(browser, 'backup-overdue');
  await byId(browser, 'backup-list-empty');
});

test('make a backup to a typed path: a OneDrive folder is named first; the backup is listed', async () => {
  await (await byId(browser, 'backup-make')).click();
  await byId(browser, 'backup-dialog');
  // The suggested path, in the home folder.
  await browser.waitUntil(async () => (await (await byId(browser, 'backup-path')).getValue()).endsWith('.derbes-backup'), { timeout: 10_000, timeoutMsg: 'no path was suggested' });
  await type('backup-path', path.join(home, 'OneDrive', 'office.derbes-backup'));
  const warning = await byId(browser, 'backup-cloud');
  assert.equal(await warning.getAttribute('data-service'), 'OneDrive');
  assert.equal(await (await byId(browser, 'backup-submit')).isEnabled(), false, 'no backup into a cloud folder unless the person says so');
  await shot(browser, 'backup-dialog');

  await type('backup-path', backupFile);
  await browser.waitUntil(async () => !(await exists('backup-cloud')), { timeout: 5_000, timeoutMsg: 'the cloud warning stayed for a USB stick' });
  await (await byId(browser, 'backup-submit')).click();
  await browser.waitUntil(async () => !(await exists('backup-dialog')), { timeout: 60_000, timeoutMsg: 'the backup dialog stayed open' });
  await byId(browser, 'toast');
  await browser.waitUntil(async () => (await rows()).length === 1, { timeout: 15_000, timeoutMsg: 'the backup is not listed' });
  const row = (await rows())[0];
  assert.equal(await row.getAttribute('data-state'), 'kept');
  assert.match(await row.getText(), /40 people/);
  assert.ok(existsSync(backupFile), 'the backup file was written');
  assert.ok(existsSync(path.join(usb, 'office.derbes-log')), 'the destruction log was written beside it');
  // It is recent: no reminder now.
  assert.equal(await exists('backup-overdue'), false);
  await (await byId(browser, 'backup-last-when')).waitForDisplayed();
  await shot(browser, 'backup-list');
});

test('lock, restore from the backup on the unlock screen into a new folder, and land in the restored vault', async () => {
  // The toast about the backup has gone by itself.
  await browser.waitUntil(async () => !(await exists('toast')), { timeout: 10_000, timeoutMsg: 'the success toast stayed' });
  await (await byId(browser, 'lock-button')).click();
  await byId(browser, 'unlock-screen', 20_000);
  await (await byId(browser, 'unlock-restore')).click();
  await byId(browser, 'restore-dialog');
  await type('restore-file', backupFile);
  await type('restore-folder', restoredDir);
  await type('restore-password', PASSWORD);
  await shot(browser, 'restore-dialog');
  await (await byId(browser, 'restore-submit')).click();

  await byId(browser, 'app-shell', 60_000);
  const vaultName = await byId(browser, 'app-shell').then((s) => s.$('.topbar__vault-name'));
  assert.equal(await vaultName.getAttribute('title'), restoredDir, 'the restored copy is the vault open now');
  // The destruction log beside the backup was found: no warning.
  assert.equal(await exists('restore-no-log'), false);
  assert.ok(existsSync(restoredDir), 'the restored vault is on disk');

  await (await byId(browser, 'nav-people')).click();
  const total = await byId(browser, 'people-total', 20_000);
  await browser.waitUntil(async () => (await total.getAttribute('data-total')) === '40', { timeout: 20_000, timeoutMsg: 'the restored vault does not hold 40 people' });
  await shot(browser, 'backup-restored');
});

test('the original vault is untouched and the restore is in the restored copy\'s journal', async () => {
  // The app holds the restored copy; the original is free for the CLI.
  assert.match(run(['journal', 'verify']).toString(), /intact/);
  await (await byId(browser, 'nav-journal')).click();
  await browser.waitUntil(async () => /restored from a backup/i.test(await browser.$('body').getText()), { timeout: 15_000, timeoutMsg: 'the journal does not show the restore' });
});

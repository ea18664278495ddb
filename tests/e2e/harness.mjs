// Drives the real Derbes binary: tauri-driver (WebDriver server for Tauri apps) starts the app
// with WebKitWebDriver under the X display the caller provides (xvfb-run in scripts/test.sh).
// Each session gets its own HOME, so recent vaults and default folders never leak between runs.

import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, mkdirSync, existsSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
// DERBES_E2E_ARTIFACTS: another folder, e.g. for the smoke test of the installed package.
export const artifacts = process.env.DERBES_E2E_ARTIFACTS ?? path.join(repo, 'artifacts', 'e2e');
const app = process.env.DERBES_APP ?? path.join(repo, 'target', 'debug', 'derbes-app');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Wait until something listens on the port (asking tauri-driver's /status before the native
 * driver is up makes it print a backtrace). */
async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(200);
  }
  throw new Error(`tauri-driver did not start on port ${port}`);
}

/** The derbes CLI, for preparing vaults before the app starts. */
export const cli = process.env.DERBES_CLI ?? path.join(repo, 'target', 'debug', 'derbes');

/** Start tauri-driver and the app; returns { browser, home, stop, driverPid, sessionRequestedAt }
 * (the driver's process id, whose descendants are WebKitWebDriver and the app, and the
 * `performance.now()` at which the WebDriver session was requested). `prepare(home)` runs before
 * the app starts (e.g. to create a vault with the CLI and list it as recently opened). */
export async function launch({ port = 4444, prepare } = {}) {
  if (!existsSync(app)) throw new Error(`the app is not built: ${app}`);
  mkdirSync(artifacts, { recursive: true });
  const home = mkdtempSync(path.join(tmpdir(), 'derbes-e2e-home-'));
  if (prepare) await prepare(home);
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), LANG: 'C.UTF-8' };
  const driverBin = process.env.TAURI_DRIVER ?? 'tauri-driver';
  // Its own process group, so the driver, WebKitWebDriver and the app can be killed together;
  // output to a log file, never to the test runner's pipe (an app that outlived its session
  // would hold that pipe open and the runner would wait for ever).
  const log = openSync(path.join(artifacts, `tauri-driver-${port}.log`), 'a');
  const driver = spawn(driverBin, ['--port', String(port), '--native-port', String(port + 1)], { env, stdio: ['ignore', log, log], detached: true });
  await waitForPort(port, 20_000);
  // When the session (and so the app) was asked for: the benchmark measures start-up from here.
  const sessionRequestedAt = performance.now();
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    // WebKitWebDriver speaks classic WebDriver only; WebdriverIO 9 would otherwise ask for BiDi.
    capabilities: { 'tauri:options': { application: app }, 'wdio:enforceWebDriverClassic': true },
  });
  const stop = async () => {
    try {
      await browser.deleteSession();
    } catch {
      // the app may already be gone
    }
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {
      // the group has already exited
    }
    // An app that left the driver's group (reparented) is found by its binary and home.
    spawnSync('pkill', ['-KILL', '-f', app], { stdio: 'ignore' });
    closeSync(log);
  };
  return { browser, home, stop, driverPid: driver.pid, sessionRequestedAt };
}

/** The element with `data-testid`, once it is displayed. */
export async function byId(browser, id, timeout = 15_000) {
  const el = await browser.$(`[data-testid="${id}"]`);
  await el.waitForDisplayed({ timeout, timeoutMsg: `[data-testid="${id}"] never appeared` });
  return el;
}

/** Save a screenshot as artifacts/e2e/NAME.png. */
export async function shot(browser, name) {
  await sleep(400); // let transitions settle
  await browser.saveScreenshot(path.join(artifacts, `${name}.png`));
}

export { sleep };

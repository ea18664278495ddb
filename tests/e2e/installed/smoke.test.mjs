// The installed package, started from where it was installed (DERBES_APP=/usr/bin/derbes-app,
// set by packaging/linux/test-deb.sh): one step, the first screen, to prove the package carries a
// whole app. Screenshots go to DERBES_E2E_ARTIFACTS (artifacts/e2e-installed/).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, byId, shot } from '../harness.mjs';

let browser, stop;

before(async () => {
  assert.ok(process.env.DERBES_APP, 'DERBES_APP names the installed binary');
  ({ browser, stop } = await launch());
});

after(async () => {
  await stop?.();
});

test('the installed app opens on its first screen, with the demo on offer', async () => {
  await byId(browser, 'welcome-create', 30_000);
  await byId(browser, 'welcome-demo');
  await shot(browser, 'installed-welcome');
  await (await byId(browser, 'lang-en')).click();
  await shot(browser, 'installed-welcome-en');
});

// The app's Content Security Policy stays strict: no eval, no inline scripts, no remote origins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repo } from '../harness.mjs';

test('the CSP allows only the app itself and Tauri IPC', () => {
  const conf = JSON.parse(readFileSync(path.join(repo, 'src-tauri', 'tauri.conf.json'), 'utf8'));
  const csp = conf.app.security.csp;
  assert.equal(typeof csp, 'object', 'a CSP is set');
  const all = Object.values(csp).join(' ');
  assert.doesNotMatch(all, /unsafe-eval/);
  assert.doesNotMatch(csp['script-src'], /unsafe-inline/);
  assert.doesNotMatch(all, /https?:\/\/(?!ipc\.localhost)/, 'no remote origins');
  assert.equal(csp['default-src'], "'self'");
  assert.equal(csp['object-src'], "'none'");
});

// App start to first frame and app memory with 100,000 people (a benchmark, not part of CI).
//
//   cargo build --release -p derbes-app -p derbes     # after `npm run build` in ui/
//   cd tests/e2e && xvfb-run -a -s "-screen 0 1400x900x24" node ../../scripts/bench-app.mjs
//
// Uses the release builds (DERBES_APP / DERBES_CLI override them). Options (environment):
//   BENCH_RUNS=5        start-up runs; BENCH_MEM_RUNS=3 memory runs (each a fresh app)
//   BENCH_PEOPLE=100000 people in the vault; BENCH_VAULT=DIR keeps (and reuses) the vault there
// Writes artifacts/bench-app.md (a markdown table) and prints it. The harness's stop kills every
// process running the app's binary: don't use that binary for anything else meanwhile (or point
// DERBES_APP at a copy).
//
// Start: "session start → unlock screen visible" is the wall time from asking tauri-driver for a
// session (which starts the app) until the unlock screen's password field is displayed, polled
// every 10 ms; "navigation start → first contentful paint" is the page's own paint timing.
// Memory: RSS and PSS (/proc/PID/smaps_rollup) of derbes-app and of every process below it
// (WebKitWebProcess, WebKitNetworkProcess, any sandbox helpers).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
process.env.DERBES_APP ??= path.join(root, 'target', 'release', 'derbes-app');
process.env.DERBES_CLI ??= path.join(root, 'target', 'release', 'derbes');
// The harness reads DERBES_APP / DERBES_CLI when it is loaded, so it is loaded after them.
const { launch, byId, shot, cli, sleep } = await import('../tests/e2e/harness.mjs');

const PASSWORD = 'bench: тауда қар жауды кеше түнде';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MEM_RUNS = Number(process.env.BENCH_MEM_RUNS ?? 3);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 4470);
const MB = 1e6;

// ---------------------------------------------------------------------------------------------
// The vault

function derbes(vault, args) {
  const r = spawnSync(cli, ['--vault', vault, '--password-stdin', ...args], { input: `${PASSWORD}\n`, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`derbes ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function prepareVault() {
  const keep = process.env.BENCH_VAULT;
  const vault = keep ?? path.join(tmpdir(), `derbes-bench-app-${process.pid}`, 'vault');
  if (keep && existsSync(path.join(vault, 'keyslots'))) {
    console.error(`reusing the vault in ${vault}`);
    return { vault, temporary: false };
  }
  rmSync(vault, { recursive: true, force: true });
  mkdirSync(path.dirname(vault), { recursive: true });
  console.error(`preparing a vault of ${PEOPLE} people in ${vault} …`);
  const t = performance.now();
  derbes(vault, ['init', '--name', 'Bench']);
  derbes(vault, ['demo', '--subjects', String(PEOPLE)]);
  console.error(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { vault, temporary: !keep };
}

const listVault = (vault) => (home) => {
  const config = path.join(home, '.config', 'kz.derbes.app');
  mkdirSync(config, { recursive: true });
  writeFileSync(path.join(config, 'recent-vaults.json'), JSON.stringify([vault]));
};

// ---------------------------------------------------------------------------------------------
// Processes and their memory

function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may hold spaces: the fields after the last ')' are fixed.
    const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { pid, comm, ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
function procStartTicks(pid) {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[19]);
}

/** When the machine booted, in milliseconds since the epoch (to 10 ms, from /proc/uptime). */
function bootEpochMs() {
  const up = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return performance.timeOrigin + performance.now() - up * 1000;
}

function allProcs() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => procStat(Number(d)))
    .filter(Boolean);
}

function descendants(pid, procs = allProcs()) {
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    for (const c of procs) if (c.ppid === p) {
      out.push(c);
      queue.push(c.pid);
    }
  }
  return out;
}

/** The kernel's name for the process (comm is cut to 15 characters: use the executable's). */
function procName(p) {
  try {
    return path.basename(readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0')[0]) || p.comm;
  } catch {
    return p.comm;
  }
}

function memory(pid) {
  const kb = (text, key) => {
    const m = text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : null;
  };
  let rss = null;
  let pss = null;
  let pssAnon = null;
  let pssFile = null;
  let pssShmem = null;
  try {
    rss = kb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  } catch {
    // gone
  }
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    pss = kb(rollup, 'Pss');
    pssAnon = kb(rollup, 'Pss_Anon');
    pssFile = kb(rollup, 'Pss_File');
    pssShmem = kb(rollup, 'Pss_Shmem');
  } catch {
    // not readable (another user, or an old kernel)
  }
  return { rss, pss, pssAnon, pssFile, pssShmem };
}

/** The app process under the driver, and everything below it, with their memory. */
function appTree(driverPid) {
  const procs = allProcs();
  const app = descendants(driverPid, procs).find((p) => procName(p) === 'derbes-app');
  if (!app) {
    const seen = descendants(driverPid, procs).map((p) => `${p.pid} ${procName(p)} (parent ${p.ppid})`);
    throw new Error(`derbes-app is not running under tauri-driver ${driverPid}; below it: ${seen.join(', ') || 'nothing'}`);
  }
  const tree = [app, ...descendants(app.pid, procs)].map((p) => ({ pid: p.pid, name: procName(p), ...memory(p.pid) }));
  return tree;
}

function summarise(tree) {
  const sum = (list, k) => list.reduce((a, p) => (a === null || p[k] === null ? null : a + p[k]), 0);
  const byName = {};
  for (const p of tree) {
    const key = p.name;
    byName[key] ??= { count: 0, rss: 0, pss: 0, pssAnon: 0, pssFile: 0, pssShmem: 0 };
    byName[key].count += 1;
    byName[key].rss += p.rss ?? 0;
    for (const k of ['pss', 'pssAnon', 'pssFile', 'pssShmem']) byName[key][k] += p[k] ?? NaN;
  }
  return { byName, rss: sum(tree, 'rss'), pss: sum(tree, 'pss') };
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs, f) => (xs.length > 1 ? ` (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : '');
const ms = (x) => `${Math.round(x)} ms`;
const mb = (x) => (x === null || Number.isNaN(x) ? 'n/a' : `${(x / MB).toFixed(0)} MB`);
const fmt = (xs, f) => (xs.length ? `${f(median(xs))}${spread(xs, f)}` : 'n/a');

// ---------------------------------------------------------------------------------------------
// Sessions

/** Whether something already listens on the port (a driver left behind would take the session). */
const portInUse = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function open(vault) {
  for (let i = 0; i < 50 && (await portInUse(PORT)); i++) await sleep(100);
  if (await portInUse(PORT)) throw new Error(`port ${PORT} is taken (a tauri-driver left behind?): set BENCH_PORT`);
  return launch({ port: PORT, prepare: listVault(vault) });
}

// ---------------------------------------------------------------------------------------------
// Start to first frame

async function startRun(vault, i) {
  const session = await open(vault);
  const { browser, sessionRequestedAt, stop } = session;
  try {
    const field = await browser.$('[data-testid="unlock-password"]');
    await browser.waitUntil(() => field.isDisplayed(), { timeout: 60_000, interval: 10, timeoutMsg: 'the unlock screen never appeared' });
    const visibleAt = performance.now();
    const visible = visibleAt - sessionRequestedAt;
    const page = await browser.execute(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const nav = performance.getEntriesByType('navigation')[0];
      const t = performance.timing;
      return {
        fcp: paint['first-contentful-paint'] ?? null,
        fp: paint['first-paint'] ?? null,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : t.domContentLoadedEventEnd - t.navigationStart,
        load: nav ? nav.loadEventEnd : t.loadEventEnd - t.navigationStart,
        paintSupported: (globalThis.PerformanceObserver?.supportedEntryTypes ?? []).includes('paint'),
        timeOrigin: performance.timeOrigin,
      };
    });
    const tree = appTree(session.driverPid);
    // On one clock (milliseconds since the epoch): the session request, the app's exec (from
    // /proc/PID/stat's start time, in 10 ms ticks since boot), and the page's navigation start.
    const requested = performance.timeOrigin + sessionRequestedAt;
    const appExec = bootEpochMs() + procStartTicks(tree[0].pid) * (1000 / TICKS);
    const web = tree.find((p) => p.name === 'WebKitWebProcess');
    const breakdown = {
      requestToExec: appExec - requested,
      execToWebProcess: web ? (procStartTicks(web.pid) - procStartTicks(tree[0].pid)) * (1000 / TICKS) : null,
      execToNavigation: page.timeOrigin - appExec,
      execToFcp: page.fcp === null ? null : page.timeOrigin + page.fcp - appExec,
      execToVisible: performance.timeOrigin + visibleAt - appExec,
    };
    if (i === 0) await shot(browser, 'bench-unlock-screen');
    console.error(`start ${i + 1}/${RUNS}: unlock visible after ${ms(visible)} (request → exec ${ms(breakdown.requestToExec)}, exec → navigation ${ms(breakdown.execToNavigation)}, exec → visible ${ms(breakdown.execToVisible)}); FCP ${page.fcp === null ? 'n/a' : ms(page.fcp)}; DOMContentLoaded ${ms(page.domContentLoaded)}`);
    return { visible, ...page, ...breakdown, idle: summarise(tree) };
  } finally {
    await stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Memory with the vault open

async function memRun(vault, i) {
  const session = await open(vault);
  const { browser, stop } = session;
  const stages = {};
  try {
    await (await byId(browser, 'lang-en')).click();
    const field = await byId(browser, 'unlock-password', 60_000);
    await field.setValue(PASSWORD);
    const t0 = performance.now();
    await (await byId(browser, 'unlock-submit')).click();
    await byId(browser, 'app-shell', 60_000);
    const unlockMs = performance.now() - t0;

    await (await byId(browser, 'nav-people')).click();
    await browser.waitUntil(async () => (await (await byId(browser, 'people-total')).getAttribute('data-total')) === String(PEOPLE), {
      timeout: 60_000,
      timeoutMsg: `the People screen does not show ${PEOPLE} people`,
    });
    await browser.waitUntil(async () => (await browser.$$('[data-testid="people-row"]')).length > 10, { timeout: 30_000, timeoutMsg: 'the list did not fill' });
    // Scroll the list: a few screens down, then far down, then back.
    for (const to of [2_000, 6_000, 20_000, 200_000, 1_000_000, 0]) {
      await browser.execute((y) => {
        const s = document.querySelector('.table-scroll');
        s.scrollTop = y;
        s.dispatchEvent(new Event('scroll'));
      }, to);
      await sleep(300);
      await browser.waitUntil(async () => (await browser.$$('.register__row--loading')).length === 0, { timeout: 30_000, timeoutMsg: 'rows stayed loading' });
    }
    if (i === 0) await shot(browser, 'bench-people-100k');
    // Open one person.
    await browser.execute(() => document.querySelector('[data-testid="people-row"] a.register__name').click());
    await byId(browser, 'person-page', 30_000);
    if (i === 0) await shot(browser, 'bench-person');
    await sleep(1000);
    stages.people = summarise(appTree(session.driverPid));

    // A report, if this build has the Reports screen.
    if (await (await browser.$('[data-testid="nav-reports"]')).isExisting()) {
      await (await byId(browser, 'nav-reports')).click();
      await byId(browser, 'report-builder', 30_000);
      const t1 = performance.now();
      await (await byId(browser, 'report-build')).click();
      await byId(browser, 'report-grand-total', 120_000);
      stages.reportMs = performance.now() - t1;
      if (i === 0) await shot(browser, 'bench-report');
      await sleep(1000);
      stages.report = summarise(appTree(session.driverPid));
    }
    console.error(`memory ${i + 1}/${MEM_RUNS}: unlock ${ms(unlockMs)}; People + person: app ${mb(stages.people.byName['derbes-app'].pss)} PSS, total ${mb(stages.people.pss)} PSS${stages.report ? `; after a report: total ${mb(stages.report.pss)} PSS` : ''}`);
    return { unlockMs, ...stages };
  } finally {
    await stop();
  }
}

// ---------------------------------------------------------------------------------------------

const sh = (cmd) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' }).stdout.trim();
const machine = () => {
  const cpu = spawnSync('sh', ['-c', "lscpu | sed -n 's/^Model name: *//p' | head -n1"], { encoding: 'utf8' }).stdout.trim();
  const mem = spawnSync('sh', ['-c', "free -g | awk '/^Mem:/{print $2}'"], { encoding: 'utf8' }).stdout.trim();
  const webkit = spawnSync('sh', ['-c', "pkg-config --modversion webkit2gtk-4.1 2>/dev/null || dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null"], { encoding: 'utf8' }).stdout.trim();
  return `${cpu || 'unknown CPU'}, ${sh('nproc')} cores, ${mem} GiB, WebKitGTK ${webkit || 'unknown'}, Xvfb (software rendering); load average at the start ${loadAtStart}${webkitEnv ? `; environment: ${webkitEnv}` : ''}`;
};

const webkitEnv = Object.entries(process.env)
  .filter(([k]) => /^(WEBKIT_|GDK_|LIBGL_|GALLIUM_)/.test(k))
  .map(([k, v]) => `${k}=${v}`)
  .join(' ');
const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const { vault, temporary } = prepareVault();
try {
  const starts = [];
  for (let i = 0; i < RUNS; i++) starts.push(await startRun(vault, i));
  const mems = [];
  for (let i = 0; i < MEM_RUNS; i++) mems.push(await memRun(vault, i));

  const names = [...new Set(mems.flatMap((m) => [m.people, m.report].filter(Boolean).flatMap((s) => Object.keys(s.byName))))];
  const col = (stage, name, k) => mems.map((m) => m[stage]?.byName[name]?.[k]).filter((x) => x !== undefined && !Number.isNaN(x));
  const tot = (stage, k) => mems.map((m) => m[stage]?.[k]).filter((x) => x !== undefined && x !== null);
  const fcps = starts.map((s) => s.fcp).filter((x) => x !== null);
  const hasReport = mems.some((m) => m.report);

  const lines = [];
  lines.push(`Machine: ${machine()}. App: \`${path.relative(root, process.env.DERBES_APP).startsWith('..') ? process.env.DERBES_APP : path.relative(root, process.env.DERBES_APP)}\`; ${PEOPLE.toLocaleString('en')} people; ${RUNS} start runs, ${MEM_RUNS} memory runs (each a fresh app). Median (min–max). MB = 10⁶ bytes.`);
  lines.push('');
  lines.push('| measure | result |');
  lines.push('|---|---|');
  lines.push(`| session start → unlock screen visible (wall) | ${fmt(starts.map((s) => s.visible), ms)} |`);
  lines.push(`| navigation start → first contentful paint | ${fcps.length ? fmt(fcps, ms) : `n/a (this WebKit reports no paint timing${starts[0].paintSupported ? '' : ': "paint" is not a supported entry type'})`} |`);
  lines.push(`| navigation start → DOMContentLoaded | ${fmt(starts.map((s) => s.domContentLoaded), ms)} |`);
  lines.push(`| of the first: session start → app process started (WebKitWebDriver's part) | ${fmt(starts.map((s) => s.requestToExec), ms)} |`);
  lines.push(`| app process started → WebKitWebProcess started | ${fmt(starts.map((s) => s.execToWebProcess).filter((x) => x !== null), ms)} |`);
  lines.push(`| app process started → navigation start | ${fmt(starts.map((s) => s.execToNavigation), ms)} |`);
  lines.push(`| app process started → first contentful paint | ${fmt(starts.map((s) => s.execToFcp).filter((x) => x !== null), ms)} |`);
  lines.push(`| app process started → unlock screen visible | ${fmt(starts.map((s) => s.execToVisible), ms)} |`);
  lines.push(`| unlock (password → app shell) | ${fmt(mems.map((m) => m.unlockMs), ms)} |`);
  if (hasReport) lines.push(`| build the default report (click → figures shown) | ${fmt(mems.map((m) => m.reportMs).filter(Boolean), ms)} |`);
  lines.push('');
  const stageCols = [['unlock screen, no vault', null], ['People (100k) scrolled + one person open', 'people'], ...(hasReport ? [['after a report', 'report']] : [])];
  lines.push(`| process | ${stageCols.map(([t]) => `${t}: PSS | RSS`).join(' | ')} |`);
  lines.push(`|---|${stageCols.map(() => '---|---').join('|')}|`);
  const idleCol = (name, k) => starts.map((s) => s.idle.byName[name]?.[k]).filter((x) => x !== undefined && !Number.isNaN(x));
  for (const name of names) {
    const count = Math.max(...mems.map((m) => m.people.byName[name]?.count ?? 0));
    const cells = stageCols.map(([, stage]) => (stage ? [fmt(col(stage, name, 'pss'), mb), fmt(col(stage, name, 'rss'), mb)] : [fmt(idleCol(name, 'pss'), mb), fmt(idleCol(name, 'rss'), mb)]).join(' | '));
    lines.push(`| ${name}${count > 1 ? ` (×${count})` : ''} | ${cells.join(' | ')} |`);
  }
  const totalCells = stageCols.map(([, stage]) => (stage ? [fmt(tot(stage, 'pss'), mb), fmt(tot(stage, 'rss'), mb)] : [fmt(starts.map((s) => s.idle.pss).filter((x) => x !== null), mb), fmt(starts.map((s) => s.idle.rss), mb)]).join(' | '));
  lines.push(`| **total** | ${totalCells.join(' | ')} |`);
  lines.push('');
  const last = hasReport ? 'report' : 'people';
  lines.push(`What the PSS is made of (${hasReport ? 'after a report' : 'People + person'}): anonymous (heaps, JIT, caches), file-backed (code, fonts, the mapped vault), shared memory (buffers shared with other processes):`);
  lines.push('');
  lines.push('| process | PSS | anonymous | file | shmem |');
  lines.push('|---|---|---|---|---|');
  for (const name of names) lines.push(`| ${name} | ${['pss', 'pssAnon', 'pssFile', 'pssShmem'].map((k) => fmt(col(last, name, k), mb)).join(' | ')} |`);
  lines.push('');
  const worst = (stage, k) => Math.max(...tot(stage, k));
  const peakStage = hasReport ? 'report' : 'people';
  const appPss = Math.max(...col(peakStage, 'derbes-app', 'pss'), ...col('people', 'derbes-app', 'pss'));
  const totalPss = Math.max(worst('people', 'pss'), hasReport ? worst('report', 'pss') : 0);
  const firstFrame = median(starts.map((s) => s.visible));
  lines.push(`Budgets: app memory under 200 MB, checked against the **total PSS** (derbes-app and its WebKit processes; PSS shares each shared page among the processes that map it, so the sum counts every page once, where summed RSS counts shared libraries several times): worst ${mb(totalPss)} — ${totalPss < 200 * MB ? 'met ✓' : 'missed ✗'}; derbes-app alone: worst ${mb(appPss)} PSS — ${appPss < 200 * MB ? 'under 200 MB' : 'over 200 MB'}. First frame under 1 s (session start → unlock screen visible, median): ${ms(firstFrame)} — ${firstFrame < 1000 ? 'met ✓' : 'missed ✗'}.`);
  const table = lines.join('\n');

  const out = path.join(root, 'artifacts', 'bench-app.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `# App start and memory, ${PEOPLE.toLocaleString('en')} people\n\n${table}\n`);
  writeFileSync(path.join(root, 'artifacts', 'bench-app.json'), JSON.stringify({ starts, mems }, null, 2));
  console.log(table);
  console.error(`\nwritten: ${path.relative(process.cwd(), out)} (raw figures: artifacts/bench-app.json)`);
} finally {
  if (temporary) rmSync(path.dirname(vault), { recursive: true, force: true });
}

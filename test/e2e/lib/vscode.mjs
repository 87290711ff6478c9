// Harness for end-to-end tests: a real VS Code (code-server) per test, with the
// packaged extension installed, driven by Debian's Chromium through playwright-core.
// See ../../../../shared/notes/vscode-e2e.md for the recipe this follows.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { escapeRe, slug, TIMEOUT, Workbench } from './workbench.mjs';

export { TIMEOUT };

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const OUT_DIR = path.join(E2E_DIR, 'out');
export const FIXTURES = path.join(E2E_DIR, 'fixtures', 'ws');
export const VSIX = process.env.E2E_VSIX || path.join(REPO_ROOT, 'podcast-transcripts.vsix');
export const NODE24 = path.join(E2E_DIR, '.node24', 'node_modules', 'node', 'bin', 'node');
export const CODE_SERVER = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
/** Root of the temp folders: short, since code-server's sockets live there (107-byte limit). */
const TMP_ROOT = '/tmp';


/** User settings every instance starts with (from the recipe), plus quietening of UI noise. */
export const BASE_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'extensions.autoUpdate': 'off', // not `false`: VS Code would rewrite settings.json to migrate it
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'editor.hover.delay': 300,
  'markdown.validate.enabled': false,
  'update.showReleaseNotes': false,
  'files.autoSave': 'off', // the web build saves after a delay by default; tests save explicitly
  'workbench.editor.useModal': 'off', // settings.json in a tab, not a modal editor
};

const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required', // the player's tests start playback from a key, as a user would after a click
];

let sharedBrowser;
/** One Chromium per test process (each test gets its own context, so no state is shared). */
export async function browser() {
  if (!sharedBrowser || !sharedBrowser.isConnected()) {
    sharedBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  }
  return sharedBrowser;
}
export async function closeBrowser() {
  const b = sharedBrowser;
  sharedBrowser = undefined;
  if (b) await b.close().catch(() => {});
}

function nodeForCodeServer() {
  if (process.env.E2E_NODE) return process.env.E2E_NODE;
  if (fs.existsSync(NODE24)) return NODE24;
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  throw new Error(`Node 24 not found at ${NODE24}: run test/e2e/setup.sh first`);
}

/** Arguments shared by the install run and the server run. */
function baseArgs(t) {
  return ['--config', path.join(t, 'config.yaml'), '--disable-telemetry', '--disable-update-check',
    '--extensions-dir', path.join(t, 'ext'), '--user-data-dir', path.join(t, 'data')];
}
function envFor(t) {
  const env = { ...process.env, HOME: path.join(t, 'home'), TMPDIR: t, XDG_CONFIG_HOME: path.join(t, 'home', '.config'),
    XDG_DATA_HOME: path.join(t, 'home', '.local', 'share'), XDG_CACHE_HOME: path.join(t, 'home', '.cache') };
  // Never leak a parent VS Code's or npm's settings into the server.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_|npm_)/.test(k)) delete env[k];
  return env;
}

/** Installs a .vsix into the instance's extensions folder (code-server installs and exits). */
export async function installExtension(t, vsix, log) {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` at the repository root first`);
  const child = spawn(nodeForCodeServer(), [CODE_SERVER, ...baseArgs(t), '--install-extension', vsix],
    { env: envFor(t), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const [code] = await once(child, 'exit');
  fs.appendFileSync(log, `--- install ${vsix}\n${out}\n`);
  if (code !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${path.basename(vsix)} failed (exit ${code}):\n${out}`);
  }
}

/**
 * Starts code-server detached (own process group) on 127.0.0.1, by default on a free port.
 * Resolves to { child, port, url } once the log says it is listening.
 */
export async function startCodeServer(t, { folder, log, port: wanted = 0, extraArgs = [], timeout = TIMEOUT }) {
  const args = [CODE_SERVER, ...baseArgs(t), '--auth', 'none', '--disable-workspace-trust',
    '--bind-addr', `127.0.0.1:${wanted}`, '--ignore-last-opened', ...(process.env.E2E_LOG ? ['--log', process.env.E2E_LOG] : []), ...extraArgs, folder];
  const child = spawn(nodeForCodeServer(), args, { env: envFor(t), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  liveGroups.add(child.pid);
  const logStream = fs.createWriteStream(log, { flags: 'a' });
  let seen = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`code-server did not listen within ${timeout} ms:\n${seen}`)), timeout);
    function done(err, value) {
      clearTimeout(timer);
      child.off('exit', onExit);
      err ? reject(err) : resolve(value);
    }
    function onData(d) {
      logStream.write(d);
      if (seen.length < 100_000) seen += d;
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (m) done(null, Number(m[1]));
    }
    function onExit(code, signal) { done(new Error(`code-server exited (${code ?? signal}) before listening:\n${seen}`)); }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', onExit);
  }).catch(async (e) => { await killGroup(child); throw e; });
  child.stdout.on('data', (d) => logStream.write(d));
  child.stderr.on('data', (d) => logStream.write(d));
  child.once('exit', () => logStream.end());
  return { child, port, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` };
}

// Process groups of code-servers still running: killed if this process ends early
// (a test runner's timeout, Ctrl+C), since detached groups would outlive it.
const liveGroups = new Set();
const liveDirs = new Set(); // instance folders not yet removed
function killLiveGroups() {
  for (const pid of liveGroups) { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }
  liveGroups.clear();
  if (!process.env.E2E_KEEP) for (const dir of liveDirs) fs.rmSync(dir, { recursive: true, force: true });
  liveDirs.clear();
}
process.once('exit', killLiveGroups);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killLiveGroups();
    // Exit as the signal would have, unless someone else (the test runner, the demo) handles it.
    if (process.listenerCount(sig) === 1) process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[sig]);
  });
}

/** Kills the process group (code-server, its extension host and the language server). */
export async function killGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
    return;
  }
  const exited = once(child, 'exit');
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    await exited;
  }
  // Children that outlived the leader (e.g. the language server) are in the same group.
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
  liveGroups.delete(child.pid);
}

/**
 * Makes a fresh instance folder: HOME, user data with seeded settings, an empty
 * extensions folder and a copy of the fixture workspace.
 */
export async function makeInstanceDir({ settings = {}, fixtures = FIXTURES, prefix = 'pt-e2e-' } = {}) {
  const t = await fsp.mkdtemp(path.join(TMP_ROOT, prefix));
  liveDirs.add(t);
  for (const d of ['home', 'ext', 'data/User']) await fsp.mkdir(path.join(t, d), { recursive: true });
  await fsp.writeFile(path.join(t, 'config.yaml'), 'auth: none\ncert: false\n');
  const ws = path.join(t, 'ws');
  await fsp.cp(fixtures, ws, { recursive: true });
  await writeSettings(t, settings);
  return { t, ws };
}
export async function writeSettings(t, settings) {
  const file = path.join(t, 'data', 'User', 'settings.json');
  // Atomically (temp file + rename, as editors save): an in-place rewrite lets VS Code read
  // the truncated, empty file and then miss the write that follows.
  const tmp = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(tmp, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
  await fsp.rename(tmp, file);
}

/**
 * Starts a fresh VS Code for one test. Returns a `VSCode` whose page shows the
 * workbench of the fixture workspace (already waited for).
 * options: settings (merged over BASE_SETTINGS), extension (default true: install the .vsix),
 * fixtures (folder copied as the workspace), name (for screenshots and logs), extraVsix (more .vsix
 * files to install, e.g. a test-only extension).
 */
export async function launch(options = {}) {
  const name = slug(options.name || 'vscode');
  await fsp.mkdir(OUT_DIR, { recursive: true });
  const times = {};
  let t0 = Date.now();
  const lap = (k) => { const n = Date.now(); times[k] = n - t0; t0 = n; };
  const { t, ws } = await makeInstanceDir(options);
  const log = path.join(t, 'code-server.log');
  const vs = new VSCode({ t, ws, name, log, times, settings: options.settings || {} });
  try {
    if (options.extension !== false) { await installExtension(t, options.vsix || VSIX, log); lap('install'); }
    for (const extra of options.extraVsix || []) await installExtension(t, extra, log);
    const [server, b] = await Promise.all([startCodeServer(t, { folder: ws, log }), browser()]);
    vs.server = server;
    lap('start');
    vs.context = await b.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await vs.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    vs.context.setDefaultTimeout(TIMEOUT);
    vs.page = await vs.context.newPage();
    vs.page.on('console', (m) => { if (m.type() === 'error') vs.consoleErrors.push(m.text()); });
    vs.page.on('pageerror', (e) => vs.consoleErrors.push(String(e)));
    await vs.page.goto(server.url);
    await vs.waitWorkbench();
    lap('workbench');
  } catch (e) {
    await vs.close({ failed: true, error: e });
    throw e;
  }
  return vs;
}

/**
 * Runs `fn(vs)` against a fresh VS Code; screenshots on failure, always tears down.
 * Use as: test('name', (t) => withVSCode(t, { settings }, async (vs) => { ... }))
 */
export async function withVSCode(t, options, fn) {
  const name = options.name || t.name;
  const vs = await launch({ ...options, name });
  let failed = false;
  const started = Date.now();
  try {
    await fn(vs);
    vs.times.steps = Date.now() - started;
  } catch (e) {
    failed = true;
    await vs.close({ failed: true, error: e });
    throw e;
  } finally {
    if (!failed) await vs.close();
    const summary = Object.entries(vs.times).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`).join(', ');
    t.diagnostic(`timings: ${summary}`);
    if (vs.retries.length) t.diagnostic(`retried: ${vs.retries.join('; ')}`);
  }
}

export class VSCode extends Workbench {
  constructor({ t, ws, name, log, times, settings }) {
    super({ name, outDir: OUT_DIR });
    Object.assign(this, { t, ws, log, times, settings });
    this.closed = false;
    this.settingsGeneration = 0;
  }

  /** Reads a workspace file from disk. */
  readFile(rel) { return fs.readFileSync(path.join(this.ws, rel), 'utf8'); }

  /**
   * Replaces the user settings (BASE_SETTINGS plus `settings`) the way a user does: opens
   * settings.json in VS Code (Preferences: Open User Settings (JSON)), replaces its text,
   * saves and goes back to the previous editor. Waits until the workbench has applied them:
   * the text carries a marker, `editor.rulers` with as many invisible rulers (far right,
   * transparent) as settings have been written, which the editor then renders.
   * Rewriting the file on disk from outside is not reliable: code-server often misses it.
   */
  async setSettings(settings) {
    const p = this.page;
    this.settings = settings;
    const generation = ++this.settingsGeneration;
    const rulers = Array.from({ length: generation }, (_, i) => ({ column: 5000 + i, color: '#00000000' }));
    const written = { ...BASE_SETTINGS, ...settings, 'editor.rulers': rulers };
    const text = JSON.stringify(written, null, 2);
    await this.runCommand('Preferences: Open User Settings (JSON)');
    await p.locator('.tab.active[data-resource-name="settings.json"]').waitFor();
    await this.focusEditor();
    // Paste (typed text would get auto-closed brackets and quotes).
    await p.evaluate((t) => navigator.clipboard.writeText(t), text);
    await p.keyboard.press('Control+A');
    await p.keyboard.press('Control+V');
    await p.locator('.tab.active.dirty[data-resource-name="settings.json"]').waitFor();
    await p.keyboard.press('Control+S');
    await p.locator('.tab.active:not(.dirty)[data-resource-name="settings.json"]').waitFor();
    const saved = JSON.parse(fs.readFileSync(path.join(this.t, 'data', 'User', 'settings.json'), 'utf8'));
    assert.deepEqual(saved, written, 'settings.json as pasted');
    await this.activeEditor().locator('.view-ruler').nth(generation - 1).waitFor({ state: 'attached' });
    await p.keyboard.press('Control+W'); // back to the editor that was active before
    await p.locator('.tab[data-resource-name="settings.json"]').waitFor({ state: 'detached' });
    await this.focusEditor();
  }

  async close({ failed = false, error } = {}) {
    if (this.closed) return;
    this.closed = true;
    if (failed) {
      const base = path.join(OUT_DIR, `${this.name}.failure`);
      if (this.page) await this.page.screenshot({ path: `${base}.png` }).catch(() => {});
      const logs = [`error: ${error?.stack || error}`, '', '--- browser console errors', ...this.consoleErrors, '',
        '--- code-server log', fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8') : '(none)'];
      for (const f of await findFiles(path.join(this.t, 'data', 'logs'), /(exthost|transcripts|Podcast).*\.log$/i)) {
        logs.push('', `--- ${path.relative(this.t, f)}`, fs.readFileSync(f, 'utf8'));
      }
      await fsp.writeFile(`${base}.log`, logs.join('\n')).catch(() => {});
    }
    await this.context?.close().catch(() => {});
    if (this.server) await killGroup(this.server.child);
    if (!process.env.E2E_KEEP) await fsp.rm(this.t, { recursive: true, force: true }).catch(() => {});
    liveDirs.delete(this.t);
  }
}

async function findFiles(dir, re, acc = []) {
  let entries = [];
  try { entries = await fsp.readdir(dir, { withFileTypes: true }); } catch { return acc; }
  for (const e of entries) {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) await findFiles(f, re, acc);
    else if (re.test(f)) acc.push(f);
  }
  return acc;
}

export { escapeRe };

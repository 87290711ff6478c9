// The workbench as a user drives it, on any VS Code in the browser: code-server (this suite) or
// VS Code for the Web (test/web). Page-level steps only; starting and stopping the editor is the
// caller's business. Imports nothing but Node's, so test/web can use it without this folder's packages.
import path from 'node:path';

/** Default wait for UI conditions; generous because the machine has 2 busy cores. */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 30_000);

export function slug(s) { return s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase(); }

export class Workbench {
  /** `page`: a playwright page showing the workbench; screenshots go to `outDir`. */
  constructor({ page, name, outDir }) {
    Object.assign(this, { page, name, outDir });
    this.consoleErrors = [];
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

  /**
   * Hovers the language status (`{}`) in the status bar until its popup shows `text`; returns the
   * popup (move the mouse away to close it).
   */
  async languageStatus(text) {
    const p = this.page;
    const status = p.locator('#status\\.languageStatus');
    await status.waitFor({ state: 'visible' });
    const hover = p.locator('.monaco-hover:not(.hidden), .workbench-hover', { hasText: text }).first();
    const box = await status.boundingBox();
    await p.mouse.move(box.x + box.width / 2, box.y - 100);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await hover.waitFor({ state: 'visible' });
    return hover;
  }

  /** Saves a screenshot as <outDir>/<name>.png (the file name is returned). */
  async screenshot(name = this.name) {
    const file = path.join(this.outDir, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

}

export function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

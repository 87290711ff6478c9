// Extra helpers for the power-tools and theme tests (kept apart from vscode.mjs, which
// belongs to the harness). Every wait is for a condition, polled every 100 ms.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TIMEOUT, FIXTURES, E2E_DIR } from './vscode.mjs';

/** Polls `fn()` every 100 ms until `ok(value)` holds; returns the value, or throws with the last one. */
export async function waitValue(page, fn, ok, { timeout = TIMEOUT, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await page.waitForTimeout(100); // polling interval of a condition, not a fixed wait
  }
}

/** Waits until rendered lines `expected` ({ lineNumber: text }) all show that exact text. */
export async function waitLines(vs, expected, opts = {}) {
  return waitValue(vs.page, async () => {
    const lines = await vs.editorLines();
    return Object.fromEntries(Object.keys(expected).map((n) => [n, lines.find((l) => l.line === Number(n))?.text ?? null]));
  }, (got) => Object.entries(expected).every(([n, t]) => got[n] === t), { what: `lines ${JSON.stringify(expected)}`, ...opts });
}

/**
 * Computed colour of the token span (`.view-line span span`) whose text is `text` (trimmed,
 * quotes included as rendered) on the rendered line `line`, or containing it if no span is exactly it.
 */
export async function tokenColor(vs, line, text) {
  return vs.activeEditor().evaluate((ed, { line, text }) => {
    const tops = new Map([...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((el) => [Number(el.textContent), Math.round(parseFloat(el.parentElement.style.top || el.style.top))]));
    const top = tops.get(line);
    if (top === undefined) return null;
    const row = [...ed.querySelectorAll('.view-lines .view-line')].find((el) => Math.round(parseFloat(el.style.top)) === top);
    if (!row) return null;
    const spans = [...row.querySelectorAll('span span')];
    const norm = (s) => s.replace(/\u00a0/g, ' ').trim();
    const span = spans.find((s) => norm(s.textContent) === text) || spans.find((s) => norm(s.textContent).includes(text));
    return span ? getComputedStyle(span).color : null;
  }, { line, text });
}

/** The texts of the rendered CodeLens decorations. */
export async function codeLensTexts(vs) {
  return vs.activeEditor().locator('.codelens-decoration').evaluateAll((els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ').trim()));
}

/** The labels of the suggest widget's rows, in order. */
export async function suggestLabels(vs) {
  return vs.page.locator('.suggest-widget .monaco-list-row').evaluateAll((rows) => rows
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    .map((r) => (r.querySelector('.label-name') ?? r).textContent.trim()));
}

/** A temp folder with the fixture workspace plus the files of `extra` (a folder under fixtures/). */
export async function mergedFixtures(extra) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'pt-fx-'));
  await fsp.cp(FIXTURES, dir, { recursive: true });
  await fsp.cp(path.join(E2E_DIR, 'fixtures', extra), dir, { recursive: true });
  return dir;
}

/**
 * Runs a palette command that asks for input in an input box titled `title` (Shift Times From Here,
 * Go to Time), types `text` and accepts it. The palette closes and the extension's input box opens
 * in the same widget: its title says when it is there.
 */
export async function runCommandWithInput(vs, label, title, text) {
  const p = vs.page;
  await vs.quickInput('F1', label);
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  await p.waitForFunction(() => document.activeElement?.closest('.quick-input-box'));
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Picks a file in VS Code's own open dialog (the simple one in a browser), already open. The dialog
 * fills in a folder and lists it a moment later (typing before that gets prefixed): so it waits for
 * the listing, types `fullPath` (or the folder shown plus `name`), waits until the dialog lists the
 * folder typed (it follows the typing) with `name` in it, and accepts.
 */
export async function chooseInOpenDialog(vs, name, fullPath) {
  const p = vs.page;
  const pathBox = p.locator('.quick-input-widget .quick-input-box input');
  await p.locator('.quick-input-list .monaco-list-row').first().waitFor();
  const folder = await waitValue(p, () => pathBox.inputValue(), (v) => v.endsWith('/'), { what: 'the open dialog at a folder' });
  await pathBox.fill(fullPath ?? `${folder}${name}`);
  await p.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await p.keyboard.press('Enter');
}

/** Picks the row labelled `label` in the quick pick titled `title` (typed to filter, accepted once focused). */
export async function pickInQuickPick(vs, title, label) {
  const p = vs.page;
  await p.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  await p.waitForFunction(() => document.activeElement?.closest('.quick-input-box'));
  await p.keyboard.type(label);
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await p.keyboard.press('Enter');
}

/** Runs a palette command whose first step opens a quick input titled `title` (a dialog or a pick). */
export async function runCommandInto(vs, label, title) {
  const p = vs.page;
  await vs.quickInput('F1', label);
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
}

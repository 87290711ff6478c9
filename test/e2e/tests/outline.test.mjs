// Document symbols: the Outline view lists the headers in order; Go to Symbol in Editor jumps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

const HEADERS = ['Introduction', 'Keeping the lamp log', 'Closing'];

test('Outline lists the headers in order; Ctrl+Shift+O jumps to one', (t) => withVSCode(t, { name: 'outline' }, async (vs) => {
  const p = vs.page;
  await vs.openFile('episode.md');
  await vs.activeEditor().locator('.squiggly-error').first().waitFor(); // the server is up

  await vs.runCommand('Explorer: Focus on Outline View');
  const rows = p.locator('.outline-pane .monaco-list-row');
  await rows.filter({ hasText: HEADERS.at(-1) }).first().waitFor();
  const items = await rows.evaluateAll((els) => els.map((el) => ({
    level: Number(el.getAttribute('aria-level')), label: el.querySelector('.monaco-icon-label .label-name')?.textContent ?? el.textContent,
  })));
  const top = Math.min(...items.map((i) => i.level));
  assert.deepEqual(items.filter((i) => i.level === top).map((i) => i.label.trim()), HEADERS, JSON.stringify(items, null, 1));
  await vs.screenshot('outline');

  await vs.focusEditor();
  await vs.quickInput('Control+Shift+O', 'Closing');
  await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Closing' }).first().waitFor();
  await p.keyboard.press('Enter');
  await vs.waitCursorLine(38);
  await vs.screenshot('goto-symbol');
}));

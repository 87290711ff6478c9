// Document symbols: the Outline view lists the headers in order; Go to Symbol in Editor jumps, to a header
// or to a spoken line found by its words.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

const HEADERS = ['Introduction', 'Keeping the lamp log', 'Closing'];

test('Outline lists the headers in order; Ctrl+Shift+O jumps to one, and finds a line by what was said', (t) => withVSCode(t, {
  name: 'outline',
  settings: { 'outline.collapseItems': 'alwaysCollapse' }, // headers only, so all fit on screen
}, async (vs) => {
  const p = vs.page;
  await vs.openEpisode('episode.md');

  // Give the Outline the side bar: collapse the folder section, then focus the Outline.
  await p.locator('.pane-header[aria-expanded="true"]', { hasText: 'ws' }).click();
  await vs.runCommand('Explorer: Focus on Outline View');
  const rows = p.locator('.outline-pane .monaco-list-row');
  await rows.filter({ hasText: HEADERS.at(-1) }).first().waitFor();
  const items = await rows.evaluateAll((els) => els.map((el) => ({
    level: Number(el.getAttribute('aria-level')),
    label: (el.querySelector('.label-name') ?? el).textContent.trim(),
    hasChildren: el.getAttribute('aria-expanded') !== null,
  })));
  assert.deepEqual(items.map((i) => i.label), HEADERS, JSON.stringify(items));
  assert.ok(items.every((i) => i.level === 1 && i.hasChildren), `headers are top level with the spoken lines under them: ${JSON.stringify(items)}`);

  // The first header's children are its spoken lines.
  await rows.filter({ hasText: HEADERS[0] }).first().locator('.monaco-tl-twistie').click();
  const children = p.locator('.outline-pane .monaco-list-row[aria-level="2"]');
  await children.filter({ hasText: 'Tobin Ashgrove' }).first().waitFor();
  const kids = await children.evaluateAll((els) => els.map((el) => el.textContent));
  assert.equal(kids.length, 2, kids.join('\n'));
  assert.match(kids[0], /^Mara Quill · 0:05 — Welcome to the show, today we talk about lighthouse bookkeeping\./);
  assert.match(kids[1], /^Tobin Ashgrove · /);
  await vs.screenshot('outline');

  await vs.focusEditor();
  await vs.quickInput('Control+Shift+O', 'Closing');
  await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Closing' }).first().waitFor();
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await vs.waitCursorLine(38);
  await vs.screenshot('goto-symbol');

  // A word of a spoken line finds it: the row names the speaker, the time and the words.
  await vs.quickInput('Control+Shift+O', 'dawn');
  // The focused row (what Enter picks) is the line.
  const said = p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Tobin Ashgrove · 1:10 — In a ledger, one row per watch, signed at dawn.' });
  await said.first().waitFor();
  await vs.screenshot('goto-symbol-words');
  await p.keyboard.press('Enter');
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await vs.waitCursorLine(22);
}));

// Smoke test of the harness itself: code-server starts, Chromium shows the workbench
// and a file opens, without the extension.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

test('workbench starts and opens a file (no extension)', (t) => withVSCode(t, { extension: false, name: 'workbench' }, async (vs) => {
  await vs.openFile('notes/plain.md');
  assert.equal(await vs.lineText(1), '---');
  assert.equal(await vs.lineText(5), '# Plain notes');
  await vs.gotoLine(6);
  await vs.screenshot('workbench');
}));

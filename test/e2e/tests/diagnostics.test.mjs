// Diagnostics: squiggles in the editor and rows in the Problems panel with source and
// rule id; a plain Markdown file without a transcript gets nothing from the extension.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

// rule id -> the line its finding is on in fixtures/ws/episode.md
const EXPECTED = { 'time-mismatch': 15, 'sec-order': 23, 'who-variant': 29, 'item-duplicate': 34 };

test('episode shows diagnostics with rule ids; plain Markdown shows none', (t) => withVSCode(t, { name: 'diagnostics' }, async (vs) => {
  // The plain file is opened first: its diagnostics, if the server sent any, come before the episode's.
  await vs.openFile('notes/plain.md');
  await vs.openEpisode('episode.md');
  const editor = vs.activeEditor();
  await editor.locator('.squiggly-error').first().waitFor();
  await editor.locator('.squiggly-warning').first().waitFor();

  await vs.openProblems();
  for (const [id, line] of Object.entries(EXPECTED)) {
    const row = vs.problem(id);
    await row.first().waitFor();
    const text = await row.first().textContent();
    assert.match(text, /transcripts/, `row for ${id} names the source: ${text}`);
    assert.match(text, new RegExp(`Ln ${line}\\b`), `row for ${id} is on line ${line}: ${text}`);
  }
  // Only episode.md has problems: no file row for plain.md.
  const texts = await vs.problemTexts();
  assert.ok(!texts.some((s) => /plain\.md/.test(s)), `no problems for plain.md:\n${texts.join('\n')}`);
  await vs.screenshot('diagnostics');

  // The plain file's editor has no squiggles at all.
  await vs.openFile('notes/plain.md');
  assert.equal(await vs.activeEditor().locator('.squiggly-error, .squiggly-warning, .squiggly-info').count(), 0);
  const again = await vs.problemTexts();
  assert.ok(!again.some((s) => /plain\.md/.test(s)), `no problems for plain.md:\n${again.join('\n')}`);
  await vs.screenshot('diagnostics-plain');
}));

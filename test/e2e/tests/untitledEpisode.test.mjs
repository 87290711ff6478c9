// Issue 27 point 8 in real VS Code: a new episode made by Import (untitled) takes Insert Chapters →
// From a File… (the open dialog starts in the workspace folder, no `untitled:` file system error), and
// the import's speaker list offers only names the speaker rules accept (no `Tobin Ashgrovee`, no
// `Tobin Ashgrovе` with a Cyrillic е beside `Tobin Ashgrove`).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';
import { chooseInOpenDialog, pickInQuickPick, runCommandInto, waitLines, waitValue } from '../lib/extra.mjs';
import { reviewAndApply } from '../lib/chapters.mjs';

after(closeBrowser);

const OTTER = '0:05\nSpeaker 1\nWelcome to the untitled test.\n1:10\nMara Quill\nAnd the second topic.\n';
const item = (who, sec) => `- line: A line.\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;
// Misspellings of a name with more lines, each in an episode of its own.
const VARIANTS = `---\ntitle: Variants\ntranscript:\n${item('Tobin Ashgrovee', 1)}---\n`;
const CYRILLIC = `---\ntitle: Cyrillic\ntranscript:\n${item('Tobin Ashgrov\u0435', 1)}---\n`;

test('an untitled episode from Import: the speaker list without misspellings; Insert Chapters from a file starts in the workspace folder', (t) => withVSCode(t, { name: 'untitled-episode' }, async (vs) => {
  const p = vs.page;
  fs.writeFileSync(path.join(vs.ws, 'talk.txt'), OTTER);
  fs.writeFileSync(path.join(vs.ws, 'chapters.txt'), '00:00:05 Welcome\n00:01:10 Second topic\n');
  fs.mkdirSync(path.join(vs.ws, '_variants'), { recursive: true });
  fs.writeFileSync(path.join(vs.ws, '_variants/variant.md'), VARIANTS);
  fs.writeFileSync(path.join(vs.ws, '_variants/cyrillic.md'), CYRILLIC);
  await vs.openFile('notes/plain.md');
  await p.keyboard.press('Control+W');
  await p.locator('.tab[data-resource-name="plain.md"]').waitFor({ state: 'detached' });

  await runCommandInto(vs, 'Transcripts: Import Transcript…', 'Import Transcript');
  await chooseInOpenDialog(vs, 'talk.txt', path.join(vs.ws, 'talk.txt'));
  await p.locator('.quick-input-widget .quick-input-title', { hasText: 'who is "Speaker 1"? (1 of 1)' }).waitFor({ state: 'visible' });
  const rows = await p.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  await vs.screenshot('untitled-speakers');
  assert.ok(rows.includes('Tobin Ashgrove'), `the real name is offered: ${rows.join(' | ')}`);
  assert.deepEqual(rows.filter((row) => /^Tobin Ashgrov(?:ee|\u0435)$/.test(row)), [], 'no misspelling is offered');
  await pickInQuickPick(vs, 'who is "Speaker 1"? (1 of 1)', 'Tobin Ashgrove');
  await p.locator('.tab.active[data-resource-name^="Untitled"]').waitFor();

  await runCommandInto(vs, 'Transcripts: Insert Chapters…', 'Insert Chapters');
  await pickInQuickPick(vs, 'Insert Chapters', 'From a File…');
  const pathBox = p.locator('.quick-input-widget .quick-input-box input');
  // The simple dialog first shows the folder above the one it was given, then lists the given one:
  // only the given folder's listing (chapters.txt) and its path in the box say it has arrived.
  await waitValue(p, () => pathBox.inputValue(), (v) => v === `${vs.ws}/`, { what: 'the open dialog at the workspace folder' });
  await p.locator('.quick-input-list .monaco-list-row', { hasText: 'chapters.txt' }).waitFor();
  await vs.screenshot('untitled-chapters-dialog');
  await chooseInOpenDialog(vs, 'chapters.txt', path.join(vs.ws, 'chapters.txt'));
  // Read and placed: the Refactor Preview lists both chapters (no "File system provider for untitled:"
  // error), and applied they stand before the lines they start.
  await reviewAndApply(vs, ['- header: Welcome', '- header: Second topic']);
  assert.equal(await p.locator('.notifications-toasts', { hasText: 'File system provider' }).count(), 0);
  await waitLines(vs, { 3: '- header: Welcome', 4: '- line: Welcome to the untitled test.', 8: '- header: Second topic', 9: '- line: And the second topic.' });
  await vs.screenshot('untitled-chapters-applied');
}));

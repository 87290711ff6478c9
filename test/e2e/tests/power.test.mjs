// Editing power tools (issue 8) in real VS Code: Shift Times From Here through the input box
// (one undo), rename a speaker with F2, CodeLens above the headers, speaker completion after
// `who: `, and the language status item.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';
import { waitValue, waitLines, codeLensTexts, suggestLabels, runCommandWithInput } from '../lib/extra.mjs';

after(closeBrowser);

test('Shift Times From Here (+7, one undo) and F2 rename of a speaker', (t) => withVSCode(t, { name: 'shift-times' }, async (vs) => {
  const p = vs.page;
  const original = vs.readFile('episode.md');
  await vs.openEpisode('episode.md');

  // Shift from the item on line 18 by +7 through the command's input box.
  await vs.gotoLine(18);
  await runCommandWithInput(vs, 'Transcripts: Shift Times From Here', 'Shift Times From Here', '+7');
  await waitLines(vs, { 19: '  sec: 82', 20: "  time: '1:22'", 23: '  sec: 77', 24: "  time: '1:17'" });
  // Items before line 18 are not moved.
  assert.equal(await vs.lineText(10), '  sec: 5');
  assert.equal(await vs.lineText(14), '  sec: 12');
  await vs.screenshot('shift-times');

  // One undo restores every shifted item.
  await vs.focusEditor();
  await p.keyboard.press('Control+Z');
  await waitLines(vs, { 19: '  sec: 75', 20: "  time: '1:15'", 23: '  sec: 70', 24: "  time: '1:10'" });

  // F2 on a `who` value renames every item of that speaker.
  await vs.gotoLine(16, 10);
  await p.keyboard.press('F2');
  await p.waitForFunction(() => document.activeElement?.closest('.rename-input, .rename-box'));
  await p.keyboard.press('Control+A');
  await p.keyboard.type('Tobin Ash');
  await p.keyboard.press('Enter');
  await waitLines(vs, { 16: '  who: Tobin Ash', 25: '  who: Tobin Ash' });
  await vs.screenshot('rename');

  // Saved text: exactly the original with the speaker renamed (so the undo above restored all).
  await p.keyboard.press('Control+S');
  await p.locator('.tab.active:not(.dirty)[data-resource-name="episode.md"]').waitFor();
  const expected = original.replaceAll('who: Tobin Ashgrove', 'who: Tobin Ash');
  assert.notEqual(expected, original);
  assert.equal(vs.readFile('episode.md'), expected);
  await vs.screenshot('power-rename');
}));

test('CodeLens above headers, speaker completion, language status item', (t) => withVSCode(t, { name: 'power-lens' }, async (vs) => {
  const p = vs.page;
  await vs.openEpisode('episode.md');

  // CodeLens: the first two headers are on screen at the top; the last after scrolling down.
  await waitValue(p, () => codeLensTexts(vs), (l) => l.includes('▶ 0:05') && l.includes('▶ 1:15'), { what: 'CodeLens ▶ 0:05 and ▶ 1:15' });
  await vs.screenshot('codelens');
  await vs.gotoLine(44);
  await waitValue(p, () => codeLensTexts(vs), (l) => l.includes('▶ 2:10'), { what: 'CodeLens ▶ 2:10' });
  const lenses = await codeLensTexts(vs);
  for (const l of lenses) assert.match(l, /^▶ \d+:\d\d$/, `every lens is ▶ M:SS: ${JSON.stringify(lenses)}`);

  // Language status: the time at the cursor (line 18's item) and the episode's length.
  await vs.gotoLine(18);
  const hover = await vs.languageStatus('1:15 / 2:10');
  assert.match(await hover.textContent(), /Transcript time|1:15 \/ 2:10/);
  await vs.screenshot('status-item');
  await p.mouse.move(640, 300);

  // Completion after `who: ` (line 12's value removed): the file's speakers, most frequent first.
  await vs.gotoLine(12, 8);
  await p.keyboard.press('Shift+End');
  await p.keyboard.press('Delete');
  await waitLines(vs, { 12: '  who: ' });
  await p.keyboard.press('Control+Space');
  await p.locator('.suggest-widget .monaco-list-row').first().waitFor();
  const labels = await waitValue(p, () => suggestLabels(vs), (l) => l.length >= 2, { what: 'two suggestions' });
  assert.deepEqual(labels.slice(0, 2), ['Tobin Ashgrove', 'Mara Quill'], `suggestions: ${JSON.stringify(labels)}`);
  await vs.screenshot('completion');
  await p.keyboard.press('Enter');
  await waitLines(vs, { 12: '  who: Tobin Ashgrove' });
  await vs.screenshot('power-lens');
}));

// Transcripts: Import Transcript… (issue 18) in real VS Code: an Otter .txt into a new untitled
// episode (an unknown speaker named from the workspace's speakers), and a WebVTT file into the open
// episode, replacing its transcript after the modal confirmation, shown unsaved and undone in one step.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';
import { waitLines, chooseInOpenDialog, pickInQuickPick, runCommandInto } from '../lib/extra.mjs';

after(closeBrowser);

const OTTER = 'Opening\n0:05\nSpeaker 1\nWelcome to the import test.\n= A second paragraph.\n1:02:03\nMara Quill:\nThanks, and goodbye.\n';
const VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v SPEAKER_00>Lamps first.\n\n00:00:03.000 --> 00:00:05.000\nThen ledgers.\n\n00:00:06.000 --> 00:00:08.000\n<v Tobin Ashgrove>Agreed.\n';

/** Runs the command from the palette and picks `file` in VS Code's own open dialog. */
async function importFile(vs, file) {
  await runCommandInto(vs, 'Transcripts: Import Transcript…', 'Import Transcript');
  await chooseInOpenDialog(vs, path.basename(file), file);
}

const pick = pickInQuickPick;

test('Import Transcript: an Otter .txt into a new untitled episode, Speaker 1 named from the workspace', (t) => withVSCode(t, { name: 'import-new' }, async (vs) => {
  const p = vs.page;
  fs.writeFileSync(path.join(vs.ws, 'talk.txt'), OTTER);
  // The extension starts with the first Markdown file; closed again, no editor is active.
  await vs.openFile('notes/plain.md');
  await p.keyboard.press('Control+W');
  await p.locator('.tab[data-resource-name="plain.md"]').waitFor({ state: 'detached' });
  await importFile(vs, path.join(vs.ws, 'talk.txt'));
  await pick(vs, 'who is "Speaker 1"? (1 of 1)', 'Tobin Ashgrove');
  await p.locator('.tab.active[data-resource-name^="Untitled"]').waitFor();
  const expected = [
    '---', 'transcript:', '- header: Opening', '- line: Welcome to the import test.', '  sec: 5', "  time: '0:05'", '  who: Tobin Ashgrove',
    '- line: A second paragraph.', '  who: Tobin Ashgrove', '- line: Thanks, and goodbye.', '  sec: 3723', "  time: '1:02:03'", '  who: Mara Quill', '---',
  ];
  await waitLines(vs, Object.fromEntries(expected.map((text, i) => [i + 1, text])));
  assert.deepEqual((await vs.editorLines()).map((l) => l.text), [...expected, '']);
  await vs.screenshot('import-new');
}));

test('Import Transcript: a WebVTT file into the open episode, replacing its transcript after confirming; one undo', (t) => withVSCode(t, { name: 'import-replace' }, async (vs) => {
  const p = vs.page;
  const original = vs.readFile('episode.md');
  fs.writeFileSync(path.join(vs.ws, 'talk.vtt'), VTT);
  await vs.openEpisode('episode.md');
  await importFile(vs, path.join(vs.ws, 'talk.vtt'));
  await pick(vs, 'Import Transcript: where to?', 'Into episode.md');
  // Replace/Cancel comes right after where-to, before the cue and speaker questions (issue 27 point 8).
  const dialog = p.locator('.monaco-dialog-box', { hasText: 'episode.md already has a transcript' });
  await dialog.waitFor();
  await vs.screenshot('import-confirm');
  await dialog.locator('.monaco-button', { hasText: 'Replace' }).click();
  await pick(vs, 'Import Transcript: cues', "One line per speaker's turn");
  await pick(vs, 'who is "SPEAKER_00"? (1 of 1)', 'Mara Quill');
  const replaced = {
    6: '  youtube: https://www.youtube.com/watch?v=AbCdEfGhIjK', 7: 'transcript:', 8: '- line: Lamps first. Then ledgers.', 9: '  sec: 1', 10: "  time: '0:01'",
    11: '  who: Mara Quill', 12: '- line: Agreed.', 13: '  sec: 6', 14: "  time: '0:06'", 15: '  who: Tobin Ashgrove', 16: '---',
  };
  await waitLines(vs, replaced);
  await p.locator('.tab.active.dirty[data-resource-name="episode.md"]').waitFor();
  assert.equal(vs.readFile('episode.md'), original, 'shown, not saved');
  await vs.screenshot('import-replace');

  await vs.focusEditor();
  await p.keyboard.press('Control+Z');
  const originalLines = original.split('\n');
  await waitLines(vs, Object.fromEntries(originalLines.slice(6, 16).map((text, i) => [i + 7, text])));
}));

// Chapters (issue 19) in real VS Code: Insert Chapters… from the clipboard through the refactor
// preview (the chapter that covers no line named, one undo step), Copy Chapters as a YouTube
// description (the intro title setting, YouTube's 10-second rule named), and Suggest Chapters
// answered by a language model provider that a test-only extension registers
// (fixtures/lm-provider: it answers from the prompt, no network).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withVSCode, closeBrowser, E2E_DIR, REPO_ROOT, OUT_DIR } from '../lib/vscode.mjs';
import { waitLines } from '../lib/extra.mjs';
import { commandWithPick, choose, reviewAndApply, notification } from '../lib/chapters.mjs';

after(closeBrowser);

const LM_VSIX = path.join(OUT_DIR, 'test-chapters-model.vsix');
before(() => {
  // The test-only provider, packaged with the repository's vsce (about 2 s, offline).
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', LM_VSIX], { cwd: path.join(E2E_DIR, 'fixtures', 'lm-provider'), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`packaging the test model failed:\n${run.stdout}\n${run.stderr}`);
});

test('Insert Chapters… from the clipboard: the refactor preview names the chapter that covers no line; applied as one undo step', (t) => withVSCode(t, { name: 'chapters-insert' }, async (vs) => {
  const p = vs.page;
  const original = vs.readFile('episode.md');
  await vs.openEpisode('episode.md');
  await p.evaluate((text) => navigator.clipboard.writeText(text), '0:00 Podcast Introduction\n0:05 Welcome: lighthouse bookkeeping\n1:10 The lamp log\n2:10 Closing words\n');

  await commandWithPick(vs, 'Transcripts: Insert Chapters…', 'Insert Chapters', 'From the Clipboard');
  await choose(vs, 'Insert Chapters', 'Replace the Headers');
  const review = await notification(vs, 'Review the header changes');
  assert.match(review, /Review the header changes in the Refactor Preview: tick the episode \(or single headers\), then Apply\. Not written \(they cover no line\): 00:00:00 Podcast Introduction\./);
  // Nothing is applied before the user says so.
  assert.equal(await vs.lineText(8), '- header: Introduction');
  await reviewAndApply(vs, [
    "- header: Introduction", "- header: 'Welcome: lighthouse bookkeeping'", '- header: Keeping the lamp log', '- header: The lamp log', '- header: Closing', '- header: Closing words',
  ]);

  await waitLines(vs, { 8: "- header: 'Welcome: lighthouse bookkeeping'", 17: '- header: The lamp log' });
  const done = await notification(vs, 'inserted as headers');
  assert.match(done, /3 chapters inserted as headers\. Not written \(they cover no line\): 00:00:00 Podcast Introduction\./);
  await vs.screenshot('chapters-inserted');

  // One undo step takes all three back; redo, save: exactly the header lines changed.
  await vs.focusEditor();
  await p.keyboard.press('Control+Z');
  await waitLines(vs, { 8: '- header: Introduction', 17: '- header: Keeping the lamp log' });
  await vs.gotoLine(38);
  await waitLines(vs, { 38: '- header: Closing' });
  await p.keyboard.press('Control+Shift+Z');
  await waitLines(vs, { 38: '- header: Closing words' });
  await p.keyboard.press('Control+S');
  await p.locator('.tab.active:not(.dirty)[data-resource-name="episode.md"]').waitFor();
  const expected = original
    .replace('- header: Introduction\n', "- header: 'Welcome: lighthouse bookkeeping'\n")
    .replace('- header: Keeping the lamp log\n', '- header: The lamp log\n')
    .replace('- header: Closing\n', '- header: Closing words\n');
  assert.notEqual(expected, original);
  assert.equal(vs.readFile('episode.md'), expected);
}));

test('Copy Chapters as a YouTube description: the intro title setting, YouTube\'s 10-second rule named', (t) => withVSCode(t, { name: 'chapters-copy', settings: { 'transcripts.chapters.introTitle': 'Lanterns intro' } }, async (vs) => {
  const p = vs.page;
  await vs.openEpisode('episode.md');
  await p.evaluate(() => navigator.clipboard.writeText('unchanged'));
  await commandWithPick(vs, 'Transcripts: Copy Chapters', 'Copy Chapters', 'YouTube Description');
  await notification(vs, 'Copied the chapters as YouTube Description (4 lines).');
  const rule = await notification(vs, 'YouTube needs');
  assert.match(rule, /Copy Chapters: YouTube needs each chapter to last at least 10 seconds: "Lanterns intro" \(00:00\) lasts 5 s/);
  const copied = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, '00:00 Lanterns intro\n00:05 Introduction\n01:15 Keeping the lamp log\n02:10 Closing\n');
  await vs.screenshot('chapters-copy');
}));

test('Suggest Chapters with a language model the test registers: prompt answered, chatty answer read leniently, same preview', (t) => withVSCode(t, { name: 'chapters-suggest', extraVsix: [LM_VSIX] }, async (vs) => {
  const p = vs.page;
  const original = vs.readFile('episode.md');
  await vs.openEpisode('episode.md');
  await vs.quickInput('F1', 'Transcripts: Suggest Chapters');
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Transcripts: Suggest Chapters' }).first().waitFor();
  await p.keyboard.press('Enter');

  // The model read the 8 timed lines of the prompt; its 0:00 chapter covers no line, its last is past the end.
  const review = await notification(vs, 'Review the header changes');
  assert.match(review, /Not written \(they cover no line\): 00:00:00 Podcast Introduction\. From Test Chapters Model: "Beyond the End" at 09:00:00 starts after the transcript ends \(00:02:10\): left out; 4 lines of the answer that are not chapters ignored\./);
  await reviewAndApply(vs, [
    "- header: Introduction", "- header: 'Opening: 8 timed lines read'", '- header: Keeping the lamp log', '- header: The Lamp Log', '- header: Closing', '- header: Closing Words',
  ]);
  await waitLines(vs, { 8: "- header: 'Opening: 8 timed lines read'", 17: '- header: The Lamp Log' });
  await p.keyboard.press('Control+S');
  await p.locator('.tab.active:not(.dirty)[data-resource-name="episode.md"]').waitFor();
  assert.equal(vs.readFile('episode.md'), original
    .replace('- header: Introduction\n', "- header: 'Opening: 8 timed lines read'\n")
    .replace('- header: Keeping the lamp log\n', '- header: The Lamp Log\n')
    .replace('- header: Closing\n', '- header: Closing Words\n'));
  await vs.screenshot('chapters-suggest');
}));

test('Suggest Chapters without a language model: said, nothing changed', (t) => withVSCode(t, { name: 'chapters-no-model' }, async (vs) => {
  const original = vs.readFile('episode.md');
  await vs.openEpisode('episode.md');
  await vs.quickInput('F1', 'Transcripts: Suggest Chapters');
  await vs.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Transcripts: Suggest Chapters' }).first().waitFor();
  await vs.page.keyboard.press('Enter');
  await notification(vs, 'Suggest Chapters: this editor offers no language model (a chat extension provides one). Nothing was changed.');
  assert.equal(await vs.lineText(8), '- header: Introduction');
  assert.equal(vs.readFile('episode.md'), original);
}));

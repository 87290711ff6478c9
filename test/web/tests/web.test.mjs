// The extension in VS Code for the Web: the language server in a Web Worker, other files read
// through the client from the virtual file system (vscode-test-web://mount/). One workbench for
// the whole file (steps in order: the quick fix edits the episode the earlier steps read).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchWeb } from '../lib/web.mjs';
import { tonesForEpisode } from '../../e2e/lib/tones.mjs';
import { playerFrame, playerTime, openPlayer, highlightedLines } from '../../e2e/lib/player.mjs';
import { waitValue, waitLines, runCommandWithInput, runCommandInto, chooseInOpenDialog, pickInQuickPick } from '../../e2e/lib/extra.mjs';
import { commandWithPick, choose, reviewAndApply, notification } from '../../e2e/lib/chapters.mjs';

/** The player's media, generated (no binary media in the repository): a tone per line of compost-basics.md. */
function addEpisodeAudio(folder) {
  const episode = path.join(folder, '_podcast', 'compost-basics.md');
  fs.writeFileSync(episode.replace(/\.md$/, '.wav'), tonesForEpisode(fs.readFileSync(episode, 'utf8')));
}

/** Captions to import (Import Transcript's step), beside the episodes. */
const CAPTIONS = '1\n00:00:02,000 --> 00:00:04,000\nSpeaker 1: Turn the heap weekly.\n\n2\n00:00:04,500 --> 00:00:06,000\nIlse: Even in winter?\n';
/** A Word document built with the docx library (as the unit tests build theirs; compiled to out/ by the build). */
async function prepareFolder(folder) {
  addEpisodeAudio(folder);
  fs.writeFileSync(path.join(folder, '_podcast', 'heap-talk.srt'), CAPTIONS);
  const { buildDocx } = createRequire(import.meta.url)('../../../out/test/docxFixture.js');
  const docx = await buildDocx([{ heading: 'Vents' }, '[1:02:03]', 'SPEAKER_00', 'Open them at dawn.\nClose them at dusk.']);
  fs.writeFileSync(path.join(folder, '_podcast', 'vents.docx'), docx);
}

let wb;
before(async () => { wb = await launchWeb({ name: 'web', prepare: prepareFolder }); });
after(async () => {
  await wb?.close({ failed: failures > 0, error: lastError });
});
let failures = 0;
let lastError;
/** A step that leaves a failure screenshot and log. */
const step = (name, fn) => test(name, async (t) => {
  const started = Date.now();
  try {
    await fn();
  } catch (e) {
    failures++;
    lastError = e;
    await wb.screenshot(`failed-${name.slice(0, 40)}`).catch(() => {});
    throw e;
  } finally {
    t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
});

const openFromExplorer = (relPath) => wb.openFromExplorer(relPath);

step('the server runs in a Web Worker and checks an episode of the mounted folder', async () => {
  await openFromExplorer('_podcast/greenhouse.md');
  const editor = wb.activeEditor();
  await editor.locator('.squiggly-error').first().waitFor();
  await wb.waitEditorStable();
  // The worker is started from a blob (VS Code wraps it); what it loaded shows in its resource timing.
  const loaded = await Promise.all(wb.workers.map((w) => w.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [])));
  assert.ok(loaded.flat().some((url) => url.endsWith('/dist/browser/server.js')), `a worker loaded dist/browser/server.js: ${JSON.stringify(loaded)}`);
  await wb.openProblems();
  await wb.problem('time-mismatch').first().waitFor();
  const texts = await wb.problemTexts();
  assert.ok(texts.some((t) => /time '0:25' is 25 s but sec is 20 s/.test(t)), texts.join('\n'));
  await wb.screenshot('web-diagnostics');
});

step('the folder\'s .transcriptlintrc.json is honoured (who-missing raised to an error)', async () => {
  const row = wb.problem('who-missing').first();
  await row.waitFor();
  assert.equal(await row.locator('.codicon-error').count(), 1, `an error icon: ${await row.innerHTML()}`);
});

step('hover on a line: the speaker, the time and the video link', async () => {
  await wb.focusEditor();
  const hover = await wb.hoverText('Welcome back to the greenhouse');
  await hover.locator('a', { hasText: 'Open video at 0:12' }).waitFor();
  const href = await hover.locator('a', { hasText: 'Open video at 0:12' }).getAttribute('href');
  assert.match(href, /^https:\/\/www\.youtube\.com\/watch\?v=GhSeNsOr123&t=12$/);
  await wb.screenshot('web-hover');
  await wb.page.mouse.move(5, 5);
  await wb.page.keyboard.press('Escape');
});

step('the Outline lists the headers of the episode', async () => {
  const p = wb.page;
  await wb.runCommand('Explorer: Focus on Outline View');
  const rows = p.locator('.outline-pane .monaco-list-row');
  await rows.filter({ hasText: 'Closing the Vents' }).first().waitFor();
  const labels = await rows.evaluateAll((els) => els.filter((el) => el.getAttribute('aria-level') === '1').map((el) => (el.querySelector('.label-name') ?? el).textContent.trim()));
  assert.deepEqual(labels, ['Opening the Vents', 'Closing the Vents']);
  await wb.screenshot('web-outline');
});

step('the quick fix "Recompute time from sec" is applied', async () => {
  const editor = wb.activeEditor();
  await wb.gotoLine(14, 12); // inside '0:25'
  await wb.waitEditorStable();
  const fix = await wb.quickFixMenu(/Recompute `?time`? from `?sec`?/);
  await wb.screenshot('web-quickfix-menu');
  // The preferred fix comes focused; Enter applies it (a click can land on the menu's pointer block here).
  assert.match(await fix.getAttribute('class'), /\bfocused\b/);
  await wb.page.keyboard.press('Enter');
  await wb.waitEditorLine(/^  time: '0:20'$/);
  await wb.problem('time-mismatch').first().waitFor({ state: 'detached' });
  await wb.screenshot('web-quickfix');
});

step('Check All Episodes reads the virtual file system and finds the transcript copied between two files', async () => {
  const p = wb.page;
  await wb.runCommand('Transcripts: Check All Episodes');
  const message = p.locator('.notification-list-item', { hasText: /Checked 3 episodes/ }).first();
  await message.waitFor();
  assert.match(await message.innerText(), /1 copied transcript/);
  await wb.openProblems();
  const copies = wb.problem('transcript-copy');
  await copies.nth(1).waitFor();
  const texts = await copies.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent));
  assert.ok(texts.some((t) => /_podcast\/compost-rerun\.md/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /_podcast\/compost-basics\.md/.test(t)), texts.join('\n'));
  await wb.screenshot('web-check-all');
});

step('Ctrl+T finds a header in every episode of the folder, the episode as container', async () => {
  const p = wb.page;
  await wb.focusEditor();
  await wb.quickInput('Control+T', 'Turning the Heap');
  const rows = p.locator('.quick-input-list .monaco-list-row', { hasText: 'Turning the Heap' });
  await rows.nth(1).waitFor();
  const labels = await rows.evaluateAll((els) => els.map((el) => el.textContent));
  assert.equal(labels.length, 2, labels.join('\n'));
  assert.ok(labels.some((l) => /Compost Basics/.test(l)) && labels.some((l) => /Compost, Again/.test(l)), labels.join('\n'));
  await wb.screenshot('web-workspace-symbols');
  await p.keyboard.press('Escape');
});

step('the player opens beside an episode, plays its audio from the virtual folder, and follows the cursor and back', async () => {
  const p = wb.page;
  await openFromExplorer('_podcast/compost-basics.md');
  await wb.waitEditorStable();
  await openPlayer(wb);
  await playerFrame(wb).locator('#file', { hasText: 'compost-basics.wav' }).waitFor();
  await waitValue(p, () => playerTime(wb), (v) => v === '0:00 / 1:48', { what: 'the WAV loaded (0:00 / 1:48)' });
  // The cursor on the third line (sec 23) seeks there while paused.
  await wb.gotoLine(16);
  await waitValue(p, () => playerTime(wb), (v) => v === '0:23 / 1:48', { what: 'seek to 0:23' });
  // The language status item: the time at the cursor and the episode's length (the last sec).
  await wb.languageStatus('0:23 / 1:44');
  await p.mouse.move(640, 300);
  // Go to Time 0:48: the item spoken then is the one at 0:41 (line 23); the player seeks to 0:48.
  await runCommandWithInput(wb, 'Transcripts: Go to Time', 'Go to Time', '0:48');
  await wb.waitCursorLine(23);
  await waitValue(p, () => playerTime(wb), (v) => v === '0:48 / 1:48', { what: 'Go to Time seeks to 0:48' });
  await waitValue(p, () => highlightedLines(wb), (l) => l.join() === '23,24,25,26', { what: 'highlight on the item at 0:41' });
  // Play (Ctrl+Alt+K): at 0:50 the highlight moves to the next item and the status item shows the time.
  await wb.focusEditor();
  await p.keyboard.press('Control+Alt+K');
  await p.locator('.statusbar-item', { hasText: /0:(49|5\d) \/ 1:48/ }).locator('.codicon-play').waitFor();
  await waitValue(p, () => highlightedLines(wb), (l) => l.join() === '27,28,29,30', { what: 'highlight on the item at 0:50', timeout: 15_000 });
  await wb.screenshot('web-player');
  await p.keyboard.press('Control+Alt+K');
  await p.locator('.statusbar-item .codicon-debug-pause').waitFor();
});

step('Insert Chapters from the clipboard through the Refactor Preview (the server in the worker places them)', async () => {
  const p = wb.page;
  // compost-basics.md is the active editor since the player's step.
  await p.locator('.tab.active[data-resource-name="compost-basics.md"]').waitFor();
  await wb.gotoLine(1);
  await p.evaluate((text) => navigator.clipboard.writeText(text), '0:00 Intro\n0:05 Turning the Heap\n0:41 Moisture: too wet, too dry\n');
  await commandWithPick(wb, 'Transcripts: Insert Chapters…', 'Insert Chapters', 'From the Clipboard');
  await choose(wb, 'Insert Chapters', 'Replace the Headers');
  const review = await notification(wb, 'Review the header changes');
  assert.match(review, /Not written \(they cover no line\): 00:00:00 Intro\./);
  // "Turning the Heap" is already where the list puts it: the only edit is the new header.
  await reviewAndApply(wb, ["- header: 'Moisture: too wet, too dry'"]);
  await wb.gotoLine(24);
  await waitLines(wb, { 22: '  who: Joran', 23: "- header: 'Moisture: too wet, too dry'" });
  assert.match(await wb.lineText(24), /^- line: When it reaches sixty degrees/);
  await wb.screenshot('web-chapters');
});

step('Import Transcript reads an SRT file of the virtual folder into a new untitled episode, one item per cue', async () => {
  const p = wb.page;
  await wb.focusEditor(); // compost-basics.md, from the player's step
  await runCommandInto(wb, 'Transcripts: Import Transcript…', 'Import Transcript');
  await chooseInOpenDialog(wb, 'heap-talk.srt');
  await pickInQuickPick(wb, 'Import Transcript: where to?', 'Into a new episode');
  await pickInQuickPick(wb, 'Import Transcript: cues', 'One item per cue');
  await pickInQuickPick(wb, 'who is "Speaker 1"? (1 of 1)', 'Joran');
  await p.locator('.tab.active[data-resource-name^="Untitled"]').waitFor();
  const expected = [
    '---', 'transcript:', '- line: Turn the heap weekly.', '  sec: 2', "  time: '0:02'", '  who: Joran',
    '- line: Even in winter?', '  sec: 4', "  time: '0:04'", '  who: Ilse', '---', '',
  ];
  await waitValue(p, async () => (await wb.editorLines()).map((l) => l.text), (lines) => lines.join('\n') === expected.join('\n'), { what: 'the imported episode' });
  await wb.screenshot('web-import');
});

step('Import Transcript reads a Word document in the browser (mammoth in the Web Worker) into a new untitled episode', async () => {
  const p = wb.page;
  await wb.focusEditor(); // the untitled episode of the step before: the dialog opens at the folder's root
  await runCommandInto(wb, 'Transcripts: Import Transcript…', 'Import Transcript');
  await chooseInOpenDialog(wb, 'vents.docx', '/_podcast/vents.docx');
  await pickInQuickPick(wb, 'Import Transcript: where to?', 'Into a new episode');
  await pickInQuickPick(wb, 'who is "SPEAKER_00"? (1 of 1)', 'Wren');
  await p.locator('.tab.active[data-resource-name="Untitled-2"]').waitFor();
  const expected = [
    '---', 'transcript:', '- header: Vents', '- line: Open them at dawn.', '  sec: 3723', "  time: '1:02:03'", '  who: Wren',
    '- line: Close them at dusk.', '  sec: 3723', "  time: '1:02:03'", '  who: Wren', '---', '',
  ];
  await waitValue(p, async () => (await wb.editorLines()).map((l) => l.text), (lines) => lines.join('\n') === expected.join('\n'), { what: 'the imported Word document' });
  await wb.screenshot('web-import-docx');
});

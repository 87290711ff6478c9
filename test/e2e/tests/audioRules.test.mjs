// The audio rules in real VS Code (issue 24): an episode with its spoken media beside it (espeak-ng and
// sox make the speech; the test skips with the reason without them). The player finds the media, the
// language server analyses it, and the line whose `sec` says 0:12 while it is spoken at 0:09 gets a
// sec-off-speech diagnostic; "Snap to speech at 0:09" sets `sec` and `time` in one edit, nothing else.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';
import { waitLines, waitValue } from '../lib/extra.mjs';
import { kettleEpisode, m4aMissing, speechMissing, writeKettleEpisode } from '../lib/speech.mjs';
import { laneSpeech, openPlayer, playerFrame } from '../lib/player.mjs';

after(closeBrowser);
const missing = speechMissing();

test('sec-off-speech on the line spoken 3 s before its sec, and Snap to speech sets sec and time in one edit', { skip: missing }, async (t) => {
  const fixtures = await fsp.mkdtemp(path.join(os.tmpdir(), 'pt-audio-rules-'));
  writeKettleEpisode(fixtures);
  await withVSCode(t, { name: 'audio-rules', fixtures }, async (vs) => {
    const p = vs.page;
    await vs.openFile('kettle-hour.md');
    await vs.waitEditorStable();
    // Before the player has the media, no audio finding: the rules need the analysis.
    await vs.openProblems();
    assert.equal(await vs.problem('sec-off-speech').count(), 0);
    await openPlayer(vs);
    await playerFrame(vs).locator('body.waveform').waitFor();
    const row = vs.problem('sec-off-speech');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.match(await row.first().getAttribute('aria-label'), /sec 12 \(0:12\) is 3 s from the nearest start of speech, at 0:09/);

    await p.locator('.tab[data-resource-name="kettle-hour.md"]').click();
    await vs.gotoLine(9, 9); // inside `12`
    await vs.waitEditorStable();
    const fix = await vs.quickFixMenu('Snap to speech at 0:09');
    await vs.screenshot('audio-rules-snap');
    await fix.click();
    await waitLines(vs, { 9: '  sec: 9', 10: "  time: '0:09'" });
    await row.first().waitFor({ state: 'detached' });
    // Saved, the file is the episode with exactly those two values changed.
    await vs.focusEditor();
    await p.keyboard.press('Control+S');
    await p.locator('.tab.active:not(.dirty)[data-resource-name="kettle-hour.md"]').waitFor();
    assert.equal(vs.readFile('kettle-hour.md'), kettleEpisode().replace("  sec: 12\n  time: '0:12'", "  sec: 9\n  time: '0:09'"));
    // One undo step puts both back.
    await p.keyboard.press('Control+Z');
    await waitLines(vs, { 9: '  sec: 12', 10: "  time: '0:12'" });
  });
  await fsp.rm(fixtures, { recursive: true, force: true });
});

test('an M4A (AAC) beside the episode: the server cannot decode it, the player\'s page (Chromium) does, and sec-off-speech follows from its analysis', { skip: m4aMissing() }, async (t) => {
  const fixtures = await fsp.mkdtemp(path.join(os.tmpdir(), 'pt-audio-m4a-'));
  writeKettleEpisode(fixtures, 'kettle-hour', { format: 'm4a' });
  await withVSCode(t, { name: 'audio-rules-m4a', fixtures }, async (vs) => {
    const p = vs.page;
    await vs.openFile('kettle-hour.md');
    await vs.waitEditorStable();
    await openPlayer(vs);
    const frame = playerFrame(vs);
    await frame.locator('#file', { hasText: 'kettle-hour.m4a' }).waitFor();
    await frame.locator('body.waveform').waitFor();
    const speech = await waitValue(p, () => laneSpeech(frame), (s) => s.length === 4, { what: 'four spans of speech from the page\'s analysis' });
    // AAC's encoder delay moves onsets by a few hundredths of a second: each span starts in its line's second.
    assert.deepEqual(speech.map(([start]) => Math.floor(start * 31 + 0.05)), [2, 9, 18, 25], JSON.stringify(speech));
    assert.equal(await frame.locator('#lane-note').isHidden(), true, 'no note: the analysis was drawn');
    await vs.openProblems();
    const row = vs.problem('sec-off-speech');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.match(await row.first().getAttribute('aria-label'), /sec 12 \(0:12\) is 3 s from the nearest start of speech, at 0:09/);
    await vs.screenshot('audio-rules-m4a');
  });
  await fsp.rm(fixtures, { recursive: true, force: true });
});

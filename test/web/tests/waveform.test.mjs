// The speech analysis in VS Code for the Web (issue 24): the language server in its Web Worker gets
// the episode's media bytes from the client (vscode.workspace.fs over vscode-test-web://mount/),
// decodes and analyses them with the WebAssembly decoder and VAD inlined in its bundle, and the player
// draws the waveform with the speech shaded; the audio rules then find the line whose `sec` misses
// its speech. The speech is made for the test (espeak-ng and sox): it skips with the reason without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchWeb } from '../lib/web.mjs';
import { waitValue } from '../../e2e/lib/extra.mjs';
import { playerFrame, playerTime, openPlayer, laneRegions, laneSpeech } from '../../e2e/lib/player.mjs';
import { m4aMissing, speechMissing, writeKettleEpisode } from '../../e2e/lib/speech.mjs';

const missing = speechMissing();

/** A workbench of its own on the fixtures plus the spoken episode (`format`: its media's), closed after `fn`. */
async function withSpokenEpisode(name, format, fn) {
  const wb = await launchWeb({ name, prepare: (folder) => writeKettleEpisode(path.join(folder, '_podcast'), 'kettle-hour', { format }) });
  let failed = false;
  try {
    await fn(wb);
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await wb.close({ failed });
  }
}

/** Opens the spoken episode and its player; waits for the lane drawn from an analysis, zoomed out to the whole media. */
async function openPlayerOnEpisode(wb, mediaName) {
  const p = wb.page;
  await wb.openFromExplorer('_podcast/kettle-hour.md');
  await wb.waitEditorStable();
  await openPlayer(wb);
  const frame = playerFrame(wb);
  await frame.locator('#file', { hasText: mediaName }).waitFor();
  await waitValue(p, () => playerTime(wb), (v) => v === '0:00 / 0:31', { what: 'the media loaded (0:00 / 0:31)' });
  // The analysis came back (no note saying why there is no waveform) and is drawn.
  await frame.locator('body.waveform').waitFor();
  // Zoomed out to the whole media, every line's region is drawn (wavesurfer draws only the regions in view).
  while (!(await frame.locator('#zoom-out').isDisabled())) await frame.locator('#zoom-out').click();
  await waitValue(p, () => frame.locator('#zoom-level').textContent(), (v) => v === 'whole', { what: 'zoomed out to the whole media' });
  await waitValue(p, () => laneRegions(frame), (r) => r.map(([index]) => index).join() === '0,1,2,3', { what: 'four regions, one per timed line' });
  assert.equal(await frame.locator('#lane-note').isHidden(), true, 'no note: the analysis was drawn');
  return frame;
}

/** The one sec-off-speech finding of the episode, in the Problems panel. */
async function expectMovedLineFound(wb) {
  await wb.openProblems();
  const row = wb.problem('sec-off-speech');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.first().getAttribute('aria-label'), /sec 12 \(0:12\) is 3 s from the nearest start of speech, at 0:09/);
}

test('the player in VS Code for the Web: the worker analyses the media, the waveform shades its speech, sec-off-speech finds the moved line', { skip: missing }, () => withSpokenEpisode('web-waveform', 'wav', async (wb) => {
  const frame = await openPlayerOnEpisode(wb, 'kettle-hour.wav');
  // Four spoken lines, four shaded spans, each starting where its line's speech starts (2, 9, 18, 25 s of 31).
  const speech = await waitValue(wb.page, () => laneSpeech(frame), (s) => s.length === 4, { what: 'four spans of speech' });
  assert.deepEqual(speech.map(([start]) => Math.round(start * 31)), [2, 9, 18, 25], JSON.stringify(speech));
  // The server checked the episode against that analysis: the line at 0:12 is spoken at 0:09.
  await expectMovedLineFound(wb);
  await wb.screenshot('web-waveform');
}));

test('an M4A (AAC) in VS Code for the Web: the worker cannot decode it, the player\'s page (Chromium) does, and the worker checks the episode against that', { skip: missing || m4aMissing() }, () => withSpokenEpisode('web-waveform-m4a', 'm4a', async (wb) => {
  const frame = await openPlayerOnEpisode(wb, 'kettle-hour.m4a');
  const speech = await waitValue(wb.page, () => laneSpeech(frame), (s) => s.length === 4, { what: 'four spans of speech' });
  // AAC's encoder delay moves onsets by a few hundredths of a second: each span starts in its line's second.
  assert.deepEqual(speech.map(([start]) => Math.floor(start * 31 + 0.05)), [2, 9, 18, 25], JSON.stringify(speech));
  await expectMovedLineFound(wb);
  await wb.screenshot('web-waveform-m4a');
}));

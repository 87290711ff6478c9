// The speech analysis in VS Code for the Web (issue 24): the language server in its Web Worker gets
// the episode's media bytes from the client (vscode.workspace.fs over vscode-test-web://mount/),
// decodes and analyses them with the WebAssembly decoder and VAD inlined in its bundle, and the player
// draws the waveform with the speech shaded; the audio rules then find the line whose `sec` misses
// its speech. The speech is made for the test (espeak-ng and sox): it skips with the reason without them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchWeb } from '../lib/web.mjs';
import { waitValue } from '../../e2e/lib/extra.mjs';
import { playerFrame, playerTime, openPlayer, laneRegions, laneSpeech } from '../../e2e/lib/player.mjs';
import { speechMissing, writeKettleEpisode } from '../../e2e/lib/speech.mjs';

const missing = speechMissing();
let wb;
let failed = false;
before(async () => {
  if (!missing) wb = await launchWeb({ name: 'web-waveform', prepare: (folder) => writeKettleEpisode(path.join(folder, '_podcast')) });
});
after(async () => { await wb?.close({ failed }); });

test('the player in VS Code for the Web: the worker analyses the media, the waveform shades its speech, sec-off-speech finds the moved line', { skip: missing }, async () => {
  try {
    const p = wb.page;
    await wb.openFromExplorer('_podcast/kettle-hour.md');
    await wb.waitEditorStable();
    await openPlayer(wb);
    const frame = playerFrame(wb);
    await frame.locator('#file', { hasText: 'kettle-hour.wav' }).waitFor();
    await waitValue(p, () => playerTime(wb), (v) => v === '0:00 / 0:31', { what: 'the WAV loaded (0:00 / 0:31)' });
    // The analysis came back from the worker (no note saying why there is no waveform) and is drawn.
    await frame.locator('body.waveform').waitFor();
    assert.equal(await frame.locator('#lane-note').isHidden(), true, 'no note: the analysis was drawn');
    // Zoomed out to the whole media, every line's region is drawn (wavesurfer draws only the regions in view).
    while (!(await frame.locator('#zoom-out').isDisabled())) await frame.locator('#zoom-out').click();
    await waitValue(p, () => frame.locator('#zoom-level').textContent(), (v) => v === 'whole', { what: 'zoomed out to the whole media' });
    await waitValue(p, () => laneRegions(frame), (r) => r.map(([index]) => index).join() === '0,1,2,3', { what: 'four regions, one per timed line' });
    // Four spoken lines, four shaded spans, each starting where its line's speech starts (2, 9, 18, 25 s of 31).
    const speech = await waitValue(p, () => laneSpeech(frame), (s) => s.length === 4, { what: 'four spans of speech' });
    assert.deepEqual(speech.map(([start]) => Math.round(start * 31)), [2, 9, 18, 25], JSON.stringify(speech));
    // The server checked the episode against that analysis: the line at 0:12 is spoken at 0:09.
    await wb.openProblems();
    const row = wb.problem('sec-off-speech');
    await row.first().waitFor();
    assert.equal(await row.count(), 1);
    assert.match(await row.first().getAttribute('aria-label'), /sec 12 \(0:12\) is 3 s from the nearest start of speech, at 0:09/);
    await wb.screenshot('web-waveform');
  } catch (e) {
    failed = true;
    throw e;
  }
});

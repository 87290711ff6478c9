// The player's waveform lane (issue 24) in real VS Code: the episode's audio (a generated WAV of tones,
// one per transcript line) analysed by the language server and drawn by wavesurfer.js, every timed line
// a region, the line being played as text under the lane, zoom, and a region's start dragged to move
// that line's `sec` and `time` in one edit (one undo step); the panel below the episode as well.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withVSCode, closeBrowser, E2E_DIR } from '../lib/vscode.mjs';
import { waitValue, waitLines } from '../lib/extra.mjs';
import { tonesForEpisode } from '../lib/tones.mjs';
import { playerFrame, playerTime, openPlayer, laneRegions as regions } from '../lib/player.mjs';

after(closeBrowser);

async function fixtures() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'pt-waveform-'));
  await fsp.cp(path.join(E2E_DIR, 'fixtures', 'player'), dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'listen.wav'), tonesForEpisode(fs.readFileSync(path.join(dir, 'listen.md'), 'utf8')));
  return dir;
}

test('the waveform lane: a region per timed line, the line being played under it, zoom, and a dragged start moves sec and time in one undo step', async (t) => withVSCode(t, {
  name: 'waveform', fixtures: await fixtures(),
}, async (vs) => {
  const p = vs.page;
  await vs.openFile('listen.md');
  await vs.waitEditorStable();
  await vs.gotoLine(13);
  await openPlayer(vs);
  const frame = playerFrame(vs);
  await waitValue(p, () => playerTime(vs), (v) => v === '0:04 / 0:17', { what: 'the WAV loaded at 0:04' });
  // The analysis came back (no note saying why there is no waveform) and the lane is drawn.
  await frame.locator('body.waveform').waitFor();
  await waitValue(p, () => regions(frame), (r) => r.length === 5, { what: 'five regions, one per timed line' });
  assert.equal(await frame.locator('#lane-note').isHidden(), true, 'no note: the analysis was drawn');
  const lanes = await regions(frame);
  // Items 1, 2, 3, 5 and 6 are the timed lines (0 and 4 are headers), in order of their seconds.
  assert.deepEqual(lanes.map((r) => r[0]), [1, 2, 3, 5, 6]);
  for (let i = 1; i < lanes.length; i++) assert.ok(lanes[i][1] > lanes[i - 1][1], `region ${i} starts after region ${i - 1}`);
  // The line being played (paused at 0:04) shown under the lane.
  await waitValue(p, () => frame.locator('#now').textContent(), (v) => v === 'Ben Ortiz · 0:04 — Then it climbs a little.', { what: 'the line at 0:04 under the lane' });

  // Zoom in: the lane gets wider than the panel (it scrolls); zoom back.
  const zoomBefore = await frame.locator('#zoom-level').textContent();
  await frame.locator('#zoom-in').click();
  await waitValue(p, () => frame.locator('#zoom-level').textContent(), (v) => v !== zoomBefore, { what: 'the zoom level changes' });
  await frame.locator('#zoom-out').click();
  await waitValue(p, () => frame.locator('#zoom-level').textContent(), (v) => v === zoomBefore, { what: 'the zoom level back' });

  // Drag the start of the line at 0:07 (item 3) one second later: one edit of sec and time.
  const now = await regions(frame);
  const [, left, right] = now.find((r) => r[0] === 3);
  const [, left2] = now.find((r) => r[0] === 2);
  const pxPerSecond = (left - left2) / 3; // item 2 starts at 4 s, item 3 at 7 s
  const handle = frame.locator('#waveform').locator('[part~="line-3"] [part~="region-handle-left"]');
  const box = await handle.boundingBox();
  assert.ok(box && right > left, 'the handle of the region at 0:07 is on screen');
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width / 2 + pxPerSecond / 2, box.y + box.height / 2, { steps: 4 });
  await p.mouse.move(box.x + box.width / 2 + pxPerSecond * 1.1, box.y + box.height / 2, { steps: 4 });
  await p.mouse.up();
  // The drag left the focus in the player: back to the episode's tab to read it.
  await p.locator('.tab[data-resource-name="listen.md"]').click();
  await waitLines(vs, { 16: '  sec: 8', 17: "  time: '0:08'" });
  await waitValue(p, () => regions(frame), (r) => r.length === 5 && r.find((x) => x[0] === 3)[1] > left, { what: 'the region redrawn at its new second' });
  await vs.screenshot('player-waveform');
  // One undo step puts both back.
  await p.locator('.tab[data-resource-name="listen.md"]').click();
  await p.keyboard.press('Control+Z');
  await waitLines(vs, { 16: '  sec: 7', 17: "  time: '0:07'" });
}));

test('the player below the episode: controls and lane side by side in a short strip', async (t) => withVSCode(t, {
  name: 'waveform-below', fixtures: await fixtures(), settings: { 'transcripts.player.location': 'below' },
}, async (vs) => {
  const p = vs.page;
  await vs.openFile('listen.md');
  await vs.waitEditorStable();
  await openPlayer(vs);
  const frame = playerFrame(vs);
  await frame.locator('body.waveform').waitFor();
  await waitValue(p, () => regions(frame), (r) => r.length === 5, { what: 'five regions' });
  // The webview sits under the editor: its top is below the editor's.
  const editorBox = await p.locator('.editor-instance .monaco-editor').first().boundingBox();
  const webviewBox = await p.locator('iframe.webview.ready').boundingBox();
  assert.ok(webviewBox.y > editorBox.y + 50, `the player (top ${webviewBox.y}) is below the episode (top ${editorBox.y})`);
  // Side by side: the lane starts to the right of the Play button.
  const play = await frame.locator('#play').boundingBox();
  const lane = await frame.locator('#waveform').boundingBox();
  assert.ok(lane.x > play.x + play.width, 'the lane is beside the controls');
  await vs.screenshot('player-below');
}));

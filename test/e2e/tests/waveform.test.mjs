// The player's waveform lane (issue 24) in real VS Code: the episode's audio (a generated WAV of tones,
// one per transcript line) analysed by the language server and drawn by wavesurfer.js, every timed line
// a region, the line being played as text under the lane, zoom, and a region's start dragged to move
// that line's `sec` and `time` in one edit (one undo step); the panel below the episode as well; a long
// episode's lines as ticks when zoomed out to the whole.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withVSCode, closeBrowser, E2E_DIR } from '../lib/vscode.mjs';
import { waitValue, waitLines } from '../lib/extra.mjs';
import { playerFolderWithTones, tonesWav } from '../lib/tones.mjs';
import { playerFrame, playerTime, openPlayer, laneRegions as regions } from '../lib/player.mjs';

after(closeBrowser);

const fixtures = () => playerFolderWithTones(path.join(E2E_DIR, 'fixtures', 'player'), 'pt-waveform-');

/** Opens `file` (at `line`, when given) and its player; the player's frame. */
async function openWithPlayer(vs, file, line) {
  await vs.openFile(file);
  await vs.waitEditorStable();
  if (line) await vs.gotoLine(line);
  await openPlayer(vs);
  return playerFrame(vs);
}

test('the waveform lane: a region per timed line, the line being played under it, zoom, and a dragged start moves sec and time in one undo step', async (t) => withVSCode(t, {
  name: 'waveform', fixtures: await fixtures(),
}, async (vs) => {
  const p = vs.page;
  const frame = await openWithPlayer(vs, 'listen.md', 13);
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
  const frame = await openWithPlayer(vs, 'listen.md');
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

/** A 16-minute episode of 240 timed lines, one every 4 s, with a tone as its media. */
async function longEpisodeFolder() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pt-waveform-long-'));
  const items = Array.from({ length: 240 }, (_, i) => `- line: Line number ${i + 1}.\n  sec: ${i * 4}\n  time: '${Math.floor((i * 4) / 60)}:${String((i * 4) % 60).padStart(2, '0')}'\n  who: ${i % 2 ? 'Ben Ortiz' : 'Ada Reed'}\n`);
  await fs.writeFile(path.join(dir, 'long.md'), `---\ntitle: "A long fictional episode"\ntranscript:\n${items.join('')}---\n`);
  await fs.writeFile(path.join(dir, 'long.wav'), tonesWav([{ from: 0, hz: 440 }], 240 * 4 + 2, 4000));
  return dir;
}

test('a long episode: regions only for the lines in view, every line a tick when zoomed out to the whole', async (t) => withVSCode(t, {
  name: 'waveform-long', fixtures: await longEpisodeFolder(),
}, async (vs) => {
  const p = vs.page;
  const frame = await openWithPlayer(vs, 'long.md');
  await waitValue(p, () => playerTime(vs), (v) => v === '0:00 / 16:02', { what: 'the WAV loaded (16:02)' });
  await frame.locator('body.waveform').waitFor();
  // At the default zoom the lane shows the first seconds: the regions there, none of the lines minutes later.
  await waitValue(p, () => regions(frame), (r) => r.length > 0, { what: 'regions drawn' });
  const first = await regions(frame);
  assert.deepEqual(first.map((r) => r[0]), first.map((_, i) => i), 'the first lines, in order, from the line at 0:00');
  assert.ok(first.length < 30, `the regions in view (${first.length} of 240)`);
  const ticks = () => frame.locator('#waveform').evaluate((lane) => lane.querySelector('div')?.shadowRoot?.querySelectorAll('[part~="line-ticks"] > span').length ?? 0);
  assert.equal(await ticks(), 0, 'no ticks while regions are shown');
  // Zoomed out to the whole 16 minutes: 240 lines are too many for regions; each is a tick.
  while (!(await frame.locator('#zoom-out').isDisabled())) await frame.locator('#zoom-out').click();
  await waitValue(p, ticks, (n) => n === 240, { what: '240 ticks, one per timed line' });
  assert.equal((await regions(frame)).length, 0, 'no regions when zoomed out that far');
  await vs.screenshot('player-waveform-long');
  // Back in: regions again, the ticks gone.
  while ((await frame.locator('#zoom-level').textContent()) !== '20 px/s') await frame.locator('#zoom-in').click();
  await waitValue(p, () => regions(frame), (r) => r.length > 0 && r.length < 30, { what: 'regions for the lines in view again' });
  assert.equal(await ticks(), 0, 'the ticks gone');
}));

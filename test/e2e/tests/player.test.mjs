// The media player (issue 13) in real VS Code: the panel opens beside an episode and loads its audio
// (a WAV of tones generated here: one pitch per transcript line) paused at the item at the cursor, moving the cursor seeks, playing
// moves the highlight, Set Time From Player and Insert Line at Player Time write the player's second,
// Go to Time lands on the line; a missing and an unplayable file get their messages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { withVSCode, closeBrowser, E2E_DIR } from '../lib/vscode.mjs';
import { waitValue, waitLines, runCommandWithInput } from '../lib/extra.mjs';
import { playerFolderWithTones } from '../lib/tones.mjs';
import { playerFrame, playerTime, openPlayer, highlightedLines } from '../lib/player.mjs';

after(closeBrowser);

/** The player fixtures plus generated media: listen.wav (tones) and broken.mp4 (not media at all). */
async function playerFixtures() {
  const dir = await playerFolderWithTones(path.join(E2E_DIR, 'fixtures', 'player'), 'pt-player-');
  await fsp.writeFile(path.join(dir, 'broken.mp4'), Buffer.from('this is text, not an mp4 file\n'.repeat(50)));
  // Found through transcripts.player.mediaFolders by the episode's ids.youtube; the other file is a longer id's.
  await fsp.mkdir(path.join(dir, 'media'));
  await fsp.copyFile(path.join(dir, 'listen.wav'), path.join(dir, 'media', 'talk-ByIdTeSt001.wav'));
  await fsp.copyFile(path.join(dir, 'listen.wav'), path.join(dir, 'media', 'ByIdTeSt0012.mp3'));
  return dir;
}

/** Presses keys in the episode's editor (it must keep focus for the player's keybindings there). */
async function press(vs, keys) {
  await vs.focusEditor();
  await vs.page.keyboard.press(keys);
}

test('the player follows the cursor, the transcript follows the player, times come from the player', async (t) => withVSCode(t, {
  name: 'player', fixtures: await playerFixtures(), settings: { 'transcripts.player.skipSeconds': 2 },
}, async (vs) => {
  const p = vs.page;
  await vs.openFile('listen.md');
  await vs.waitEditorStable();
  // The player opens paused at the item at the cursor: line 13 is in the second item (sec 4).
  await vs.gotoLine(13);
  await openPlayer(vs);
  const frame = playerFrame(vs);
  await frame.locator('#file', { hasText: 'listen.wav' }).waitFor();
  await waitValue(p, () => playerTime(vs), (v) => v === '0:04 / 0:17', { what: 'the WAV loaded at the cursor\'s item (0:04 / 0:17)' });
  assert.equal(await frame.locator('#play').textContent(), 'Play', 'paused');
  await p.locator('.statusbar-item', { hasText: '0:04 / 0:17' }).locator('.codicon-debug-pause').waitFor();
  await vs.waitCursorLine(13);

  // The cursor on any line of an item seeks there while paused; a header seeks to its first timed line.
  await vs.gotoLine(19);
  await waitValue(p, () => playerTime(vs), (v) => v === '0:10 / 0:17', { what: 'seek to 0:10 (the header Ending)' });
  await vs.gotoLine(12);
  await waitValue(p, () => playerTime(vs), (v) => v === '0:04 / 0:17', { what: 'seek back to 0:04' });
  await waitValue(p, () => highlightedLines(vs), (l) => l.join() === '11,12,13,14', { what: 'highlight on the item at 0:04' });
  await vs.screenshot('player-paused');

  // Play (Ctrl+Alt+K): after about 3 s the highlight moves to the next item (sec 7).
  await press(vs, 'Control+Alt+K');
  await p.locator('.statusbar-item', { hasText: /0:0[4-9] \/ 0:17/ }).locator('.codicon-play').waitFor();
  await waitValue(p, () => highlightedLines(vs), (l) => l.join() === '15,16,17,18', { what: 'highlight on the item at 0:07', timeout: 15_000 });
  await vs.screenshot('player-playing');
  // Typing stops following (the highlight goes) until the next play.
  await press(vs, 'End');
  await p.keyboard.type(' ');
  await waitValue(p, () => highlightedLines(vs), (l) => l.length === 0, { what: 'no highlight after typing' });
  await p.keyboard.press('Control+Z');
  await press(vs, 'Control+Alt+K');
  await p.locator('.statusbar-item .codicon-debug-pause').waitFor();
  await press(vs, 'Control+Alt+K');
  await waitValue(p, () => highlightedLines(vs), (l) => l.length > 0, { what: 'the highlight back after play' });
  await press(vs, 'Control+Alt+K');
  await p.locator('.statusbar-item .codicon-debug-pause').waitFor();

  // Set Time From Player: on the item at 0:10 (seeks there), forward 2 s (Ctrl+Alt+L), then the command.
  await vs.gotoLine(21);
  await waitValue(p, () => playerTime(vs), (v) => v === '0:10 / 0:17', { what: 'seek to 0:10' });
  await press(vs, 'Control+Alt+L');
  await waitValue(p, () => playerTime(vs), (v) => v === '0:12 / 0:17', { what: 'forward to 0:12' });
  await vs.runCommand('Transcripts: Set Time From Player');
  await waitLines(vs, { 21: '  sec: 12', 22: "  time: '0:12'" });
  await vs.screenshot('player-set-time');
  // One undo step.
  await press(vs, 'Control+Z');
  await waitLines(vs, { 21: '  sec: 10', 22: "  time: '0:10'" });

  // Go to Time: 0:08 is spoken in the item at 0:07 (line 15); the player seeks to 0:08.
  await runCommandWithInput(vs, 'Transcripts: Go to Time', 'Go to Time', '0:08');
  await vs.waitCursorLine(15);
  await waitValue(p, () => playerTime(vs), (v) => v === '0:08 / 0:17', { what: 'Go to Time seeks to 0:08' });

  // Insert Line at Player Time: a new line after that item, at 0:08, the other speaker, the cursor in `line`.
  await vs.runCommand('Transcripts: Insert Line at Player Time');
  await waitLines(vs, { 19: '- line: ', 20: '  sec: 8', 21: "  time: '0:08'", 22: '  who: Ben Ortiz', 23: '- header: Ending' });
  await vs.waitCursorLine(19);
  await p.keyboard.type('Typed here.');
  await waitLines(vs, { 19: '- line: Typed here.' });
  await p.keyboard.press('Control+S');
  await p.locator('.tab.active:not(.dirty)[data-resource-name="listen.md"]').waitFor();
  assert.match(vs.readFile('listen.md'), /  who: Ada Reed\n- line: Typed here.\n  sec: 8\n  time: '0:08'\n  who: Ben Ortiz\n- header: Ending\n/);
  await vs.gotoLine(15);
  await vs.screenshot('player');
}));

test('media found by id in a media folder, played by key from the player; a missing and an unplayable file get their messages; Choose Media File… plays and is remembered', async (t) => withVSCode(t, {
  name: 'player-messages', fixtures: await playerFixtures(), settings: { 'transcripts.player.mediaFolders': ['media'] },
}, async (vs) => {
  const p = vs.page;
  await vs.openFile('byid.md');
  await vs.waitEditorStable();
  await openPlayer(vs);
  await playerFrame(vs).locator('#file', { hasText: 'talk-ByIdTeSt001.wav' }).waitFor();
  await waitValue(p, () => playerTime(vs), (v) => v === '0:00 / 0:17', { what: 'the WAV loaded' });
  // The keys work while the player has focus too.
  await playerFrame(vs).locator('#file').click();
  await p.keyboard.press('Control+Alt+K');
  await p.locator('.statusbar-item', { hasText: '/ 0:17' }).locator('.codicon-play').waitFor();
  await p.keyboard.press('Control+Alt+K');
  await p.locator('.statusbar-item', { hasText: '/ 0:17' }).locator('.codicon-debug-pause').waitFor();
  await p.keyboard.press('Control+1'); // back to the episodes' editor group, so the next files open there
  await vs.focusEditor();

  await vs.openFile('nomedia.md');
  await vs.waitEditorStable();
  await openPlayer(vs);
  const message = playerFrame(vs).locator('#message');
  await message.filter({ hasText: 'No media file found for nomedia.md' }).waitFor();
  assert.match(await message.textContent(), /looked for nomedia\.mp3 .* next to it .*Choose Media File…/);
  assert.equal(await playerFrame(vs).locator('#choose').isVisible(), true);
  await vs.screenshot('player-missing');

  // Choose Media File…: VS Code's own open dialog (the simple one in a browser); the choice plays at once…
  await playerFrame(vs).locator('#choose').click();
  const pathBox = p.locator('.quick-input-widget .quick-input-box input');
  // The dialog fills in the episode's folder and lists it a moment later: typing before that gets prefixed.
  await p.locator('.quick-input-list .monaco-list-row', { hasText: 'listen.wav' }).waitFor();
  await waitValue(p, () => pathBox.inputValue(), (v) => v.endsWith('/'), { what: 'the dialog at the episode\'s folder' });
  await pathBox.fill(path.join(vs.ws, 'listen.wav'));
  await p.keyboard.press('Enter');
  await playerFrame(vs).locator('#file', { hasText: 'listen.wav' }).waitFor();
  await waitValue(p, () => playerTime(vs), (v) => v === '0:00 / 0:17', { what: 'the chosen WAV loaded' });
  assert.equal(await message.isVisible(), false, 'the missing-file message is gone');

  await vs.openFile('broken.md');
  await vs.waitEditorStable();
  await openPlayer(vs);
  await playerFrame(vs).locator('#file', { hasText: 'broken.mp4' }).waitFor();
  await message.filter({ hasText: 'broken.mp4 cannot be played here' }).waitFor();
  assert.match(await message.textContent(), /plays MP3, WAV, FLAC, Ogg \(Vorbis or Opus\) and WebM; desktop VS Code has no AAC decoder/);
  await p.mouse.move(640, 700); // no tab tooltip in the picture
  await p.keyboard.press('Escape');
  await p.locator('.monaco-hover:not(.hidden), .workbench-hover').first().waitFor({ state: 'hidden' }).catch(() => {});
  await vs.screenshot('player-unplayable');

  // …and is remembered for that episode: opening its player again plays the chosen file.
  await p.keyboard.press('Control+1');
  await vs.openFile('nomedia.md');
  await vs.waitEditorStable();
  await openPlayer(vs);
  await playerFrame(vs).locator('#file', { hasText: 'listen.wav' }).waitFor();
  await waitValue(p, () => playerTime(vs), (v) => v === '0:00 / 0:17', { what: 'the remembered WAV loaded' });
}));

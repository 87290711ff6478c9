// Quick fixes: the light bulb's "Recompute time from sec", and fix-all on save.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

test('light bulb "Recompute time from sec" fixes a time-mismatch', (t) => withVSCode(t, { name: 'quickfix' }, async (vs) => {
  await vs.openEpisode('mismatch.md');
  const editor = vs.activeEditor();
  await vs.openProblems();
  await vs.problem('time-mismatch').first().waitFor();

  await vs.gotoLine(15, 12); // inside '0:13'
  await vs.waitEditorStable();
  const fix = await vs.quickFixMenu(/Recompute `?time`? from `?sec`?/);
  await vs.screenshot('quickfix-menu');
  await fix.click();

  await vs.waitEditorLine(/^  time: '0:12'$/);
  assert.equal(await vs.lineText(15), "  time: '0:12'");
  assert.equal(await vs.lineText(14), '  sec: 12');
  await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
  await vs.problem('time-mismatch').first().waitFor({ state: 'detached' });
  await vs.screenshot('quickfix');
}));

test('fix-all on save fixes every time in one save', (t) => withVSCode(t, {
  name: 'fixall-on-save',
  settings: { 'editor.codeActionsOnSave': { 'source.fixAll.transcripts': 'explicit' } },
}, async (vs) => {
  const before = vs.readFile('fixall.md');
  await vs.openEpisode('fixall.md');
  const editor = vs.activeEditor();

  // An ordinary edit in the body, then one save.
  await vs.gotoLine(27);
  await vs.page.keyboard.press('End');
  await vs.page.keyboard.type(' Edited.');
  await vs.page.locator('.tab.active.dirty[data-resource-name="fixall.md"]').waitFor();
  await vs.page.keyboard.press('Control+S');
  await vs.page.locator('.tab.active:not(.dirty)[data-resource-name="fixall.md"]').waitFor();

  const expected = before
    .replace("time: '0:10'", "time: '0:09'")
    .replace("time: '1:06'", "time: '1:01'")
    .replace("time: '1:02:04'", "time: '1:02:05'")
    .replace('Body markdown here.', 'Body markdown here. Edited.');
  assert.equal(vs.readFile('fixall.md'), expected);
  await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
  await vs.screenshot('fixall-on-save');
}));

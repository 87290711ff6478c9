// Settings: `transcripts.rules` turns a rule off (and on again) while the file is open.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

test('transcripts.rules in settings.json applies live', (t) => withVSCode(t, { name: 'rules' }, async (vs) => {
  await vs.openEpisode('episode.md');
  const editor = vs.activeEditor();
  await vs.openProblems();
  await vs.problem('time-mismatch').first().waitFor();
  await vs.problem('sec-order').first().waitFor();

  await vs.setSettings({ 'transcripts.rules': { 'time-mismatch': 'off' } });
  await vs.problem('time-mismatch').first().waitFor({ state: 'detached' });
  await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
  assert.ok(await vs.problem('sec-order').count() > 0, 'other rules stay on');
  await vs.screenshot('rules-off');

  await vs.setSettings({ 'transcripts.rules': { 'time-mismatch': 'error', 'sec-order': 'off' } });
  await vs.problem('time-mismatch').first().waitFor();
  await vs.problem('sec-order').first().waitFor({ state: 'detached' });
  await editor.locator('.squiggly-error').first().waitFor();
  await vs.screenshot('rules');
}));

// Transcripts: Export Transcript… (issue 18) in real VS Code: pick a format, write it beside the
// episode, the warning shown in a notification; again as captions, confirming the replacement;
// then Open shows the written file. The file on disk must be exactly what transcript-convert writes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withVSCode, closeBrowser, REPO_ROOT, FIXTURES } from '../lib/vscode.mjs';

after(closeBrowser);

const CONVERT = path.join(REPO_ROOT, 'out/server/src/cli/convert/main.js');

/** What the CLI writes for the fixture episode: the same core, so the editor's file must be identical. */
function cliExport(...args) {
  const run = spawnSync(process.execPath, [CONVERT, path.join(FIXTURES, 'episode.md'), ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** Picks the row of the open quick pick whose label is exactly `label` (typing filters; Enter takes the focused row). */
async function pickRow(p, title, label, typed = label) {
  await p.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  await p.waitForFunction(() => document.activeElement?.closest('.quick-input-box'));
  await p.keyboard.type(typed);
  await p.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
  await p.keyboard.press('Enter');
}

async function startExport(vs) {
  const p = vs.page;
  await vs.quickInput('F1', 'Transcripts: Export Transcript');
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Transcripts: Export Transcript…' }).first().waitFor();
  await p.keyboard.press('Enter');
}

test('Export Transcript…: WebVTT beside the episode, then captions replacing it, then Open', (t) => withVSCode(t, { name: 'export' }, async (vs) => {
  const p = vs.page;
  const target = path.join(vs.ws, 'episode.vtt');
  await vs.openEpisode('episode.md');

  // WebVTT, beside the episode: the fixture has a sec that runs back, so the notification is a warning saying so.
  await startExport(vs);
  await pickRow(p, 'Export Transcript', 'WebVTT');
  await pickRow(p, 'Export Transcript', 'Beside the episode: episode.vtt', 'Beside');
  const toast = p.locator('.notification-toast', { hasText: 'Exported the transcript to episode.vtt.' });
  await toast.waitFor({ state: 'visible' });
  assert.match(await toast.textContent(), /sec runs back at 1 line \(file line 22\): cues are placed in time order, each at its own sec\./);
  assert.equal(fs.readFileSync(target, 'utf8'), cliExport('--to', 'vtt'));
  await vs.screenshot('export-written');
  await toast.locator('.codicon-notifications-clear, .codicon-close').first().click();
  await toast.waitFor({ state: 'hidden' });

  // WebVTT captions to the same name: VS Code asks first; Replace writes the captions.
  await startExport(vs);
  await pickRow(p, 'Export Transcript', 'WebVTT captions');
  await pickRow(p, 'Export Transcript', 'Beside the episode: episode.vtt', 'Beside');
  const dialog = p.locator('.monaco-dialog-box', { hasText: 'episode.vtt already exists. Replace it?' });
  await dialog.waitFor({ state: 'visible' });
  await vs.screenshot('export-replace');
  await dialog.locator('.monaco-button', { hasText: 'Replace' }).click();
  const again = p.locator('.notification-toast', { hasText: 'Exported the transcript to episode.vtt.' });
  await again.waitFor({ state: 'visible' });
  const captions = cliExport('--to', 'vtt', '--captions');
  assert.notEqual(captions, cliExport('--to', 'vtt'));
  assert.equal(fs.readFileSync(target, 'utf8'), captions);

  // Open: the written file in an editor.
  await again.locator('.monaco-button', { hasText: /^Open$/ }).click();
  await p.locator('.tab.active[data-resource-name="episode.vtt"]').waitFor();
  await vs.waitEditorLine(/^WEBVTT$/);
  await vs.screenshot('export');
}));

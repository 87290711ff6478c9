// The web extension in code-server's browser extension host, where no Worker can be created
// (microsoft/vscode#144235): forced there with remote.extensionKind, the same server runs in the
// extension host over a MessageChannel, and the episode gets its diagnostics and hover.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

test('in the browser extension host the server runs over a MessageChannel: diagnostics and hover', (t) => withVSCode(t, {
  name: 'web-host',
  settings: { 'remote.extensionKind': { 'podcast-transcripts.podcast-transcripts': ['web'] } },
}, async (vs) => {
  const said = [];
  vs.page.on('console', (m) => said.push(m.text()));
  await vs.openEpisode('mismatch.md');
  await vs.openProblems();
  await vs.problem('time-mismatch').first().waitFor();
  assert.ok(said.some((s) => /language server runs in the extension host over a MessageChannel/.test(s)),
    `the browser entry with its fallback ran:\n${said.filter((s) => /Transcripts|Worker/i.test(s)).join('\n')}`);
  await vs.hoverText('0:13', 'Open video at');
  await vs.screenshot('web-host');
}));

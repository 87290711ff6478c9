// Serves a real VS Code (code-server) on 127.0.0.1 with the packaged extension installed
// and the sample episode open; runs until Ctrl+C, then removes only VS Code's own temporary folder.
// The workspace is a folder it names at the start and leaves in place (lib/demoWorkspace.mjs).
// Usage: node demo.mjs [--port N] [--workspace DIR]   (default: a free port, demo-workspace/)
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDemoWorkspace } from './lib/demoWorkspace.mjs';
import { REPO_ROOT, VSIX, makeInstanceDir, installExtension, startCodeServer, killGroup } from './lib/vscode.mjs';
import { tonesForEpisode } from './lib/tones.mjs';

/** A progress line, so a newcomer sees what the demo is doing while it does. */
const step = (what) => console.log(`[demo] ${what}`);

const { values } = parseArgs({ options: {
  port: { type: 'string', default: '0' },
  file: { type: 'string', default: 'episode.md' },
  workspace: { type: 'string', default: path.join(REPO_ROOT, 'demo-workspace') },
} });
const samples = path.join(REPO_ROOT, 'samples');
if (!fs.existsSync(path.join(samples, values.file))) {
  console.error(`${path.join(samples, values.file)} not found`);
  process.exit(1);
}

// Audio for the player beside the sample (git-ignored): one tone per timed line, so the player has
// something to play and the transcript something to follow. Also there for F5 on samples/.
const episodeFile = path.join(samples, values.file);
const audio = episodeFile.replace(/\.md$/, '.wav');
if (!fs.existsSync(audio) || fs.statSync(audio).mtimeMs < fs.statSync(episodeFile).mtimeMs) {
  step(`writing ${path.relative(REPO_ROOT, audio)} (a tone per timed line, for the player)`);
  fs.writeFileSync(audio, tonesForEpisode(fs.readFileSync(episodeFile, 'utf8')));
}

// A copy of samples/, so that trying the quick fixes never changes the repository's sample; kept
// after the demo stops (and reused by the next), with whatever the user saved in it.
const ws = prepareDemoWorkspace(path.resolve(values.workspace), samples);
step(`workspace: ${ws} (a copy of samples/; kept when the demo stops)`);
const { t } = await makeInstanceDir({ fixtures: null, prefix: 'pt-demo-' });
const log = path.join(t, 'code-server.log');
let server;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (server) await killGroup(server.child);
  await fsp.rm(t, { recursive: true, force: true }).catch(() => {});
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { console.log('\nstopping…'); stop(0); });

try {
  step(`installing ${path.basename(VSIX)} into code-server`);
  await installExtension(t, VSIX, log);
  step('starting code-server (VS Code in your browser)');
  server = await startCodeServer(t, { folder: ws, log, port: Number(values.port) });
} catch (e) {
  console.error(String(e.message || e));
  await stop(1);
}
server.child.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited (${code ?? signal}); its log:\n${fs.readFileSync(log, 'utf8').slice(-4000)}`);
  stop(1);
});
const authority = `127.0.0.1:${server.port}`;
const file = `vscode-remote://${authority}${path.join(ws, values.file)}`;
const url = `${server.url}&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
console.log(`
Podcast Transcripts demo: VS Code ${'(code-server)'} with ${path.basename(VSIX)} installed.

  Open:  ${url}

  Workspace: ${ws} (a copy of samples/, with ${path.basename(audio)}: run Transcripts: Open Player in the episode;
             kept when the demo stops, reused by the next start)
  Log:       ${log}
  Stop:      Ctrl+C
`);

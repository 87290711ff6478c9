import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempDir } from './helpers';

/**
 * `npm run demo` never deletes what a user made (issue 28): its workspace is a folder it names when it
 * starts, and Ctrl+C leaves it as it is. This runs test/e2e/demo.mjs up to the point where it has
 * named its workspace and is installing the extension (a .vsix that is not one, so no VS Code starts),
 * then sends SIGINT, as Ctrl+C does.
 */
test('npm run demo: the workspace it names survives Ctrl+C, with the user\'s own files and edits; samples are only added where missing', async (t) => {
  const dir = tempDir(t, 'pt-demo-test-');
  const ws = path.join(dir, 'my demo');
  fs.mkdirSync(ws);
  fs.writeFileSync(path.join(ws, 'notes.md'), 'my own notes\n');
  fs.writeFileSync(path.join(ws, 'episode.md'), '---\ntitle: my edited copy\n---\n');
  const notVsix = path.join(dir, 'not-a.vsix');
  fs.writeFileSync(notVsix, 'not a vsix');

  const child = spawn(process.execPath, [path.join(ROOT, 'test/e2e/demo.mjs'), '--workspace', ws], {
    cwd: ROOT, env: { ...process.env, E2E_VSIX: notVsix }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const named = new Promise<void>((resolve) => child.stdout.on('data', (data: Buffer) => {
    out += String(data);
    if (out.includes('[demo] workspace: ')) resolve();
  }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await Promise.race([named, exited]);
  assert.ok(out.includes(`[demo] workspace: ${ws} (a copy of samples/; kept when the demo stops)`), out);
  child.kill('SIGINT');
  await exited;

  assert.equal(fs.readFileSync(path.join(ws, 'notes.md'), 'utf8'), 'my own notes\n');
  assert.equal(fs.readFileSync(path.join(ws, 'episode.md'), 'utf8'), '---\ntitle: my edited copy\n---\n');
  const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter((name) => name !== 'episode.md');
  for (const name of samples) assert.ok(fs.existsSync(path.join(ws, name)), `${name} copied into the workspace`);
});

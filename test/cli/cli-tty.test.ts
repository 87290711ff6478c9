import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BIN, fixture, lint, tempCopy } from './helpers';

/**
 * Colours and the progress counter need a terminal: util-linux `script` gives the command a
 * pseudo-terminal (stdout and stderr both), and its own output is what the terminal showed.
 */

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = hasScript ? false : 'util-linux `script` is not installed, so there is no pseudo-terminal to test colours and progress with';

function inTerminal(args: string[], cwd: string, env: Record<string, string | undefined> = {}): { code: number | null; screen: string } {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const base: Record<string, string | undefined> = { ...process.env, TERM: 'xterm' };
  delete base.NO_COLOR;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  return { code: result.status, screen: String(result.stdout) };
}

test('colours on a terminal, none with NO_COLOR, none through a pipe', { skip }, (t) => {
  const dir = tempCopy(t, 'project');
  const coloured = inTerminal(['project/episodes/errors.md'], dir);
  assert.equal(coloured.code, 1);
  assert.ok(coloured.screen.includes('\u001b[31merror\u001b[39m'), JSON.stringify(coloured.screen));
  const noColor = inTerminal(['project/episodes/errors.md'], dir, { NO_COLOR: '1' });
  assert.equal(noColor.code, 1);
  assert.ok(!noColor.screen.includes('\u001b['), JSON.stringify(noColor.screen));
  assert.match(noColor.screen, /errors\.md:17:9  error  time-mismatch/);
  const piped = lint(['project/episodes/errors.md'], dir);
  assert.ok(!piped.stdout.includes('\u001b['));
});

test('progress on stderr for more than 50 files on a terminal, unless --quiet', { skip }, (t) => {
  const dir = tempCopy(t);
  const text = fixture('project/episodes/clean.md');
  for (let i = 0; i < 51; i++) fs.writeFileSync(path.join(dir, `episode-${String(i).padStart(2, '0')}.md`), text);
  const shown = inTerminal(['.'], dir, { NO_COLOR: '1' });
  assert.equal(shown.code, 0);
  assert.ok(shown.screen.includes('checked 51/51 files'), JSON.stringify(shown.screen));
  assert.match(shown.screen, /51 files checked, 0 errors/);
  assert.ok(!inTerminal(['--quiet', '.'], dir).screen.includes('checked 51/51'));
  // Not on a pipe, and not for 50 files or fewer.
  assert.equal(lint(['.'], dir).stderr, '');
  fs.rmSync(path.join(dir, 'episode-50.md'));
  assert.ok(!inTerminal(['.'], dir).screen.includes('checked 50/50'));
});

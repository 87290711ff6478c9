// `npm test` and `npm run test:full` (after the build): node --test on out/test/, then one line saying
// what was skipped and why, in a newcomer's terms, so a skip does not read as a failure.
// npm test leaves out the slow slices (corpus-wide fuzzing, fix safety, repair property, …): those read
// TRANSCRIPTS_TEST_FULL (FULL_ONLY in test/helpers.ts), which --full sets; CI runs test:full.
//   node tools/test.mjs [--full] [files or folders under out/test/ …]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const full = process.argv.includes('--full');
const targets = process.argv.slice(2).filter((arg) => arg !== '--full');
const tap = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-test-')), 'report.tap');

// Two files at a time: most tests wait on a server or a CLI process they started, and Node's default
// (one fewer than the cores) runs them one by one on a two-core machine. TRANSCRIPTS_TEST_CONCURRENCY sets it.
const concurrency = process.env.TRANSCRIPTS_TEST_CONCURRENCY || '2';
const child = spawn(process.execPath, [
  '--test', `--test-concurrency=${concurrency}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...(targets.length > 0 ? targets : ['out/test/']),
], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...(full ? { TRANSCRIPTS_TEST_FULL: '1' } : {}) } });

child.on('exit', (code, signal) => {
  try {
    console.log(`\n${summary(fs.readFileSync(tap, 'utf8'))}`);
  } catch (error) {
    console.log(`\n(no test report to summarise: ${error.message})`);
  }
  fs.rmSync(path.dirname(tap), { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});

/** The start of the reason a slow slice skips with in npm test (SLOW_SKIP in test/helpers.ts). */
const SLOW_SKIP = 'slow: runs only in npm run test:full';

/**
 * One line: how many passed, failed and were skipped, and the skips counted by their reason; the slow
 * slices as what they are ("12 slow tests run only in npm run test:full"), not as a skip.
 */
function summary(report) {
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const reasons = new Map();
  let slow = 0;
  for (const match of report.matchAll(/^\s*ok \d+ - .*? # SKIP ?(.*)$/gm)) {
    const reason = match[1].trim() || 'no reason given';
    if (reason.startsWith(SLOW_SKIP)) slow++;
    else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const command = full ? 'npm run test:full' : 'npm test';
  const head = `${command}: ${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`;
  const plural = (n) => (n === 1 ? '' : 's');
  const why = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason}: ${n} test${plural(n)} skipped`);
  if (slow > 0) why.push(`${slow} slow test${plural(slow)} run${slow === 1 ? 's' : ''} only in npm run test:full`);
  return why.length === 0 ? `${head}.` : `${head} — ${why.join('; ')}.`;
}

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseEpisode } from '../../server/src/core';
import { fixture, JsonReport, lint, tempCopy, untouched } from './helpers';

/**
 * `transcript-lint --fix` on broken front matter: the unambiguous YAML repairs first, then the
 * other fixes, in one run; a file that would still not parse is never written and the report says
 * a person is needed. The fixtures break values the ways people and text generators do.
 */

const REPAIRS = [
  'Indent the continuation lines of title',
  'Escape 2 inner quotes in intro',
  `Close the quote of name 'Deck Talk: "Tide Tables"…'`,
  `Close the quote of header 'Deck Talk: "Tide Tables"…'`,
  "Escape 1 inner quote and close the quote of line 'We're leaving on time…'; Join the broken value of time '0: 47'",
  "Quote the header 'Q&A: questions from the…'",
];
const FIXED_LINE = 'repairable.md: fixed 7 problems (yaml-syntax 6, time-mismatch 1)';
const SUMMARY = '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes); fixed 7 problems in 1 file';
const NEEDS_HUMAN = 'not fixed: the front matter still does not parse; 1 YAML error needs a human (no single reading of the broken value)';

/** What must be written: only the broken values and the mistimed line change (checked line by line). */
const EXPECTED_DIFF = `--- a/repairable.md
+++ b/repairable.md
@@ -1,31 +1,29 @@
 ---
 title: "Context: how the ferry captain came to run the night crossing.
 
-Core theme: keeping a small boat on time in bad weather."
+  Core theme: keeping a small boat on time in bad weather."
 season: 2
 episode: 7
 ids:
   youtube: FeRrYnIgHt1
-intro: "In this episode, Ines — skipper of "Grey Gull," and founder of Harbour Loop — explains the timetable."
+intro: "In this episode, Ines — skipper of \\"Grey Gull,\\" and founder of Harbour Loop — explains the timetable."
 quotableClips:
-- name: 'Deck Talk: "Tide Tables" and why they lie
+- name: 'Deck Talk: "Tide Tables" and why they lie'
   startOffset: 95
 transcript:
-- header: 'Deck Talk: "Tide Tables" and why they lie
+- header: 'Deck Talk: "Tide Tables" and why they lie'
 - line: Welcome aboard the night crossing.
   sec: 12
   time: '0:12'
   who: Nadia
-- line: 'We're leaving on time, for once –
+- line: 'We''re leaving on time, for once –'
   sec: 47
-  time: '0:
-
-47'
+  time: '0:47'
   who: Ines
-- header: Q&A: questions from the pier
+- header: 'Q&A: questions from the pier'
 - line: How late is too late?
   sec: 95
-  time: '1:34'
+  time: '1:35'
   who: Nadia
 - line: Ten minutes, and the harbour master calls.
   sec: 130
`;

function frontMatterData(text: string): Record<string, unknown> {
  const yaml = text.replace(/\r\n/g, '\n').split('\n---\n')[0].replace(/^---\n/, '');
  return parse(yaml) as Record<string, unknown>;
}

test('the expected repaired text parses to what the writer meant', () => {
  assert.deepEqual(parseEpisode(fixture('repairable.fixed.md')).syntaxErrors, []);
  const data = frontMatterData(fixture('repairable.fixed.md')) as {
    title: string; intro: string; quotableClips: { name: string }[]; transcript: Record<string, unknown>[];
  };
  assert.equal(data.title, 'Context: how the ferry captain came to run the night crossing.\nCore theme: keeping a small boat on time in bad weather.');
  assert.equal(data.intro, 'In this episode, Ines — skipper of "Grey Gull," and founder of Harbour Loop — explains the timetable.');
  assert.equal(data.quotableClips[0].name, 'Deck Talk: "Tide Tables" and why they lie');
  assert.deepEqual(data.transcript.map((item) => item.header ?? [item.line, item.time]), [
    'Deck Talk: "Tide Tables" and why they lie',
    ['Welcome aboard the night crossing.', '0:12'],
    ["We're leaving on time, for once –", '0:47'],
    'Q&A: questions from the pier',
    ['How late is too late?', '1:35'],
    ['Ten minutes, and the harbour master calls.', '2:10'],
  ]);
});

test('--fix repairs a broken copy, fixes the time in the same run, and names each repair under the fixed line', (t) => {
  const dir = tempCopy(t, 'repairable.md');
  const file = path.join(dir, 'repairable.md');
  const run = lint(['--fix', 'repairable.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), fixture('repairable.fixed.md'));
  assert.equal(run.stdout, `${FIXED_LINE}\n${REPAIRS.map((r) => `  repaired: ${r}\n`).join('')}\n${SUMMARY}\n`);
  assert.equal(run.stderr, '');
  assert.deepEqual(fs.readdirSync(dir), ['repairable.md']);

  const mtime = fs.statSync(file).mtimeMs;
  const again = lint(['--fix', 'repairable.md'], dir);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes); fixed 0 problems in 0 files\n');
  assert.equal(fs.statSync(file).mtimeMs, mtime, 'nothing left to repair: the file is not rewritten');
});

test('--fix keeps CRLF line endings while it repairs', (t) => {
  const dir = tempCopy(t);
  const file = path.join(dir, 'repairable.md');
  fs.writeFileSync(file, fixture('repairable.md').replace(/\n/g, '\r\n'));
  const run = lint(['--fix', 'repairable.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), fixture('repairable.fixed.md').replace(/\n/g, '\r\n'));
  assert.equal(run.stdout, `${FIXED_LINE}\n${REPAIRS.map((r) => `  repaired: ${r}\n`).join('')}\n${SUMMARY}\n`);
});

test('--fix with json, github and sarif: the repairs are told on stderr; json has them in `repaired`', (t) => {
  const stderr = `transcript-lint: fixed ${FIXED_LINE.replace(': fixed 7 problems', '')}\n${REPAIRS.map((r) => `transcript-lint: repairable.md: repaired: ${r}\n`).join('')}`;
  for (const format of ['json', 'github', 'sarif']) {
    const dir = tempCopy(t, 'repairable.md');
    const run = lint(['--fix', '--format', format, 'repairable.md'], dir);
    assert.equal(run.code, 0, `${format}: ${run.stderr}`);
    assert.equal(run.stderr, stderr, format);
    assert.equal(fs.readFileSync(path.join(dir, 'repairable.md'), 'utf8'), fixture('repairable.fixed.md'), format);
    if (format !== 'json') continue;
    const report = JSON.parse(run.stdout) as JsonReport & { files: { repaired?: string[]; needsHuman?: string }[] };
    assert.deepEqual(report.files, [{ path: 'repairable.md', diagnostics: [], fixed: { 'yaml-syntax': 6, 'time-mismatch': 1 }, repaired: REPAIRS }]);
    assert.equal(report.summary.fixed, 7);
    assert.equal(report.summary.filesFixed, 1);
  }
  const dir = tempCopy(t, 'repairable.md');
  assert.equal(lint(['--fix', '--format', 'json', '--quiet', 'repairable.md'], dir).stderr, '');
});

test('--fix-dry-run shows the repairs in its unified diff, which patch -p1 applies, and writes nothing', (t) => {
  const dir = tempCopy(t, 'repairable.md');
  const file = path.join(dir, 'repairable.md');
  const mtime = fs.statSync(file).mtimeMs;
  const run = lint(['--fix-dry-run', 'repairable.md'], dir);
  assert.equal(run.code, 0);
  assert.equal(run.stdout, EXPECTED_DIFF);
  assert.equal(run.stderr, '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes); would fix 7 problems in 1 file\n');
  assert.equal(fs.readFileSync(file, 'utf8'), fixture('repairable.md'));
  assert.equal(fs.statSync(file).mtimeMs, mtime);

  const patched = spawnSync('patch', ['-p1', '--quiet'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
  if (patched.error) t.diagnostic(`patch not run: ${patched.error.message}`);
  else {
    assert.equal(patched.status, 0, patched.stderr + patched.stdout);
    assert.equal(fs.readFileSync(file, 'utf8'), fixture('repairable.fixed.md'));
  }
});

test("--fix repairs an apostrophe in a single-quoted title (The Farmer's Almanac) and fixes the time", (t) => {
  const dir = tempCopy(t, 'farmer.md');
  const file = path.join(dir, 'farmer.md');
  const run = lint(['--fix', 'farmer.md'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), fixture('farmer.md').replace("'The Farmer's Almanac, Digitised'", "'The Farmer''s Almanac, Digitised'").replace("'0:1'", "'0:01'"));
  assert.equal(run.stdout, 'farmer.md: fixed 2 problems (yaml-syntax 1, time-malformed 1)\n  repaired: Escape 1 inner quote in title\n\n' +
    '1 file checked, 0 errors, 0 warnings, 0 hints, 0 skipped (not episodes); fixed 2 problems in 1 file\n');
  assert.equal((frontMatterData(fs.readFileSync(file, 'utf8')) as { title: string }).title, "The Farmer's Almanac, Digitised");
});

test('an ambiguous break is never written (text, json, dry run), and the report says it needs a human', (t) => {
  const dir = tempCopy(t, 'broken.md');
  const unchanged = untouched(path.join(dir, 'broken.md'));
  const run = lint(['--fix', 'broken.md'], dir);
  assert.equal(run.code, 1);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], `broken.md: ${NEEDS_HUMAN}`);
  assert.match(lines[2], /^broken\.md:2:8 +error +yaml-syntax +the front matter does not parse: Unexpected scalar at node end \(in title\)/);
  // The time fix alone would be safe, but a file that does not parse is not written at all.
  assert.match(lines[3], /^broken\.md:8:9 +error +time-malformed /);
  assert.equal(lines.at(-2), '1 file checked, 2 errors, 0 warnings, 0 hints, 0 skipped (not episodes); fixed 0 problems in 0 files');

  const json = lint(['--fix', '--format', 'json', 'broken.md'], dir);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout) as JsonReport & { files: { repaired?: string[]; needsHuman?: string }[] };
  assert.deepEqual([report.files[0].fixed, report.files[0].repaired, report.files[0].needsHuman], [{}, [], NEEDS_HUMAN]);
  assert.deepEqual(report.files[0].diagnostics.map((d) => [d.rule, d.line, d.fixable]), [['yaml-syntax', 2, false], ['time-malformed', 8, true]]);
  assert.equal(json.stderr, `transcript-lint: broken.md: ${NEEDS_HUMAN}\n`);

  const dry = lint(['--fix-dry-run', 'broken.md'], dir);
  assert.equal(dry.code, 1);
  assert.equal(dry.stdout, '', 'no diff for a file that would not be written');
  assert.equal(dry.stderr, `transcript-lint: broken.md: ${NEEDS_HUMAN}\n1 file checked, 2 errors, 0 warnings, 0 hints, 0 skipped (not episodes); would fix 0 problems in 0 files\n`);
  unchanged();
});

test('one repairable value beside an ambiguous one: still not written, and the report says so', (t) => {
  const dir = tempCopy(t, 'needs-human.md', 'repairable.md');
  const unchanged = untouched(path.join(dir, 'needs-human.md'));
  const run = lint(['--fix', 'needs-human.md', 'repairable.md'], dir);
  assert.equal(run.code, 1);
  unchanged();
  // The other file of the same run is repaired and written.
  assert.equal(fs.readFileSync(path.join(dir, 'repairable.md'), 'utf8'), fixture('repairable.fixed.md'));
  // The notes on what --fix did come first, file by file, then the findings left.
  const lines = run.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 9), [
    'needs-human.md: not fixed: the front matter still does not parse after 1 unambiguous repair; 1 YAML error needs a human (no single reading of the broken value)',
    FIXED_LINE,
    ...REPAIRS.map((r) => `  repaired: ${r}`),
    '',
  ]);
  assert.match(lines[9], /^needs-human\.md:2:8 +error +yaml-syntax +.*\(in title\)/);
  assert.match(lines[10], /^needs-human\.md:6:11 +error +yaml-syntax +.*Missing closing 'quote \(in header 'Rowing Club: "Oars" and…'\)/);
  assert.match(lines[11], /^needs-human\.md:9:9 +error +time-malformed /);
  assert.deepEqual(lines.slice(12), ['', '2 files checked, 3 errors, 0 warnings, 0 hints, 0 skipped (not episodes); fixed 7 problems in 1 file', '']);

  const json = JSON.parse(lint(['--fix', '--format', 'json', 'needs-human.md'], dir).stdout) as JsonReport & { files: { repaired?: string[] }[] };
  // Which error needs the human: the one whose repair is not fixable.
  assert.deepEqual(json.files[0].diagnostics.map((d) => [d.rule, d.line, d.fixable]), [['yaml-syntax', 2, false], ['yaml-syntax', 6, true], ['time-malformed', 9, true]]);
  assert.deepEqual(json.files[0].repaired, []);
});

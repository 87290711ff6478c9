import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze, applyEdits, collectFixAll, DEFAULT_CONFIG, findFrontMatter, fixAllToFixedPoint, parseEpisode } from '../../server/src/core';
import { ROOT } from '../helpers';

/** Repair defects the property test (test/robustness/repairProperty.ts) found, as fictional fixtures. */

const DIR = path.join(ROOT, 'test/fixtures/repair');
const URI = 'file:///work/_podcast/episode.md';

test('a continuation line moved to column 0 that starts with `word: ` stays in its item; the preferred repair indents it', () => {
  const text = fs.readFileSync(path.join(DIR, 'key-like-continuation.md'), 'utf8');
  const model = parseEpisode(text, URI);
  assert.equal(model.syntaxErrors.length, 1);
  const unit = model.syntaxErrors[0].unit!;
  // The broken unit is the first item only: `was:` is not a new top-level key, and the items after it are read.
  assert.equal(text.slice(unit.span.start, unit.span.end), text.slice(text.indexOf("- line: 'Our"), text.indexOf("\n- line: And")));
  assert.deepEqual(model.transcript!.items.map((item) => item.kind), ['broken', 'line', 'line']);
  const findings = analyze(model, DEFAULT_CONFIG);
  const fixes = findings.filter((f) => f.rule === 'yaml-syntax').flatMap((f) => f.fixes);
  assert.deepEqual(fixes.map((f) => [f.title.split(' ').slice(0, 3).join(' '), f.isPreferred]), [['Indent the continuation', true]]);
  const fixed = applyEdits(text, collectFixAll(findings));
  assert.equal(fixed, text.replace('\nwas: we took', '\n    was: we took'));
  const front = findFrontMatter(fixed)!;
  const data = parseDocument(fixed.slice(front.contentStart, front.contentEnd)).toJSON();
  assert.equal(data.transcript[0].line, 'Our first recipe for the soup tasting club was: we took a broth, counted the onions and wrote it all down.');
});

/**
 * The fuzzer's text (seed 20260702, text 138: seeds/legacy.md with CRLF, `  time: ` typed before its
 * first key). Quoting the broken value made the first unit parse alone, but a first key indented above
 * keys at column 0 never parses in place: the whole front matter then failed at every later token
 * (1 syntax error became 144), and fix-all, which stops before such a pass, offered it again.
 */
const INDENTED_FIRST_KEY = [
  '---',
  '  time: title: "Caf\\u00e9 Analytics: Queues, Croissants and Forecasts"',
  'short: "Caf\\u00e9 Analytics"',
  'season: 2',
  'episode: 11',
  'guests: [noor-abel]',
  'image: images/podcast/s02e11-cafe-analytics.jpg',
  'ids:',
  '  anchor: cafe-analytics',
  '  youtube: "zZ9-yY8_xX7"',
  'links:',
  '  youtube: "https://youtu.be/zZ9-yY8_xX7"',
  'transcript:',
  '- header: "Opening"',
  '- line: "Welcome back. Today\\u2019s guest runs forecasting for a small chain of caf\\u00e9s."',
  '  sec: 4',
  '  time: "0:04"',
  '  who: "Sam"',
  '- line: "Hello! Happy to be here."',
  '  sec: 9',
  '  time: "0:09"',
  '  who: "Noor"',
  '- line: "We forecast croissants per hour, per shop, and we get it wrong every Monday."',
  '  sec: 9',
  '  time: "0:09"',
  '  who: "Noor"',
  '- header: "The Monday problem"',
  '- line: "Why Monday?"',
  '  sec: 3671',
  '  time: "1:01:11"',
  '  who: "Sam"',
  '- line: "Because the weekend data lies \\u2014 tourists, brunch, weather."',
  '  sec: 3676',
  '  time: "1:01:16"',
  '  who: "Noor"',
  '- line: "Because the weekend data lies \\u2014 tourists, brunch, weather."',
  '  sec: 3676',
  '  time: "1:01:16"',
  '  who: "Noor"',
  '- line: "So what did you change?"',
  '  sec: 3700',
  '  time: "1:01:50"',
  '  who: "Sam"',
  '- line: "We stopped predicting the total and started predicting the queue length at 8:15."',
  '  sec: 3712',
  '  time: "61:52"',
  '  who: "Nour"',
  '- line: "Noor"',
  '  sec: 3720',
  '  time: "1:02:00"',
  '  who: "Sam"',
  '---',
  '',
].join('\r\n');

test('fix-all on a front matter whose first key is indented: no repair of that value, the other fixes, and a second run changes nothing', () => {
  const text = INDENTED_FIRST_KEY;
  const findings = analyze(parseEpisode(text, URI), DEFAULT_CONFIG);
  const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
  assert.deepEqual(syntax.map((f) => [text.slice(f.start, f.end), f.message, f.fixes.length]), [
    ['title: "Caf\\u00e9 Analytics: Queues, Croissants and Forecasts"', "the front matter does not parse: Nested mappings are not allowed in compact mappings (in time 'title: \"Caf\\u00e9…'); the rest of the front matter is checked", 0],
  ]);
  const run = fixAllToFixedPoint(text, findings, (t) => analyze(parseEpisode(t, URI), DEFAULT_CONFIG));
  assert.equal(run.worse, undefined);
  const duplicate = '- line: "Because the weekend data lies \\u2014 tourists, brunch, weather."\r\n  sec: 3676\r\n  time: "1:01:16"\r\n  who: "Noor"\r\n';
  const expected = text.replace(duplicate + duplicate, duplicate).replace('time: "1:01:50"', 'time: "1:01:40"').replace('time: "61:52"', 'time: "1:01:52"').replace('who: "Nour"', 'who: "Noor"');
  assert.equal(run.text, expected);
  assert.equal(applyEdits(text, run.edits), expected);
  const after = analyze(parseEpisode(run.text, URI), DEFAULT_CONFIG);
  // Nine seconds, then an hour later: the hour between holds three lines (speech-rate says text is missing).
  assert.deepEqual(after.map((f) => f.rule), ['yaml-syntax', 'speech-rate', 'line-is-speaker']);
  assert.deepEqual(collectFixAll(after), []);
});

test('a first key indented above keys at column 0 is one syntax error on that key, and the rest of the front matter is read', () => {
  const text = "---\n  title: Soup stories\nshort: Soup\ntranscript:\n- line: Hello.\n  sec: 1\n  time: '0:01'\n  who: Ann\n---\n";
  const model = parseEpisode(text, URI);
  assert.deepEqual(model.syntaxErrors.map((e) => [e.message, e.span.start, e.unit?.kind]), [['the first key is indented by 2 spaces, but the keys after it start at column 0', text.indexOf('title'), 'top']]);
  assert.deepEqual(model.topLevel.map((f) => f.key), ['short', 'transcript']);
  assert.deepEqual(model.transcript!.items.map((item) => item.line), ['Hello.']);
  const findings = analyze(model, DEFAULT_CONFIG);
  assert.deepEqual(findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.fixes.length), [0]);
});

/** Fix-all run to its fixed point, as the editor and `--fix` run it, on a fictional file. */
function fixAllRun(text: string) {
  const findingsOf = (t: string) => analyze(parseEpisode(t, URI), DEFAULT_CONFIG);
  const run = fixAllToFixedPoint(text, findingsOf(text), findingsOf);
  return { ...run, after: findingsOf(run.text) };
}

function syntaxRepairs(text: string): [string, [string, boolean][]][] {
  return analyze(parseEpisode(text, URI), DEFAULT_CONFIG).filter((f) => f.rule === 'yaml-syntax').map((f) => [text.slice(f.start, f.end), f.fixes.map((fix) => [fix.title, fix.safe])]);
}

test('keys under `transcript:` above its list: repairing the last broken item would leave a front matter that fails at every item, so that repair is not offered', () => {
  const item = (line: string, sec: number) => `- line: ${line}\n  sec: ${sec}\n  time: '0:0${sec}'\n  who: Ann\n`;
  const text = `---\ntitle: Soup stories\ntranscript:\n  note: recorded live\n${item('Soup: the data', 1)}${item('Broth: the numbers', 2)}---\n`;
  // Two broken items: each repair alone leaves the other broken (read unit by unit), both together do not parse.
  assert.deepEqual(syntaxRepairs(text), [
    ['Soup: the data', [["Quote the line 'Soup: the data'", true]]],
    ['Broth: the numbers', [["Quote the line 'Broth: the numbers'", false]]],
  ]);
  const run = fixAllRun(text);
  assert.equal(run.worse, undefined);
  assert.equal(run.text, text.replace('line: Soup: the data', "line: 'Soup: the data'"));
  assert.deepEqual(syntaxRepairs(run.text), [['Broth: the numbers', []]]);
  assert.deepEqual(collectFixAll(run.after), []);
});

test('a broken top-level key the file holds twice gets no repair (the repaired file would hold it twice), and fix-all leaves the file as it is', () => {
  const text = "---\nids:\n  youtube: AbCdEfGhIjK\ntranscript:\nstray words\n  more: words\n- line: Hello.\n  sec: 1\n  time: '0:01'\n  who: Ann\nids: youtube: AbCdEfGhIjK\n---\n";
  assert.deepEqual(syntaxRepairs(text), [['', []], ['youtube: AbCdEfGhIjK', []]]);
  const run = fixAllRun(text);
  assert.equal(run.worse, undefined);
  assert.equal(run.text, text);
  assert.deepEqual(run.after.map((f) => f.rule), ['yaml-syntax', 'yaml-syntax']);
});

test('a repair that reveals an anchor waits until its unit is the last broken one (anchors stop the unit-by-unit reading); then it is checked in place', () => {
  const text = '---\ntranscript:\n- line: "Soup is data\n  sec: 1\n  who: &a Ann\n- line: Broth: yes\n  sec: 2\n  who: Ann\n---\n';
  assert.deepEqual(syntaxRepairs(text), [['"Soup is data', []], ['Broth: yes', [["Quote the line 'Broth: yes'", true]]]]);
  const run = fixAllRun(text);
  assert.equal(run.worse, undefined);
  assert.equal(run.text, "---\ntranscript:\n- line: \"Soup is data\"\n  sec: 1\n  time: '0:01'\n  who: &a Ann\n- line: 'Broth: yes'\n  sec: 2\n  time: '0:02'\n  who: Ann\n---\n");
  assert.deepEqual(run.after, []);
});

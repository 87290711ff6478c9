import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse } from 'yaml';
import { analyze, applyEdits, collectFixAll, composeEdits, DEFAULT_CONFIG, Finding, fixAllAction, parseEpisode } from '../../server/src/core';
import { check, episode, NO_SPEECH_RATE } from '../helpers';

/**
 * The repairs of broken YAML, one test per shape people really write (issue 11), each with the
 * exact text after the fix, and the promise that every other byte stays as it was.
 */

const syntax = (text: string): Finding[] => check(text).filter((f) => f.rule === 'yaml-syntax');

function repairs(text: string): { title: string; preferred: boolean; safe: boolean; result: string }[] {
  return syntax(text).flatMap((finding) => finding.fixes.map((fix) => ({
    title: fix.title, preferred: fix.isPreferred === true, safe: fix.safe, result: applyEdits(text, fix.edits),
  })));
}

function frontMatterData(text: string): unknown {
  const end = text.indexOf('\n---', 4);
  return parse(text.slice(4, end + 1));
}

function assertParses(text: string): void {
  assert.deepEqual(parseEpisode(text).syntaxErrors, [], text);
}

const ITEM = "- line: Welcome to the show.\n  sec: 10\n  time: '0:10'\n  who: Priya\n";

test('a double-quoted value written as paragraphs with continuation lines at column 0: indented, the text unchanged', () => {
  const title = 'title: "Context: how the founder moved into health care.\n\nCore theme: building a product-first startup."\n';
  const text = episode(ITEM, `${title}ids:\n  youtube: AbCdEfGhIjK\n`).replace('title: Test episode\n', '');
  const [fix] = repairs(text);
  assert.equal(fix.title, 'Indent the continuation lines of title');
  assert.ok(fix.preferred && fix.safe);
  assert.equal(fix.result, text.replace('\nCore theme:', '\n  Core theme:'));
  assertParses(fix.result);
  // What PyYAML reads from the broken text (it accepts column 0 there): a paragraph break, then the line.
  assert.equal((frontMatterData(fix.result) as { title: string }).title, 'Context: how the founder moved into health care.\nCore theme: building a product-first startup.');
});

test('a quoted header with no closing quote: the quote is closed at the end of its line', () => {
  const text = episode(`- header: 'Book Club: "Data Is Soup" and why it works\n${ITEM}`);
  const [fix, ...others] = repairs(text);
  assert.deepEqual(others, []);
  assert.equal(fix.title, 'Close the quote of header \'Book Club: "Data Is Soup"…\'');
  assert.ok(fix.preferred && fix.safe);
  assert.equal(fix.result, text.replace('why it works\n', "why it works'\n"));
  assertParses(fix.result);
});

test('unescaped double quotes inside a double-quoted intro: escaped, the style kept', () => {
  const intro = 'intro: "In this episode, Ana — author of "Soup," and founder of Broth Labs — explains..."\n';
  const text = episode(ITEM, `${intro}ids:\n  youtube: AbCdEfGhIjK\n`);
  const [fix] = repairs(text);
  assert.equal(fix.title, 'Escape 2 inner quotes in intro');
  assert.ok(fix.preferred);
  assert.equal(fix.result, text.replace('of "Soup," and', 'of \\"Soup,\\" and'));
  assert.equal((frontMatterData(fix.result) as { intro: string }).intro, 'In this episode, Ana — author of "Soup," and founder of Broth Labs — explains...');
});

test("an apostrophe inside a single-quoted line with no closing quote: doubled, and the quote closed", () => {
  const text = episode(`- line: 'We're hiring, but first –\n  sec: 12\n  time: '0:12'\n  who: Priya\n`);
  const [fix] = repairs(text);
  assert.equal(fix.title, "Escape 1 inner quote and close the quote of line 'We're hiring, but first –'");
  assert.ok(fix.preferred);
  assert.equal(fix.result, text.replace("'We're hiring, but first –\n", "'We''re hiring, but first –'\n"));
  assertParses(fix.result);
});

test('a time broken over lines with a blank line: joined back onto one line', () => {
  const text = episode(`${ITEM}- line: And then?\n  sec: 586\n  time: '9:\n\n46'\n  who: Priya\n`);
  const [fix] = repairs(text);
  assert.equal(fix.title, "Join the broken value of time '9: 46'");
  assert.ok(fix.preferred);
  assert.equal(fix.result, text.replace("'9:\n\n46'", "'9:46'"));
  assert.deepEqual(check(fix.result, NO_SPEECH_RATE).map((f) => f.rule), []);
});

test('a plain header holding ": " is quoted whole, in single quotes, a comment after it left alone', () => {
  const text = episode(`- header: Q&A: what comes next  # from the live session\n${ITEM}`);
  const [fix] = repairs(text);
  assert.equal(fix.title, "Quote the header 'Q&A: what comes next'");
  assert.equal(fix.result, text.replace('Q&A: what comes next  #', "'Q&A: what comes next'  #"));
  assertParses(fix.result);
});

test('a value that starts with a quotation and goes on after it is quoted whole; its own quotes doubled', () => {
  const text = episode(`- header: "Soup" for beginners, or what's next\n${ITEM}`);
  const [fix] = repairs(text);
  assert.equal(fix.title, 'Quote the header \'"Soup" for beginners, or…\'');
  assert.ok(fix.preferred);
  assert.equal(fix.result, text.replace('"Soup" for beginners, or what\'s next', '\'"Soup" for beginners, or what\'\'s next\''));
  assertParses(fix.result);
});

test('a lone closing quote at column 0 and a continuation indented too little: re-indented', () => {
  const intro = 'intro: "A talk about\nsensors in kitchens\n"\n';
  const text = episode(ITEM, `${intro}ids:\n  youtube: AbCdEfGhIjK\n`);
  const [fix] = repairs(text);
  assert.equal(fix.title, 'Indent the continuation lines of intro');
  assert.equal(fix.result, text.replace(intro, 'intro: "A talk about\n  sensors in kitchens\n  "\n'));
  assert.equal((frontMatterData(fix.result) as { intro: string }).intro, 'A talk about sensors in kitchens ');
});

test('a value squeezed onto one line with its old continuation left below: both readings offered, none preferred, none in fix-all', () => {
  const intro = 'intro: "How the team does hands-on data"\n  work: cleaning, linking and more."\n';
  const text = episode(ITEM, `${intro}ids:\n  youtube: AbCdEfGhIjK\n`);
  const offered = repairs(text);
  assert.deepEqual(offered.map((r) => [r.title, r.preferred, r.safe]), [
    ['Escape 1 inner quote in intro', false, false],
    ['Remove the quote that ends early in intro', false, false],
  ]);
  assert.equal(offered[0].result, text.replace('hands-on data"\n', 'hands-on data\\"\n'));
  assert.equal(offered[1].result, text.replace('hands-on data"\n', 'hands-on data\n'));
  for (const r of offered) assertParses(r.result);
  assert.deepEqual(collectFixAll(check(text)), []);
});

test('the same broken title as a clip name and as a header: fix-all repairs both', () => {
  const clips = "quotableClips:\n- name: 'Book Club: \"Data Is Soup\" and why it works\n  startOffset: 10\n  endOffset: 20\n";
  const text = episode(`- header: 'Book Club: "Data Is Soup" and why it works\n${ITEM}`, `ids:\n  youtube: AbCdEfGhIjK\n${clips}`);
  const fixed = applyEdits(text, collectFixAll(check(text)));
  assert.equal(fixed, text.replaceAll('why it works\n', "why it works'\n"));
  assertParses(fixed);
});

test('CRLF line endings are kept by every repair', () => {
  const text = episode(`- header: 'Unclosed section\n${ITEM}- line: And then?\n  sec: 586\n  time: '9:\n\n46'\n  who: Priya\n`).replace(/\n/g, '\r\n');
  const fixed = applyEdits(text, collectFixAll(check(text)));
  assert.equal(fixed, text.replace("'Unclosed section\r\n", "'Unclosed section'\r\n").replace("'9:\r\n\r\n46'", "'9:46'"));
  assertParses(fixed);
});

test('a broken item is confined: every other item is checked, and no other finding points into it', () => {
  const broken = "- line: 'We're hiring, but first –\n  sec: 3\n  time: '0:03'\n  who: Priyaa\n";
  const text = episode(`${ITEM}${broken}- line: Welcome to the show.\n  sec: 20\n  time: '0:21'\n  who: Priya\n`);
  const findings = check(text);
  // The two 'Welcome' lines are not in a row (the broken item stands between), and 'Priyaa' is not reported in it.
  assert.deepEqual(findings.map((f) => f.rule), ['yaml-syntax', 'time-mismatch']);
  const start = text.indexOf("- line: 'We're");
  const end = start + broken.length;
  for (const finding of findings.slice(1)) assert.ok(finding.end <= start || finding.start >= end, finding.message);
  assert.match(findings[0].message, /^the front matter does not parse: .* \(in line 'We're hiring, but first –'\); the rest of the front matter is checked$/);
});

test('cross-item rules treat a broken item as absent: no sec-order, item-duplicate, header-hidden or who-variant only because of it', () => {
  const line = (text: string, sec: number, who: string) => `- line: ${text}\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;
  const brokenTimed = "- line: 'It's the answer to the question,\n  sec: 30\n  time: '0:30'\n  who: Andreyy\n";
  const text = episode([
    '- header: Opening\n', brokenTimed, // the header's only timed line is broken: no header-hidden
    line('We measured every fridge in the building.', 20, 'Andreyy'), // lower than the broken item's 30, and after it: no sec-order
    brokenTimed.replace('sec: 30', 'sec: 25').replace("'0:30'", "'0:25'"),
    line('We measured every fridge in the building.', 40, 'Andreyy'), // a copy, but not in a row: the broken item stands between
  ].join(''));
  assert.deepEqual(check(text).map((f) => f.rule), ['yaml-syntax', 'yaml-syntax']);
});

test('who-variant counts the speaker a broken item names, so its lines cannot turn a spelling into the minority', () => {
  const line = (sec: number, who: string) => `- line: Line at ${sec} seconds of the talk.\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;
  const broken = (sec: number) => `- line: 'It's broken at ${sec}\n  sec: ${sec}\n  time: '0:${sec}'\n  who: Andrey\n`;
  const text = episode([line(10, 'Andreyy'), broken(15), line(20, 'Andrey'), broken(25), line(30, 'Andreyy')].join(''));
  const variants = check(text).filter((f) => f.rule === 'who-variant');
  // Read in full, Andrey has 3 lines and Andreyy 2: the two Andreyy lines are the misspellings.
  assert.deepEqual(variants.map((f) => [text.slice(f.start, f.end), f.message]), [
    ['Andreyy', "speaker 'Andreyy' looks like a misspelling of 'Andrey', who speaks more often in this file"],
    ['Andreyy', "speaker 'Andreyy' looks like a misspelling of 'Andrey', who speaks more often in this file"],
  ]);
});

test('a broken top-level value does not stop the transcript checks', () => {
  const text = episode(`${ITEM.replace("'0:10'", "'0:11'")}`, 'intro: "An "unescaped" quote"\nids:\n  youtube: AbCdEfGhIjK\n');
  const findings = check(text);
  assert.deepEqual(findings.map((f) => f.rule), ['yaml-syntax', 'time-mismatch']);
  const model = parseEpisode(text);
  assert.equal(model.recovered, true);
  assert.deepEqual(model.topLevel.map((f) => f.key), ['title', 'ids', 'transcript']);
});

test('two broken keys in a row: each repair closes its own value only, never one quote that joins them', () => {
  const text = episode(ITEM, "title: 'Open\nshort: 'Also open\nids:\n  youtube: AbCdEfGhIjK\n").replace('title: Test episode\n', '');
  assert.deepEqual(repairs(text).map((r) => [r.title, r.preferred, r.result]), [
    ['Close the quote of title', true, text.replace("'Open\n", "'Open'\n")],
    ['Close the quote of short', true, text.replace("'Also open\n", "'Also open'\n")],
  ]);
  const fixed = applyEdits(text, collectFixAll(analyze(parseEpisode(text), DEFAULT_CONFIG)));
  assert.equal(fixed, text.replace("'Open\n", "'Open'\n").replace("'Also open\n", "'Also open'\n"));
});

test("the editor's fix-all goes to a fixed point: a repaired item's own fixes come in the same edit list", () => {
  const text = episode(`- line: 'Unclosed and late\n  sec: 10\n  time: '0:11'\n  who: Priya\n${ITEM.replace('sec: 10', 'sec: 20').replace("'0:10'", "'0:20'")}`);
  const action = fixAllAction(check(text), text, (t) => check(t));
  const fixed = applyEdits(text, action!.edits);
  assert.equal(fixed, text.replace("'Unclosed and late\n", "'Unclosed and late'\n").replace("'0:11'", "'0:10'"));
  assert.deepEqual(action!.edits.map((e) => e.newText), ["'", "'0:10'"]);
  assert.deepEqual(check(fixed), []);
});

test('composeEdits: a second pass on the first pass result, as edits on the original text', () => {
  const t0 = 'abcdefghij';
  const first = [{ start: 2, end: 3, newText: 'XY' }, { start: 7, end: 7, newText: '!' }];
  const t1 = applyEdits(t0, first); // abXYdefg!hij
  const second = [{ start: 3, end: 4, newText: 'Z' }, { start: 10, end: 11, newText: '' }, { start: 0, end: 1, newText: 'A' }];
  const t2 = applyEdits(t1, second);
  const composed = composeEdits(first, second, t1);
  assert.equal(applyEdits(t0, composed), t2);
  assert.deepEqual(composed, [{ start: 0, end: 1, newText: 'A' }, { start: 2, end: 3, newText: 'XZ' }, { start: 7, end: 7, newText: '!' }, { start: 8, end: 9, newText: '' }]);
});

test('duration-mismatch is not reported when a broken item may hold the first or the last sec', () => {
  const last = "- line: 'It's the last word\n  sec: 90\n  time: '1:30'\n  who: Priya\n";
  const text = episode(ITEM + last, 'duration: PT01M20S\nids:\n  youtube: AbCdEfGhIjK\n');
  assert.deepEqual(check(text).map((f) => f.rule), ['yaml-syntax']);
  const fixed = applyEdits(text, collectFixAll(check(text)));
  assert.deepEqual(check(fixed).map((f) => f.rule), []);
});

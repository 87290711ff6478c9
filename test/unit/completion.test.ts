import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { completions, parseEpisode } from '../../server/src/core';
import { episode } from '../helpers';
import { allotmentEpisode, TRANSCRIPT } from './allotmentFixture';

/** Completions at the `|` of a text (the bar is removed first). */
function at(textWithBar: string) {
  const offset = textWithBar.indexOf('|');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  return { text, list: completions(parseEpisode(text, 'file:///e.md'), offset) };
}

test('after who: the file\'s speakers by frequency, then guests not among them, replacing what is typed', () => {
  // Rosa has 3 lines, Ingrid 1 besides the one being typed.
  const { text, list } = at(allotmentEpisode(TRANSCRIPT.replace('  who: Ingrid\n- line: Every', '  who: R|\n- line: Every')));
  assert.deepEqual(list.map((c) => [c.label, c.detail, c.text]), [
    ['Rosa', 'speaker in this file', 'Rosa'],
    ['Ingrid', 'speaker in this file', 'Ingrid'],
    ['Tomasz Berg', 'guest (from guests)', 'Tomasz Berg'],
  ]);
  assert.equal(text.slice(list[0].span.start, list[0].span.end), 'R');
  assert.deepEqual(list.map((c) => c.sortText), ['0000', '0001', '0002']);
});

test('speaker names that need quotes are inserted quoted', () => {
  const { list } = at(episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: 'Dr: Who'\n- line: B.\n  sec: 2\n  time: '0:02'\n  who: |\n"));
  assert.deepEqual(list.map((c) => [c.label, c.text, c.filterText]), [['Dr: Who', "'Dr: Who'", 'Dr: Who']]);
});

test('inside an item: the keys it lacks, sec and time prefilled', () => {
  const { list } = at(allotmentEpisode(TRANSCRIPT.replace("  time: '2:03'\n  who: Rosa\n", "  time: '2:03'\n  who: Rosa\n- line: A new thought.\n  |\n")));
  assert.deepEqual(list.map((c) => [c.label, c.snippet, c.detail]), [
    ['sec', 'sec: ${1:123}', 'from the previous timed line'],
    ['time', "time: '${1:2:03}'", 'from the previous timed line'],
    ['who', 'who: $0', 'speaker'],
  ]);
  assert.equal(list[2].retrigger, true);
});

test('a half-typed key that does not parse yet still completes; time follows the item\'s own sec', () => {
  const { text, list } = at(allotmentEpisode(TRANSCRIPT.replace("  sec: 70\n  time: '1:10'\n", '  sec: 70\n  ti|\n')));
  assert.ok(parseEpisode(text).syntaxErrors.length > 0);
  assert.deepEqual(list.map((c) => [c.label, c.text, text.slice(c.span.start, c.span.end)]), [['time', "time: '1:10'", 'ti']]);
  assert.equal(list[0].detail, 'from sec 70');
});

test('on a new "- ": a spoken line with sec/time from the previous timed line and the other speaker of a two-person talk', () => {
  const { list } = at(allotmentEpisode(TRANSCRIPT.replace('  who: Rosa\n- header: Lesson 3', '  who: Rosa\n- |\n- header: Lesson 3')));
  assert.deepEqual(list.map((c) => c.label), ['spoken line', 'header']);
  assert.equal(list[0].snippet, 'line: $1\n  sec: ${2:55}\n  time: ${3:0:55}\n  who: ${4:Ingrid}');
  assert.equal(list[0].text, 'line: \n  sec: 55\n  time: 0:55\n  who: Ingrid');
  assert.equal(list[0].detail, 'sec 55 (0:55), who: Ingrid');
  const afterIngrid = at(allotmentEpisode(TRANSCRIPT.replace("  who: Ingrid\n- line: Every", "  who: Ingrid\n- |\n- line: Every")));
  assert.equal(afterIngrid.list[0].snippet, "line: $1\n  sec: ${2:70}\n  time: '${3:1:10}'\n  who: ${4:Rosa}");
});

test('no completion outside the transcript, in the body, or in other Markdown', () => {
  assert.deepEqual(at(allotmentEpisode().replace('title: The', 'title: |The')).list, []);
  assert.deepEqual(at(allotmentEpisode().replace('Notes.', 'who: |')).list, []);
  assert.deepEqual(at('# Notes\n\n- |\n').list, []);
  assert.deepEqual(at(allotmentEpisode().replace('guests:\n- Rosa', 'guests:\n- |Rosa')).list, []);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { TIMELINE_TEXT_LIMIT, timelineOf } from '../../server/src/core/features/timeline';
import { lineAtSecond, linesInWindow, orderBySecond } from '../../client/src/player/laneLines';

/** The player's waveform lane (issue 24): the timed lines as regions, and the line being played. */

const EPISODE = `---
title: Lane test
transcript:
- header: Opening
- line: First words.
  sec: 5
  time: '0:05'
  who: Mara Lind
- line: and they run on
  who: Mara Lind
- line: A shared second.
  sec: 12
  time: '0:12'
  who: Tom Aske
- line: The same second again.
  sec: 12
  time: '0:12'
  who: Tom Aske
- header: Middle
- line: Back in time by mistake.
  sec: 9
  time: '0:09'
  who: Mara Lind
- line: Then later.
  sec: 30
  time: '0:30'
  who: Tom Aske
---
`;

test('timeline: every timed line a region to the next greater sec; continuation words joined; headers at their first timed line', () => {
  const timeline = timelineOf(parseEpisode(EPISODE, 'file:///lane.md'))!;
  assert.deepEqual(timeline.lines.map(({ index, sec, end, who, text }) => ({ index, sec, end, who, text })), [
    { index: 1, sec: 5, end: 12, who: 'Mara Lind', text: 'First words. and they run on' },
    { index: 3, sec: 12, end: 30, who: 'Tom Aske', text: 'A shared second.' },
    { index: 4, sec: 12, end: 30, who: 'Tom Aske', text: 'The same second again.' },
    // Runs back to 9: it ends at the next greater second after it in the file.
    { index: 6, sec: 9, end: 30, who: 'Mara Lind', text: 'Back in time by mistake.' },
    { index: 7, sec: 30, end: undefined, who: 'Tom Aske', text: 'Then later.' },
  ]);
  // Where a drag's Set Time edit is aimed: the item's first key.
  assert.equal(EPISODE.slice(timeline.lines[1].start, timeline.lines[1].start + 22), 'line: A shared second.');
  assert.deepEqual(timeline.headers, [{ index: 0, sec: 5, title: 'Opening' }, { index: 5, sec: 9, title: 'Middle' }]);
});

test('timeline: long text cut with an ellipsis; not an episode gives none', () => {
  const long = 'word '.repeat(100).trim();
  const text = `---\ntranscript:\n- line: ${long}\n  sec: 1\n  time: '0:01'\n  who: A\n---\n`;
  const line = timelineOf(parseEpisode(text, 'file:///long.md'))!.lines[0];
  assert.equal(line.text.length, TIMELINE_TEXT_LIMIT);
  assert.equal(line.text, `${long.slice(0, TIMELINE_TEXT_LIMIT - 1)}…`);
  assert.equal(timelineOf(parseEpisode('---\ntitle: Notes\n---\n', 'file:///notes.md')), undefined);
});

test('lane: the line played at t is the latest sec ≤ t, of equal ones the last in the file; none before the first', () => {
  const lines = timelineOf(parseEpisode(EPISODE, 'file:///lane.md'))!.lines;
  const bySecond = orderBySecond(lines);
  const at = (t: number) => lineAtSecond(bySecond, t)?.index;
  assert.equal(at(4.9), undefined);
  assert.equal(at(5), 1);
  assert.equal(at(8.99), 1);
  assert.equal(at(9), 6);
  assert.equal(at(12), 4);
  assert.equal(at(29.5), 4);
  assert.equal(at(30), 7);
  assert.equal(at(1e6), 7);
});

test('lane: the lines in a window are those whose span meets it (the waveform draws regions only for them)', () => {
  const bySecond = orderBySecond(timelineOf(parseEpisode(EPISODE, 'file:///lane.md'))!.lines);
  const within = (from: number, to: number) => linesInWindow(bySecond, from, to).map((l) => l.index).join();
  assert.equal(within(0, 4), '');
  assert.equal(within(0, 5.5), '1');
  assert.equal(within(6, 9.5), '1,6');
  assert.equal(within(10, 12), '6');
  assert.equal(within(12.5, 31), '3,4,7');
  assert.equal(within(100, 200), '7');
});

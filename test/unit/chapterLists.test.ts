import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { readChapterList } from '../../server/src/core/chapters/readChapters';
import { writeChapterList } from '../../server/src/core/chapters/writeChapters';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { episode } from '../helpers';

/** Issue 19: chapter lists read (site, YouTube, Podcasting 2.0 JSON, WebVTT; a model's answer) and written from an episode's headers. */

test('read: the site\'s HH:MM:SS Topic lines, blank lines fine, a line that is not a chapter reported with its number', () => {
  const list = readChapterList('00:00:00 Podcast Introduction\n\n00:02:39 Guest Background: From Physics to Data\n01:02:03   Wrap-up  \nTopic 12:34\n');
  assert.equal(list.format, 'lines');
  assert.deepEqual(list.chapters, [
    { sec: 0, title: 'Podcast Introduction', line: 1 },
    { sec: 159, title: 'Guest Background: From Physics to Data', line: 3 },
    { sec: 3723, title: 'Wrap-up', line: 4 },
  ]);
  assert.deepEqual(list.notChapters, [{ line: 5, text: 'Topic 12:34' }]);
});

test('read: YouTube description styles (0:00, MM:SS - , H:MM:SS – , (MM:SS), list markers); CRLF', () => {
  const text = '0:00 Intro\r\n12:34 - Feature stores\r\n1:02:03 – Closing\r\n(12:40) In parentheses\r\n[13:00] In brackets\r\n- 14:00 A list item\r\n75:00 Minutes past an hour\r\n';
  assert.deepEqual(readChapterList(text).chapters.map((c) => [c.sec, c.title, c.line]), [
    [0, 'Intro', 1], [754, 'Feature stores', 2], [3723, 'Closing', 3], [760, 'In parentheses', 4], [780, 'In brackets', 5], [840, 'A list item', 6], [4500, 'Minutes past an hour', 7],
  ]);
  assert.deepEqual(readChapterList(text).notChapters, []);
});

test('read: what is not a chapter line', () => {
  const list = readChapterList('Topic 12:34\n12:34\n12:61 Bad seconds\n1:75:00 Bad minutes\nJust words\n00:05 ok\n');
  assert.deepEqual(list.notChapters.map((n) => n.line), [1, 2, 3, 4, 5]);
  assert.deepEqual(list.chapters, [{ sec: 5, title: 'ok', line: 6 }]);
});

test('read: Podcasting 2.0 chapters JSON, with each bad entry reported at its line', () => {
  const text = '{\n  "version": "1.2.0",\n  "chapters": [\n    { "startTime": 0, "title": "Intro" },\n    { "startTime": 159.5, "title": "Guest  background" },\n    { "title": "No start" }\n  ]\n}\n';
  const list = readChapterList(text);
  assert.equal(list.format, 'chapters-json');
  assert.deepEqual(list.chapters, [{ sec: 0, title: 'Intro', line: 4 }, { sec: 159, title: 'Guest background', line: 5 }]);
  assert.deepEqual(list.notChapters, [{ line: 6, text: 'chapters[2]: {"title":"No start"} (needs a startTime of 0 or more, and a title that is text when it has one)' }]);
  assert.throws(() => readChapterList('{"version": "1.2.0"}'), /needs a "chapters" list/);
  assert.throws(() => readChapterList('{\n"chapters": [\n'), (e: Error & { line?: number }) => /does not parse/.test(e.message));
});

test('read: Podcasting 2.0 chapters JSON v1.2: an untitled chapter and a toc: false chapter are kept out of the headers and named, the list is not refused', () => {
  // The shape of the specification's own example: a silent chapter (artwork only) between titled ones.
  const text = [
    '{', '  "version": "1.2.0",', '  "chapters": [',
    '    { "startTime": 0, "title": "Intro", "img": "https://example.com/intro.jpg" },',
    '    { "startTime": 168, "img": "https://example.com/art.jpg", "toc": false },',
    '    { "startTime": 200, "title": "Sponsor", "toc": false },',
    '    { "startTime": 260 },',
    '    { "startTime": 300, "title": "Topic", "toc": true },',
    '    { "startTime": 400, "title": 42 }',
    '  ]', '}', '',
  ].join('\n');
  const list = readChapterList(text);
  assert.deepEqual(list.chapters, [{ sec: 0, title: 'Intro', line: 4 }, { sec: 300, title: 'Topic', line: 8 }]);
  assert.deepEqual(list.warnings, [
    'chapters[1] at 00:02:48 (line 5) has toc: false (not in the table of contents): not made a header',
    'chapters[2] at 00:03:20 ("Sponsor") (line 6) has toc: false (not in the table of contents): not made a header',
    'chapters[3] at 00:04:20 (line 7) has no title (allowed by v1.2, but a header needs one): not made a header',
  ]);
  assert.deepEqual(list.notChapters, [{ line: 9, text: 'chapters[5]: {"startTime":400,"title":42} (needs a startTime of 0 or more, and a title that is text when it has one)' }]);
});

test('read: WebVTT chapters (ids optional, NOTE blocks skipped, entities undone), a block that is no cue reported', () => {
  const text = 'WEBVTT\n\nNOTE written by hand\n\n1\n00:00:00.000 --> 00:02:39.000\nIntro &amp; welcome\n\n00:02:39.000 --> 01:00:00.000\nGuest\nbackground\n\nnot a cue\n';
  const list = readChapterList(text);
  assert.equal(list.format, 'chapters-vtt');
  assert.deepEqual(list.chapters, [{ sec: 0, title: 'Intro & welcome', line: 6 }, { sec: 159, title: 'Guest background', line: 9 }]);
  assert.deepEqual(list.notChapters, [{ line: 13, text: 'not a cue' }]);
});

test('read leniently (a model\'s answer): talk and fences ignored, sorted, past the end, duplicates and over 30 dropped and said', () => {
  const lines = Array.from({ length: 32 }, (_, i) => `00:${String(10 + i).padStart(2, '0')}:00 Topic ${i + 1}`);
  const answer = ['Sure! Here are the chapters:', '```', '00:05:00 Later first', '00:01:00 Start', '00:01:00 Same second', ...lines, '02:00:00 After the end', '```', 'Let me know if you need more.'].join('\n');
  const list = readChapterList(answer, { lenient: true, endSec: 3600 });
  assert.equal(list.chapters.length, 30);
  assert.deepEqual(list.chapters.slice(0, 3).map((c) => [c.sec, c.title]), [[60, 'Start'], [300, 'Later first'], [600, 'Topic 1']]);
  assert.deepEqual(list.chapters.at(-1), { sec: 2220, title: 'Topic 28', line: 33 });
  assert.deepEqual(list.notChapters, []);
  assert.deepEqual(list.warnings, [
    'the chapters were not in time order; they are sorted',
    '"Same second" at 00:01:00 starts at the same time as "Start": left out',
    '"After the end" at 02:00:00 starts after the transcript ends (01:00:00): left out',
    'the answer has 34 chapters; the first 30 are kept (4 left out, from "Topic 29" at 00:38:00)',
    '4 lines of the answer that are not chapters ignored',
  ]);
});

const TIMED = `- header: Intro
- line: Welcome.
  sec: 159
  time: '2:39'
  who: Host
- header: 'Topic: one'
- line: First.
  sec: 200
  time: '3:20'
  who: Guest
- header: Hidden by the next
- header: Second
- line: More.
  who: Guest
- line: Timed.
  sec: 3725
  time: '1:02:05'
  who: Guest
- header: At the end
`;

function model(transcript = TIMED) {
  return parseEpisode(episode(transcript), 'file:///w/_podcast/e.md');
}

test('write chapters: HH:MM:SS Topic at each header\'s first timed line; hidden headers left out and named', () => {
  const result = writeChapterList(model(), 'chapters', {});
  assert.equal(result.text, '00:02:39 Intro\n00:03:20 Topic: one\n01:02:05 Second\n');
  assert.deepEqual(result.warnings, [
    'header "Hidden by the next" is left out: the site hides it (another header follows before any timed line)',
    'header "At the end" is left out: the site hides it (no timed line follows it)',
  ]);
  assert.deepEqual(exportEpisode(model(), 'chapters'), result);
});

test('write youtube: 00:00 intro added (setting), MM:SS below an hour, H:MM:SS after; rules broken named', () => {
  const result = writeChapterList(model(), 'youtube', { introTitle: 'DataTalks.Club intro' });
  assert.equal(result.text, '00:00 DataTalks.Club intro\n02:39 Intro\n03:20 Topic: one\n1:02:05 Second\n');
  assert.deepEqual(result.warnings.slice(2), []);
  const short = writeChapterList(model("- header: A\n- line: a\n  sec: 0\n- header: B\n- line: b\n  sec: 4\n"), 'youtube', {});
  assert.equal(short.text, '00:00 A\n00:04 B\n');
  assert.deepEqual(short.warnings, ['YouTube needs at least 3 chapters; this list has 2', 'YouTube needs each chapter to last at least 10 seconds: "A" (00:00) lasts 4 s']);
  assert.equal(writeChapterList(model(), 'youtube', {}).text.split('\n')[0], '00:00 Intro');
});

test('write chapters-json (Podcasting 2.0 1.2.0) and chapters-vtt, both read back to the same chapters', () => {
  const json = writeChapterList(model(), 'chapters-json', {}).text;
  assert.equal(json, '{\n  "version": "1.2.0",\n  "chapters": [\n    {\n      "startTime": 159,\n      "title": "Intro"\n    },\n    {\n      "startTime": 200,\n      "title": "Topic: one"\n    },\n    {\n      "startTime": 3725,\n      "title": "Second"\n    }\n  ]\n}\n');
  const vtt = writeChapterList(model("- header: A <b> & c\n- line: a\n  sec: 10\n- header: B\n- line: b\n  sec: 70\n- line: c\n  sec: 95\n"), 'chapters-vtt', {}).text;
  assert.equal(vtt, 'WEBVTT\n\n1\n00:00:10.000 --> 00:01:10.000\nA &lt;b&gt; &amp; c\n\n2\n00:01:10.000 --> 00:01:35.000\nB\n');
  assert.deepEqual(readChapterList(vtt).chapters.map((c) => [c.sec, c.title]), [[10, 'A <b> & c'], [70, 'B']]);
  assert.deepEqual(readChapterList(json).chapters.map((c) => [c.sec, c.title]), [[159, 'Intro'], [200, 'Topic: one'], [3725, 'Second']]);
});

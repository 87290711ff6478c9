import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { otterText } from '../../server/src/core/formats/otter/otterTextWriter';
import { readSourceItems } from '../../server/src/core/formats/shared/sourceItems';
import { ConvertError, ExportOptions, TranscriptExportFormat } from '../../server/src/core/convert/types';
import { episode } from '../helpers';

/** Exact output of each transcript writer on fictional episodes written for these cases. */

const run = (text: string, format: TranscriptExportFormat, options: ExportOptions = {}) => exportEpisode(parseEpisode(text, 'file:///w/_podcast/ep.md'), format, options);
/** 1-based file line of the first line containing `needle`: warnings name file lines. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

// A header first, a second said twice (5), an untimed continuation, a sec that runs back (9 after 12),
// and text with `&`, `<`, `>` and `-->`.
const MIXED = episode(`- header: Podcast Introduction
- line: Hello & welcome <everyone> --> here.
  sec: 5
  time: '0:05'
  who: Alexey
- line: Second paragraph, same second.
  sec: 5
  time: '0:05'
  who: Alexey
- line: An untimed continuation.
  who: Alexey
- header: Background
- line: Thanks for having me.
  sec: 12
  time: '0:12'
  who: Maria
- line: Backward line.
  sec: 9
  time: '0:09'
  who: Alexey
- line: Last words of the show here now.
  sec: 20
  time: '0:20'
  who: Maria
`);
const BACK_WARNING = `sec runs back at 1 line (file line ${lineOf(MIXED, 'Backward line.')}): cues are placed in time order, each at its own sec.`;

test('vtt: one cue per timed line in time order; lines of one sec share the time to the next sec by length (36 and 54 characters over 4 s), none overlaps; the last from its words', () => {
  const result = run(MIXED, 'vtt');
  assert.equal(result.text, `WEBVTT

00:00:05.000 --> 00:00:06.600
<v Alexey>Hello &amp; welcome &lt;everyone&gt; --&gt; here.

00:00:06.600 --> 00:00:09.000
<v Alexey>Second paragraph, same second.
An untimed continuation.

00:00:09.000 --> 00:00:12.000
<v Alexey>Backward line.

00:00:12.000 --> 00:00:20.000
<v Maria>Thanks for having me.

00:00:20.000 --> 00:00:22.800
<v Maria>Last words of the show here now.
`);
  assert.deepEqual(result.warnings, [BACK_WARNING]);
});

test('srt: the same cues numbered, comma milliseconds, Who: on every cue of a named speaker, text players would read as structure broken by a zero-width space', () => {
  const result = run(MIXED, 'srt');
  assert.equal(result.text, `1
00:00:05,000 --> 00:00:06,600
Alexey: Hello & welcome <\u200Beveryone> --\u200B> here.

2
00:00:06,600 --> 00:00:09,000
Alexey: Second paragraph, same second.
An untimed continuation.

3
00:00:09,000 --> 00:00:12,000
Alexey: Backward line.

4
00:00:12,000 --> 00:00:20,000
Maria: Thanks for having me.

5
00:00:20,000 --> 00:00:22,800
Maria: Last words of the show here now.
`);
  assert.deepEqual(result.warnings, [BACK_WARNING, "1 cue with text a player would read as a timing line or markup ('-->', '<i>', '{\\an8}'): a zero-width space is written inside each."]);
});

test('json: Podcasting 2.0 segments, one per cue, seconds with milliseconds', () => {
  const result = run(MIXED, 'json');
  assert.deepEqual(JSON.parse(result.text), {
    version: '1.0.0',
    segments: [
      { speaker: 'Alexey', startTime: 5, endTime: 6.6, body: 'Hello & welcome <everyone> --> here.' },
      { speaker: 'Alexey', startTime: 6.6, endTime: 9, body: 'Second paragraph, same second. An untimed continuation.' },
      { speaker: 'Alexey', startTime: 9, endTime: 12, body: 'Backward line.' },
      { speaker: 'Maria', startTime: 12, endTime: 20, body: 'Thanks for having me.' },
      { speaker: 'Maria', startTime: 20, endTime: 22.8, body: 'Last words of the show here now.' },
    ],
  });
  assert.deepEqual(Object.keys(JSON.parse(result.text).segments[0]), ['speaker', 'startTime', 'endTime', 'body']);
  assert.ok(result.text.endsWith('}\n'));
  assert.deepEqual(result.warnings, [BACK_WARNING]);
});

test('text: headers, time / speaker / text turns, = continuations, in file order with each line\'s own sec', () => {
  const result = run(MIXED, 'text');
  assert.equal(result.text, `Podcast Introduction

0:05
Alexey
Hello & welcome <everyone> --> here.

0:05
Alexey
Second paragraph, same second.
= An untimed continuation.

Background

0:12
Maria
Thanks for having me.

0:09
Alexey
Backward line.

0:20
Maria
Last words of the show here now.
`);
  assert.deepEqual(result.warnings, []);
});

test('the last cue ends at the duration when that is after its start, else after its words (at least 1 s)', () => {
  const items = `- line: Hi.
  sec: 10
  time: '0:10'
  who: Alexey
- line: Bye.
  sec: 70
  time: '1:10'
  who: Maria
`;
  const withDuration = (value: string) => episode(items, `duration: ${value}\n`);
  assert.match(run(withDuration('PT00H01M30S'), 'vtt').text, /00:01:10\.000 --> 00:01:30\.000\n<v Maria>Bye\.\n$/);
  // The site's duration is last sec − first sec (60 here): not after the last start, so the words decide (1 word: 1 s).
  assert.match(run(withDuration('PT00H01M'), 'vtt').text, /00:01:10\.000 --> 00:01:11\.000\n<v Maria>Bye\.\n$/);
  assert.match(run(episode(items), 'srt').text, /00:01:10,000 --> 00:01:11,000\nMaria: Bye\.\n$/);
});

test('untimed lines before the first timed line join the first cue; another speaker\'s untimed line joins under the cue\'s speaker', () => {
  const text = episode(`- line: Before anything is timed.
  who: Alexey
- line: First timed.
  sec: 3
  time: '0:03'
  who: Alexey
- line: Said by someone else, untimed.
  who: Maria
- line: A bare copied line.
`);
  // 15 words in the last (only) cue: 6 s at 2.5 words a second.
  const result = run(text, 'vtt');
  assert.equal(result.text, `WEBVTT

00:00:03.000 --> 00:00:09.000
<v Alexey>Before anything is timed.
First timed.
Said by someone else, untimed.
A bare copied line.
`);
  assert.deepEqual(result.warnings, [
    `1 untimed line before the first timed line joined into the first cue (file line ${lineOf(text, 'Before anything')}).`,
    `2 untimed lines of another speaker than the line before (or of none) joined into that line's cue, under its speaker (file lines ${lineOf(text, 'Said by')}, ${lineOf(text, 'A bare')}).`,
  ]);
});

test('a timed line without who: no voice span, no label, no speaker; a reader would take the speaker before, so it is said', () => {
  const text = episode(`- line: Named.
  sec: 1
  time: '0:01'
  who: Alexey
- line: 'Nobody: said this.'
  sec: 2
  time: '0:02'
`);
  const vtt = run(text, 'vtt');
  assert.equal(vtt.text, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alexey>Named.\n\n00:00:02.000 --> 00:00:03.200\nNobody: said this.\n');
  assert.deepEqual(vtt.warnings, ['1 cue with no speaker after a named one: a reader takes them for the speaker before.']);
  assert.equal(run(text, 'srt').text, '1\n00:00:01,000 --> 00:00:02,000\nAlexey: Named.\n\n2\n00:00:02,000 --> 00:00:03,200\nNobody: said this.\n');
  assert.deepEqual(JSON.parse(run(text, 'json').text).segments[1], { startTime: 2, endTime: 3.2, body: 'Nobody: said this.' });
});

test('srt repeats the speaker when the text itself begins like a label, so a reader does not take it for a new speaker', () => {
  const text = episode(`- line: First.
  sec: 1
  time: '0:01'
  who: Alexey
- line: 'Note: this is not a speaker.'
  sec: 2
  time: '0:02'
  who: Alexey
`);
  assert.equal(run(text, 'srt').text, '1\n00:00:01,000 --> 00:00:02,000\nAlexey: First.\n\n2\n00:00:02,000 --> 00:00:04,400\nAlexey: Note: this is not a speaker.\n');
});

test('vtt escapes the voice name: & and > and < as character references, white space folded', () => {
  const text = episode(`- line: Hi.
  sec: 1
  time: '0:01'
  who: "R&D  <Team>"
`);
  assert.equal(run(text, 'vtt').text, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v R&amp;D &lt;Team&gt;>Hi.\n');
});

test('a line break inside a line becomes a space: no cue holds a blank line', () => {
  const text = episode(`- line: "One\\n\\n  two"
  sec: 1
  time: '0:01'
  who: Alexey
`);
  assert.equal(run(text, 'vtt').text, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Alexey>One two\n');
  assert.equal(run(text, 'text').text, '0:01\nAlexey\nOne two\n');
});

test('hours: cue times past an hour, text times as h:mm:ss', () => {
  const text = episode(`- line: Late.
  sec: 3725
  time: '1:02:05'
  who: Alexey
`);
  assert.match(run(text, 'vtt').text, /^WEBVTT\n\n01:02:05\.000 --> 01:02:06\.000\n/);
  assert.equal(run(text, 'text').text, '1:02:05\nAlexey\nLate.\n');
});

const TWENTY_WORDS = Array.from({ length: 20 }, (_, i) => `word${String(i + 1).padStart(2, '0')}`).join(' ');
const LONG = episode(`- line: ${TWENTY_WORDS}
  sec: 0
  time: '0:00'
  who: Alexey
- line: Short reply.
  sec: 10
  time: '0:10'
  who: Maria
`);

test('vtt --captions: at most two lines of 42 characters a cue, times spread by characters', () => {
  // 6 words of 6 characters make a 41-character line: lines of words 1-6, 7-12, 13-18, 19-20; captions of 82 and 54 characters.
  const result = run(LONG, 'vtt', { captions: true });
  assert.equal(result.text, `WEBVTT

00:00:00.000 --> 00:00:06.029
<v Alexey>word01 word02 word03 word04 word05 word06
word07 word08 word09 word10 word11 word12

00:00:06.029 --> 00:00:10.000
<v Alexey>word13 word14 word15 word16 word17 word18
word19 word20

00:00:10.000 --> 00:00:11.000
<v Maria>Short reply.
`);
  assert.equal(Math.floor((10000 * 82) / 136), 6029);
});

test('srt --captions: the Who: label counts in the first line\'s 42 characters', () => {
  const result = run(LONG, 'srt', { captions: true });
  assert.equal(result.text, `1
00:00:00,000 --> 00:00:05,763
Alexey: word01 word02 word03 word04 word05
word06 word07 word08 word09 word10 word11

2
00:00:05,763 --> 00:00:10,000
word12 word13 word14 word15 word16 word17
word18 word19 word20

3
00:00:10,000 --> 00:00:11,000
Maria: Short reply.
`);
  for (const line of result.text.split('\n')) assert.ok([...line].length <= 42, line);
});

test('--captions lays the lines of one second out one after the other over that second\'s span', () => {
  const text = episode(`- line: First part.
  sec: 0
  time: '0:00'
  who: Alexey
- line: Second part here.
  sec: 0
  time: '0:00'
  who: Alexey
- line: Next.
  sec: 4
  time: '0:04'
  who: Maria
`);
  // 11 and 17 characters over 4 s: the second starts at 4000 × 11 / 28 = 1571 ms.
  assert.equal(run(text, 'vtt', { captions: true }).text, `WEBVTT

00:00:00.000 --> 00:00:01.571
<v Alexey>First part.

00:00:01.571 --> 00:00:04.000
<v Alexey>Second part here.

00:00:04.000 --> 00:00:05.000
<v Maria>Next.
`);
});

test('--captions cuts a word longer than a line', () => {
  const text = episode(`- line: ${'x'.repeat(50)} end
  sec: 0
  time: '0:00'
  who: A
`);
  assert.match(run(text, 'vtt', { captions: true }).text, new RegExp(`\\n<v A>${'x'.repeat(42)}\\n${'x'.repeat(8)} end\\n$`));
});

test('text: what the script cannot read back the same is written as close as the shape allows, and counted in one warning', () => {
  const text = episode(`- header: '12:30'
- line: Untimed right after a header.
  who: Alexey
- line: Timed without a speaker.
  sec: 30
  time: '0:30'
- line: =Starts with an equals sign.
  who: Bob
- line: Timed with a colon speaker.
  sec: 40
  time: '0:40'
  who: 'Alexey:'
- line: =Continuation with equals.
  who: 'Alexey:'
- header: =Equals header after a turn
- header: Transcribed by https://otter.ai
- line: Fine line.
  sec: 3700
  time: '1:01:40'
  who: Maria
- line: =Fine continuation starting with equals.
  who: Maria
`);
  const result = run(text, 'text');
  assert.equal(result.text, `12:30.

0:30
Alexey
Untimed right after a header.

0:30
Unknown
Timed without a speaker.
= =Starts with an equals sign.

0:40
Alexey:
Timed with a colon speaker.
= =Continuation with equals.

Equals header after a turn

Transcribed by otter.ai

1:01:40
Maria
Fine line.
= =Fine continuation starting with equals.
`);
  const lines = ["'12:30'", 'Untimed right', 'Timed without', 'Starts with an equals', 'Timed with a colon', 'Continuation with equals', 'Equals header', 'Transcribed by'].map((needle) => lineOf(text, needle));
  assert.deepEqual(result.warnings, [
    '8 items the text format cannot carry exactly, written as close as it allows: ' +
      "headers the script would read as a time, a speaker's line or nothing (changed slightly, or left out when empty): 3; " +
      'untimed lines after a header or at the start (written as timed lines at the sec before): 1; ' +
      'timed lines without a speaker (written as "Unknown"): 1; ' +
      "untimed lines of another speaker than the line before, or of none (read back as that speaker's): 1; " +
      "speakers the script reads differently (a trailing ':' or white space at the ends is dropped): 2 " +
      `(file lines ${lines.slice(0, 5).join(', ')} and 3 more).`,
  ]);
  assert.deepEqual(otterText(readSourceItems(parseEpisode(text)).items).inexact.map((entry) => entry.index), [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('text: an untimed line at the very start takes the next timed sec; an empty header is left out', () => {
  const text = episode(`- header: '   '
- line: Opening words.
- line: Timed.
  sec: 8
  time: '0:08'
  who: Alexey
`);
  const result = run(text, 'text');
  assert.equal(result.text, '0:08\nUnknown\nOpening words.\n\n0:08\nAlexey\nTimed.\n');
  assert.match(result.warnings[0], /^2 items the text format cannot carry exactly/);
});

test('a transcript without any timed line cannot be a cue file; the text format still writes it', () => {
  const text = episode(`- header: Intro
- line: Untimed only.
  who: Alexey
`);
  for (const format of ['vtt', 'srt', 'json'] as const) {
    assert.throws(() => run(text, format), (error: unknown) => error instanceof ConvertError && /no timed line \(sec\)/.test(error.message));
  }
  assert.equal(run(text, 'text').text, 'Intro\n\n0:00\nAlexey\nUntimed only.\n');
});

test('items that are neither line nor header, and a sec that is not a whole number, are said and not silently used', () => {
  const text = episode(`- line: Good.
  sec: 1
  time: '0:01'
  who: Alexey
- line: Half a second.
  sec: 1.5
  who: Alexey
- header: Both
  line: Both
`);
  const result = run(text, 'vtt');
  assert.equal(result.text, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.600\n<v Alexey>Good.\nHalf a second.\n');
  assert.deepEqual(result.warnings, [
    `1 item neither a line nor a header left out (file line ${lineOf(text, '- header: Both')}).`,
    `1 line whose sec is not a whole number of seconds exported as untimed (file line ${lineOf(text, 'Half a second')}).`,
  ]);
});

test("srt: a who a 'Name: ' label cannot carry is written as close as it can be, and counted", () => {
  const text = episode(`- line: Hi.
  sec: 1
  time: '0:01'
  who: 'Alexey:'
- line: Yes.
  sec: 2
  time: '0:02'
  who: So this is really a whole sentence
`);
  const result = run(text, 'srt');
  assert.equal(result.text, '1\n00:00:01,000 --> 00:00:02,000\nAlexey: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nSo this is really a whole sentence: Yes.\n');
  assert.deepEqual(result.warnings, [
    "2 cues of 2 speakers that a leading 'Name: ' cannot carry as written ('Alexey:', 'So this is really a whole sentence'): a reader takes them otherwise.",
  ]);
  // WebVTT's voice span carries both as they are.
  assert.match(run(text, 'vtt').text, /<v Alexey:>Hi\.\n[\s\S]*<v So this is really a whole sentence>Yes\.\n$/);
  assert.deepEqual(run(text, 'vtt').warnings, []);
});

test('json: a segment without a speaker after a named one is said (readers carry the speaker over)', () => {
  const text = episode(`- line: Named.
  sec: 1
  time: '0:01'
  who: Alexey
- line: Unnamed.
  sec: 2
  time: '0:02'
`);
  assert.deepEqual(run(text, 'json').warnings, ['1 cue with no speaker after a named one: a reader takes them for the speaker before.']);
});

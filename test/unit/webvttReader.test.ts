import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readWebVtt } from '../../server/src/core/formats/webvtt/webvttReader';
import { refusal } from '../helpers';

// Our own fixtures in the shapes real tools and browsers produce; each names the shape it stands for.

const INTERVIEW = `WEBVTT - interview

NOTE written by hand
across two lines

STYLE
::cue { color: white }

intro-1
00:00:00.900 --> 00:00:02.000 align:start
<v Alexey>Hi &amp; welcome, <i>everyone</i>.</v>

00:00:02.000 --> 00:00:04.000
This is <c.loud>the</c> show.

00:04.500 --> 00:06.000
<v.guest Jane Roe>Thanks.
Glad to&nbsp;be here.

00:00:06.000 --> 00:00:07.000
<v Alexey>So?</v> <v Jane Roe>Yes!

01:02:03.000 --> 01:02:04.000
<v Jane Roe>Late &lt;tag&gt; &#8212; done.
`;

test('webvtt: voice spans name the speaker and carry over; markup dropped; references decoded; NOTE/STYLE skipped', () => {
  assert.deepEqual(readWebVtt(INTERVIEW), {
    items: [
      { line: 'Hi & welcome, everyone. This is the show.', sec: 0, time: '0:00', who: 'Alexey' },
      { line: 'Thanks. Glad to be here.', sec: 4, time: '0:04', who: 'Jane Roe' },
      { line: 'So?', sec: 6, time: '0:06', who: 'Alexey' },
      { line: 'Yes! Late <tag> — done.', sec: 6, time: '0:06', who: 'Jane Roe' },
    ],
    warnings: [],
  });
});

const cue = (timing: string, text = 'Hello there.') => `WEBVTT\n\n${timing}\n${text}\n`;
const spoken = (text: string) => readWebVtt(text).items.map((item) => ('line' in item ? item.line : undefined));
const startOf = (text: string) => readWebVtt(text).items.map((item) => ('sec' in item ? item.sec : undefined));

test('webvtt: timings every browser plays are read (Why: refused before)', () => {
  assert.deepEqual(startOf(cue('0:00:01.000 --> 0:00:02.000')), [1], 'one-digit hour');
  assert.deepEqual(startOf(cue('00:01.000-->00:02.000')), [1], '--> without spaces');
  assert.deepEqual(startOf(cue('00:01.000 --> 00:02.000align:start line:0')), [1], 'settings right after the end time');
  assert.deepEqual(startOf(cue('  \t00:01.000 --> 00:02.000')), [1], 'white space before the timing');
  assert.deepEqual(startOf('WEBVTT\n00:03.000 --> 00:04.000\nRight after the header.\n'), [3], 'a timing on the line after WEBVTT');
  assert.deepEqual(startOf(cue('00:05.000 --> 00:02.000')), [5], 'a cue that ends before it starts: only the start is used');
  assert.deepEqual(startOf('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nCRLF and a BOM.\r\n'), [1]);
});

test('webvtt: a timing with no blank line before it starts a new cue instead of being swallowed as text', () => {
  const text = 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ann>Text\n00:02.000 --> 00:04.000\n<v Bob>Text\n';
  assert.deepEqual(readWebVtt(text).items, [
    { line: 'Text', sec: 0, time: '0:00', who: 'Ann' },
    { line: 'Text', sec: 2, time: '0:02', who: 'Bob' },
  ]);
});

test("webvtt: character references as HTML reads them: the whole table, legacy names without ';', any case the table has", () => {
  const text = cue('00:01.000 --> 00:02.000', '&copy; 2024 &amp Co &AMP; &eacute;t&eacute; &#x263A; &#128512; &notit; &lt;b&gt; &#60;i> &bogus; &#0;');
  assert.deepEqual(spoken(text), ['© 2024 & Co & été ☺ 😀 ¬it; <b> <i> &bogus; \uFFFD']);
});

test('webvtt: an unterminated tag is a tag, not text: `<v It\'s a blue apple tree!` is a voice with no words', () => {
  const text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v It's a blue apple tree!\n\n00:03.000 --> 00:04.000\n<v Ann>Words <b>bold\n";
  assert.deepEqual(readWebVtt(text), { items: [{ line: 'Words bold', sec: 3, time: '0:03', who: 'Ann' }], warnings: ['1 cue without text skipped'] });
});

test('webvtt: a voice name has its references decoded; ruby text is kept, inline timestamps are left out', () => {
  const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v R&amp;D Lead>We ship <ruby>漢<rt>kan</rt></ruby> <00:00:02.000>today.\n';
  assert.deepEqual(readWebVtt(text).items, [{ line: 'We ship 漢kan today.', sec: 1, time: '0:01', who: 'R&D Lead' }]);
});

test('webvtt: Teams (voices) and Zoom (`Name: text` in every cue) transcripts', () => {
  const teams = 'WEBVTT\n\n0a1b/12-0\n00:00:01.120 --> 00:00:03.400\n<v Priya Raman>Good morning all.</v>\n\n0a1b/13-0\n00:00:03.400 --> 00:00:05.000\n<v Sam O\'Neil>Morning!</v>\n';
  assert.deepEqual(readWebVtt(teams).items, [
    { line: 'Good morning all.', sec: 1, time: '0:01', who: 'Priya Raman' },
    { line: 'Morning!', sec: 3, time: '0:03', who: "Sam O'Neil" },
  ]);
  const zoom = 'WEBVTT\n\n1\n00:00:02.000 --> 00:00:04.000\npriya r: We are live.\n\n2\n00:00:04.000 --> 00:00:06.000\nSam (iPad): Great.\n\n3\n00:00:06.000 --> 00:00:07.000\npriya r: Thanks.\n';
  assert.deepEqual(readWebVtt(zoom).items, [
    { line: 'We are live.', sec: 2, time: '0:02', who: 'priya r' },
    { line: 'Great.', sec: 4, time: '0:04', who: 'Sam (iPad)' },
    { line: 'Thanks.', sec: 6, time: '0:06', who: 'priya r' },
  ]);
});

test('webvtt: a block the parser drops is named in a warning and the rest is imported', () => {
  const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\n00:03.00 --> 00:04.000\nThere\n\nJust words\nmore words\n\n00:61.000 --> 01:02.000\nBad\n\n00:05.000 --> 00:06.000\nBye\n';
  assert.deepEqual(readWebVtt(text), {
    items: [{ line: 'Hi Bye', sec: 1, time: '0:01' }],
    warnings: [
      "3 blocks not read as a cue (as browsers drop them), skipped: line 6: '00:03.00 --> 00:04.000' (Milliseconds must be given in three digits); " +
        "line 9: 'Just words' (text with no cue timing); line 12: '00:61.000 --> 01:02.000' (You cannot have more than 59 seconds)",
    ],
  });
});

test('webvtt: refused only when it is not WebVTT or nothing in it is a cue with text', () => {
  assert.equal(refusal(() => readWebVtt('WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n')), "line 1: not a WebVTT file: its first line must be 'WEBVTT', not 'WEBVTTX'");
  assert.equal(refusal(() => readWebVtt('1\n00:00:01,000 --> 00:00:02,000\nHi\n')), "line 1: not a WebVTT file: its first line must be 'WEBVTT', not '1'");
  assert.equal(refusal(() => readWebVtt('WEBVTT\n\nJust words\n')), "no cue could be read: line 3: 'Just words' (text with no cue timing)");
  assert.equal(refusal(() => readWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob></v>\n')), 'no cue with text found: nothing to import');
});

test('webvtt: reading is linear: 20,000 cues with references and tags', () => {
  const stamp = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const cues = Array.from({ length: 20000 }, (_, i) => `${stamp(i * 2)} --> ${stamp(i * 2 + 2)}\n<v Speaker ${i % 2}>Said &amp; <i>done</i> &bogus; ${i}.`);
  const started = process.hrtime.bigint();
  const { items } = readWebVtt(`WEBVTT\n\n${cues.join('\n\n')}\n`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(items.length, 20000);
  assert.ok(ms < 15000, `${ms} ms`);
});

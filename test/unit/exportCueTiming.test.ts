import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { readTranscriptSource } from '../../server/src/core/formats/readSource';
import { episode } from '../helpers';

/** Export cue timing (issue 27 point 7: no two cues overlap) and text that must not become structure (issue 28). */

const exported = (text: string, format: 'vtt' | 'srt', captions = false) => exportEpisode(parseEpisode(text, 'file:///w/_podcast/ep.md'), format, { captions }).text;

const item = (line: string, sec: number, who: string) => `- line: ${line}\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;

test('vtt: three lines of one sec split the time to the next sec by their length; speakers change within the second, each cue has its <v>', () => {
  // 10, 30 and 20 characters over 6 s (10 → 16): 1 s, 3 s, 2 s.
  const text = episode(item('Ten chars.', 10, 'Priya') + item('Thirty characters in this one.', 10, 'Alexey') + item('Twenty characters!!!', 10, 'Priya') + item('Next.', 16, 'Alexey'));
  assert.equal(exported(text, 'vtt'), `WEBVTT

00:00:10.000 --> 00:00:11.000
<v Priya>Ten chars.

00:00:11.000 --> 00:00:14.000
<v Alexey>Thirty characters in this one.

00:00:14.000 --> 00:00:16.000
<v Priya>Twenty characters!!!

00:00:16.000 --> 00:00:17.000
<v Alexey>Next.
`);
});

test('vtt: the last sec\'s lines share the time their words take (2.5 words a second), one after the other', () => {
  // Two lines at 30: 5 + 5 words = 4 s, split 24 : 26 characters (1.92 s, 2.08 s).
  const text = episode(item('One two three four five.', 30, 'Priya') + item('Six seven eight nine ten!!', 30, 'Priya'));
  assert.equal(exported(text, 'vtt'), `WEBVTT

00:00:30.000 --> 00:00:31.920
<v Priya>One two three four five.

00:00:31.920 --> 00:00:34.000
<v Priya>Six seven eight nine ten!!
`);
});

test('srt captions: a line\'s captions share its own time, so captions of lines of one sec never overlap', () => {
  const long = 'This line is long enough to need more than one caption of two lines, since each caption line holds at most forty-two characters here.';
  const text = episode(item(long, 0, 'Priya') + item('Short answer.', 0, 'Alexey') + item('Then.', 20, 'Priya'));
  const cues = [...exported(text, 'srt', true).matchAll(/(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})/g)].map((m) => {
    const ms = (h: string, mi: string, s: string, f: string) => ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + Number(f);
    return [ms(m[1], m[2], m[3], m[4]), ms(m[5], m[6], m[7], m[8])];
  });
  // The two lines share 0–20 s as 133 : 13 characters (the long one to 18.219 s); the long line's two
  // captions share its 18.219 s as 80 : 57 characters (the label counted): 10.638 s.
  assert.deepEqual(cues, [[0, 10638], [10638, 18219], [18219, 20000], [20000, 21000]]);
});

test('a spoken timing line, a tag and an ASS override stay text: SRT and WebVTT exports read back to the same lines', async () => {
  const said = ['00:00:09,000 --> 00:00:12,000', 'I said <i>this</i> and {\\an8} that', '00:00:13.000 --> 00:00:14.000 align:start'];
  const text = episode(item(said[0], 1, 'Priya') + item(said[1], 5, 'Alexey') + item(said[2], 9, 'Priya'));
  const srt = exported(text, 'srt');
  assert.equal(srt.split('\n').filter((line) => line.includes('-->')).length, 3, 'three timing lines, one per cue');
  const vtt = exported(text, 'vtt');
  assert.ok(vtt.includes('<v Priya>00:00:09,000 --&gt; 00:00:12,000\n'));
  for (const [format, exportText] of [['srt', srt], ['vtt', vtt]] as const) {
    const read = await readTranscriptSource({ format, text: exportText }, { oneItemPerCue: true });
    const lines = read.items.map((i) => ('line' in i ? i.line.replace(/\u200B/g, '') : ''));
    assert.deepEqual(lines, said, `${format} reads back the spoken text`);
    assert.deepEqual(read.items.map((i) => ('sec' in i ? i.sec : -1)), [1, 5, 9]);
  }
});

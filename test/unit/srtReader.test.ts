import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readSrt } from '../../server/src/core/formats/srt/srtReader';
import { refusal } from '../helpers';

// Our own fixtures in the shapes players read; each names the shape it stands for.

const PODCAST = [
  '1', '00:00:01,500 --> 00:00:03,000', 'Alexey: Hi everyone,', 'welcome to the show.', '',
  '2', '00:00:03,000 --> 00:00:05,200', 'Today we talk about <i>queues</i>.', '',
  '3', '00:00:05,999 --> 00:00:08,000', 'Jane Roe: Thanks for', 'having me.', '',
  '4', '00:00:08,000 --> 00:00:09,000', 'Alexey: Great.', '',
  '5', '01:00:09,000 --> 01:00:10,000', '{\\an8}Jane Roe: Bye.', '',
].join('\r\n');

test('srt: a name label that opens several cues is the speaker and carries over; one speaker\'s cues join; sec floored', () => {
  assert.deepEqual(readSrt(PODCAST), {
    items: [
      { line: 'Hi everyone, welcome to the show. Today we talk about queues.', sec: 1, time: '0:01', who: 'Alexey' },
      { line: 'Thanks for having me.', sec: 5, time: '0:05', who: 'Jane Roe' },
      { line: 'Great.', sec: 8, time: '0:08', who: 'Alexey' },
      { line: 'Bye.', sec: 3609, time: '1:00:09', who: 'Jane Roe' },
    ],
    warnings: [],
  });
  assert.deepEqual(readSrt(PODCAST, { oneItemPerCue: true }).items.map((item) => 'line' in item && [item.line, item.sec]), [
    ['Hi everyone, welcome to the show.', 1],
    ['Today we talk about queues.', 3],
    ['Thanks for having me.', 5],
    ['Great.', 8],
    ['Bye.', 3609],
  ]);
});

test('srt: what players read: BOM, CR line ends, dot or comma, one-digit fields, numbering gaps, no number, any tag and ASS overrides', () => {
  const text = '\uFEFF7\r0:0:1.5 --> 0:0:3,0\r<font color="#ffffff">{\\an8}{\\pos(10,20)}Hello <s>there</s></font>\r\r12\r00:00:03,000-->00:00:05,000 X1:100 X2:600\r<u>Second</u>\r\r00:00:06,000 --> 00:00:07,000\rno number <b>here</b>\r';
  assert.deepEqual(readSrt(text).items, [{ line: 'Hello there Second no number here', sec: 1, time: '0:01' }]);
});

test('srt: a blank line inside a cue\'s text continues it unless a timing (or a number and a timing) follows', () => {
  const text = '1\n00:00:01,000 --> 00:00:02,000\nFirst part\n\nafter a blank line\n\n42\nis the answer\n\n2\n00:00:03,000 --> 00:00:04,000\nNext cue\n';
  assert.deepEqual(readSrt(text, { oneItemPerCue: true }).items.map((item) => 'line' in item && item.line), ['First part after a blank line 42 is the answer', 'Next cue']);
});

test('srt: a cue that cannot be read is skipped and named; the rest is imported', () => {
  const text = 'garbage first\n\n1\n00:00:01,000 --> 00:00:03,000\nHi\n\n2\n00:01:75,000 --> 00:01:76,000\nThere\n\n3\n00:00:01.500 -> 00:00:03,000\nYo\n\n4\n00:00:04,000 --> 00:00:05,000\n\n5\n00:00:05,000 --> 00:00:06,000\nBye\n';
  assert.deepEqual(readSrt(text), {
    items: [{ line: 'Hi Bye', sec: 1, time: '0:01' }],
    warnings: [
      "3 blocks not read as a cue, skipped: line 1: 'garbage first' (text before the first cue); line 8: '00:01:75,000 --> 00:01:76,000' (minutes and seconds go up to 59); " +
        "line 12: '00:00:01.500 -> 00:00:03,000' (a timing reads like 00:01:02,000 --> 00:01:04,500)",
      '1 cue without text skipped',
    ],
  });
});

test('srt: a cue that ends before it starts is read (only the start is used)', () => {
  assert.deepEqual(readSrt('1\n00:00:05,000 --> 00:00:03,000\nHi\n').items, [{ line: 'Hi', sec: 5, time: '0:05' }]);
});

test('srt: refused only when nothing in it is a cue', () => {
  assert.equal(refusal(() => readSrt('1\n00:00:01.500 -> 00:00:03,000\nHi\n')), "no cue could be read: line 2: '00:00:01.500 -> 00:00:03,000' (a timing reads like 00:01:02,000 --> 00:01:04,500)");
  assert.equal(refusal(() => readSrt('Just a note.\n')), "no cue could be read: line 1: 'Just a note.' (text before the first cue)");
  assert.equal(refusal(() => readSrt('1\n00:00:01,000 --> 00:00:03,000\n\n')), 'no cue with text found: nothing to import');
  assert.equal(refusal(() => readSrt('')), 'no cue with text found: nothing to import');
});

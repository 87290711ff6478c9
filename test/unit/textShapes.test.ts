import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readTranscriptSource } from '../../server/src/core/formats/readSource';
import { readTranscriptText } from '../../server/src/core/formats/text/readText';
import { refusal } from '../helpers';

// Our own fixtures in the shapes each tool exports; each test names the tool.

const OTTER = 'Priya Raman  0:05\nHello and welcome to the show.\n\nSam Lee  0:12\nThanks for having me.\nIt is great to be here.\n\nPriya Raman  1:02:03\nBye.\n\n\nTranscribed by https://otter.ai\n';

test('text: Otter.ai\'s export (`Name  0:05`, the text below), with the "Transcribed by" line (Why: imported as headers only)', () => {
  assert.deepEqual(readTranscriptText(OTTER), {
    items: [
      { line: 'Hello and welcome to the show.', sec: 5, time: '0:05', who: 'Priya Raman' },
      { line: 'Thanks for having me.', sec: 12, time: '0:12', who: 'Sam Lee' },
      { line: 'It is great to be here.', who: 'Sam Lee' },
      { line: 'Bye.', sec: 3723, time: '1:02:03', who: 'Priya Raman' },
    ],
    warnings: [],
  });
});

test('text: Otter.ai\'s export without the "Transcribed by" line, CRLF and a BOM', () => {
  assert.deepEqual(readTranscriptText('\uFEFFSpeaker 1  0:00\r\nHi.\r\n\r\nSpeaker 2  0:04\r\nHello.\r\n').items, [
    { line: 'Hi.', sec: 0, time: '0:00', who: 'Speaker 1' },
    { line: 'Hello.', sec: 4, time: '0:04', who: 'Speaker 2' },
  ]);
});

test("text: the site's three-line Otter shape as before (timestamp, speaker, text; `=` paragraphs; other lines headers)", () => {
  assert.deepEqual(readTranscriptText('Episode title\n0:05\nAlexey\nHi.\n= more\n[1:09]\nJane:\nBye.\n').items, [
    { header: 'Episode title' },
    { line: 'Hi.', sec: 5, time: '0:05', who: 'Alexey' },
    { line: 'more', who: 'Alexey' },
    { line: 'Bye.', sec: 69, time: '1:09', who: 'Jane' },
  ]);
});

test('text: Rev (`Name (00:05):`, the text below) and Descript (the text beside)', () => {
  const expected = [
    { line: 'Hi there.', sec: 5, time: '0:05', who: 'Alexey' },
    { line: 'Bye now.', sec: 3723, time: '1:02:03', who: 'Jane Roe' },
  ];
  assert.deepEqual(readTranscriptText('Alexey (00:05):\nHi there.\n\nJane Roe (01:02:03):\nBye now.\n').items, expected);
  assert.deepEqual(readTranscriptText('Alexey (00:05): Hi there.\nJane Roe (01:02:03): Bye now.\n').items, expected);
});

test('text: `[00:05] Name: text` lines', () => {
  assert.deepEqual(readTranscriptText('[00:05] Priya: Hello.\n[00:09] Sam: Hi!\n[00:12] Priya: Shall we?\n[00:15] Sam: Sure: go ahead.\n').items, [
    { line: 'Hello.', sec: 5, time: '0:05', who: 'Priya' },
    { line: 'Hi!', sec: 9, time: '0:09', who: 'Sam' },
    { line: 'Shall we?', sec: 12, time: '0:12', who: 'Priya' },
    { line: 'Sure: go ahead.', sec: 15, time: '0:15', who: 'Sam' },
  ]);
});

test('text: `00:05 Name` lines, the text below', () => {
  assert.deepEqual(readTranscriptText('00:05 Priya Raman\nHello.\n\n00:09 Speaker 2\nHi!\n').items, [
    { line: 'Hello.', sec: 5, time: '0:05', who: 'Priya Raman' },
    { line: 'Hi!', sec: 9, time: '0:09', who: 'Speaker 2' },
  ]);
});

test("text: YouTube's transcript copy (`0:05`, one line of text below; no speakers)", () => {
  assert.deepEqual(readTranscriptText('0:05\nhello everyone\n0:09\nwelcome back\n1:02:03\nbye\n').items, [
    { line: 'hello everyone', sec: 5, time: '0:05' },
    { line: 'welcome back', sec: 9, time: '0:09' },
    { line: 'bye', sec: 3723, time: '1:02:03' },
  ]);
});

test('text: a shape can be forced (--from), and then only it is tried', async () => {
  const forced = await readTranscriptSource({ format: 'text', text: '0:05\nAlexey\nHi.\n', shape: 'youtube' });
  assert.deepEqual(forced.items, [
    { line: 'Alexey', sec: 5, time: '0:05' },
    { line: 'Hi.' },
  ]);
  assert.equal(refusal(() => readTranscriptText(OTTER, 'rev')), "no spoken line found: the text is in none of the shapes tried: Rev or Descript ('Name (00:05):', the text beside or below)");
});

test('text: an input with no spoken line is refused naming every shape tried, never read as headers only', () => {
  assert.equal(
    refusal(() => readTranscriptText('Some title\nSome words with 10:30 in them.\n')),
    "no spoken line found: the text is in none of the shapes tried: Otter.ai ('Name  0:05', the text below); Rev or Descript ('Name (00:05):', the text beside or below); " +
      "timestamped lines ('[00:05] Name: text'); a timestamp and a name ('00:05 Name', the text below); YouTube's transcript ('0:05', the text below); " +
      "the site's Otter shape ('0:05', the speaker, the text, each on its own line)",
  );
});

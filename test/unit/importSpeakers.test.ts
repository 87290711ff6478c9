import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readTranscriptSource } from '../../server/src/core/formats/readSource';
import { isPlaceholderSpeaker, renameSpeakers, speakerNames } from '../../server/src/core/formats/speakers/speakers';
import { ConvertError, NewItem } from '../../server/src/core/convert/types';

const ITEMS: NewItem[] = [
  { header: 'Intro' },
  { line: 'Hi.', sec: 1, time: '0:01', who: 'Speaker 1' },
  { line: 'Hello.', sec: 2, time: '0:02', who: 'SPEAKER_01' },
  { line: 'More.', who: 'Speaker 1' },
  { line: 'Nobody said this.', sec: 5, time: '0:05' },
];

test('renameSpeakers renames who only where asked; speakerNames lists each name once, in order', () => {
  assert.deepEqual(renameSpeakers(ITEMS, { 'Speaker 1': 'Alexey' }), [
    { header: 'Intro' },
    { line: 'Hi.', sec: 1, time: '0:01', who: 'Alexey' },
    { line: 'Hello.', sec: 2, time: '0:02', who: 'SPEAKER_01' },
    { line: 'More.', who: 'Alexey' },
    { line: 'Nobody said this.', sec: 5, time: '0:05' },
  ]);
  assert.deepEqual(speakerNames(ITEMS), ['Speaker 1', 'SPEAKER_01']);
});

test('isPlaceholderSpeaker: the names services give when they do not know who spoke', () => {
  const placeholders = ['Speaker 1', 'speaker 12', 'Speaker A', 'SPEAKER_00', 'Speaker-3', 'Unknown Speaker', 'unknown', 'spk_2'];
  const names = ['Alexey', 'Speakerman', 'Speaker Smith', 'Jane Roe', 'Unknown Pleasures'];
  assert.deepEqual(placeholders.filter(isPlaceholderSpeaker), placeholders);
  assert.deepEqual(names.filter(isPlaceholderSpeaker), []);
});

test('readTranscriptSource: a source without the content its format needs is refused', async () => {
  await assert.rejects(readTranscriptSource({ format: 'docx', text: 'x' }), (e: unknown) => e instanceof ConvertError && e.message === 'a Word document is read from its bytes, not from text');
  await assert.rejects(readTranscriptSource({ format: 'srt' }), (e: unknown) => e instanceof ConvertError && e.message === 'a srt source is read from its text');
});

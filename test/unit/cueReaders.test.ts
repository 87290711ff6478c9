import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { joinCues, splitAtSentences } from '../../server/src/core/formats/cues/joinCues';
import { readPodcastJson } from '../../server/src/core/formats/podcastJson/podcastJsonReader';
import { readTranscriptSource } from '../../server/src/core/formats/readSource';
import { refusal } from '../helpers';

const JSON_SEGMENTS = JSON.stringify({
  version: '1.0.0',
  segments: [
    { speaker: 'SPEAKER_00', startTime: 0.5, endTime: 1.2, body: 'Hello' },
    { startTime: 1.2, endTime: 1.8, body: ' world. ' },
    { speaker: 'SPEAKER_01', startTime: 65.99, endTime: 67, body: 'Hi!' },
  ],
});

test('podcast json: segments joined per speaker; speaker carried over; renames through readTranscriptSource', async () => {
  assert.deepEqual(readPodcastJson(JSON_SEGMENTS), {
    items: [
      { line: 'Hello world.', sec: 0, time: '0:00', who: 'SPEAKER_00' },
      { line: 'Hi!', sec: 65, time: '1:05', who: 'SPEAKER_01' },
    ],
    warnings: [],
  });
  const renamed = await readTranscriptSource({ format: 'json', text: JSON_SEGMENTS }, { oneItemPerCue: true, speakers: { SPEAKER_00: 'Alexey' } });
  assert.deepEqual(renamed.items, [
    { line: 'Hello', sec: 0, time: '0:00', who: 'Alexey' },
    { line: 'world.', sec: 1, time: '0:01', who: 'Alexey' },
    { line: 'Hi!', sec: 65, time: '1:05', who: 'SPEAKER_01' },
  ]);
});

test('podcast json: what is not the segments format is refused', () => {
  const shape = 'not Podcasting 2.0 transcript JSON: expected an object with a "segments" list ({"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]})';
  assert.equal(refusal(() => readPodcastJson('[1, 2]')), shape);
  assert.equal(refusal(() => readPodcastJson('{"version": "1.0.0", "chapters": []}')), shape);
  assert.equal(refusal(() => readPodcastJson('{"segments": [{"startTime": "0:05", "body": "Hi"}]}')), 'segment 1 of 1: "startTime" must be a number of seconds (0 or more), not "0:05"');
  assert.equal(refusal(() => readPodcastJson('{"segments": [{"startTime": 1, "body": "Hi"}, {"startTime": 2}]}')), 'segment 2 of 2: "body" must be a string, not missing');
  assert.equal(refusal(() => readPodcastJson('{"segments": []}')), 'no segment with text found: nothing to import');
  assert.match(refusal(() => readPodcastJson('{"segments": [}')), /^not JSON: /);
});

test('joinCues: a turn longer than maxLineChars breaks at sentence ends, each piece timed by the cue it starts in', () => {
  const cues = [
    { start: 10.4, text: 'First sentence here.', speaker: 'A' },
    { start: 12, text: 'Second one is here. Third', speaker: 'A' },
    { start: 15.7, text: 'ends here! Fourth.', speaker: 'A' },
    { start: 20, text: 'Other speaker.', speaker: 'B' },
  ];
  assert.deepEqual(joinCues(cues, { maxLineChars: 45 }), [
    { line: 'First sentence here. Second one is here.', sec: 10, time: '0:10', who: 'A' },
    { line: 'Third ends here! Fourth.', sec: 12, time: '0:12', who: 'A' },
    { line: 'Other speaker.', sec: 20, time: '0:20', who: 'B' },
  ]);
  assert.deepEqual(joinCues(cues, { maxLineChars: 20 }).map((item) => [item.line, item.sec]), [
    ['First sentence here.', 10],
    ['Second one is here.', 12],
    ['Third ends here!', 12],
    ['Fourth.', 15],
    ['Other speaker.', 20],
  ]);
  assert.deepEqual(joinCues([{ start: 0, text: 'no speaker at all' }, { start: 1, text: 'still none' }]), [{ line: 'no speaker at all still none', sec: 0, time: '0:00' }]);
});

test('splitAtSentences: a sentence longer than the limit stays whole; without sentence ends nothing is cut', () => {
  assert.deepEqual(splitAtSentences('A very long first sentence indeed. Short.', 10), [[0, 34], [35, 41]]);
  assert.deepEqual(splitAtSentences('no sentence end anywhere in this text', 10), [[0, 37]]);
  assert.deepEqual(splitAtSentences('He said "Stop." Then left.', 16), [[0, 15], [16, 26]]);
});

test('splitAtSentences on a generated text: spans in order cover it, each cut at a sentence end, as long as the limit allows', () => {
  // Sentences of 1 to 60 characters, deterministic.
  const sentences = Array.from({ length: 20_000 }, (_, i) => `${'w'.repeat(i % 59)}${i}.`);
  const text = sentences.join(' ');
  const max = 500;
  const spans = splitAtSentences(text, max);
  assert.equal(spans.map(([from, to]) => text.slice(from, to)).join(' '), text, 'the spans joined by one space are the text');
  for (const [i, [from, to]] of spans.entries()) {
    assert.ok(to - from <= max, `span ${i} within the limit`);
    assert.ok(to === text.length || text[to - 1] === '.', `span ${i} ends at a sentence end`);
    // As long as allowed: the next sentence would not have fit.
    if (to < text.length) assert.ok(text.indexOf('.', to + 1) + 1 - from > max, `span ${i} takes every sentence that fits`);
  }
});

test('one long cue of short sentences (2 MB and 5 MB) imports as lines of at most 1,000 characters holding all its words', async () => {
  for (const megabytes of [2, 5]) {
    const sentence = (i: number) => `Short sentence number ${i} here.`;
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < megabytes * 1024 * 1024; i++) {
      parts.push(sentence(i));
      length += sentence(i).length + 1;
    }
    const said = parts.join(' ');
    const read = await readTranscriptSource({ format: 'vtt', text: `WEBVTT\n\n00:00:01.000 --> 01:00:00.000\n${said}\n` });
    const lines = read.items.map((item) => ('line' in item ? item.line : ''));
    assert.equal(lines.join(' '), said, `${megabytes} MB: every word, in order`);
    assert.ok(lines.every((line) => line.length <= 1000 && line.endsWith('here.')), `${megabytes} MB: lines cut at sentence ends within 1,000 characters`);
  }
});

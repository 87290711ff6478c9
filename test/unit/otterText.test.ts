import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readOtterText } from '../../server/src/core/formats/otter/otterTextReader';
import { ConvertError } from '../../server/src/core/convert/types';

function refusal(text: string): string {
  try {
    readOtterText(text);
  } catch (error) {
    assert.ok(error instanceof ConvertError);
    return error.describe();
  }
  assert.fail('the text was read');
}

test('otter text: items as yamlify_transcript.py makes them', () => {
  const text = [
    '\uFEFFGetting started',
    '',
    '0:05',
    'Alexey:',
    '  Hi everyone, welcome.  ',
    '= And a second paragraph.',
    '==Third.',
    '[62:03]',
    'Jane Roe',
    'Thanks!',
    'Wrap-up',
    '1:02:03',
    'Alexey::',
    'Bye.',
    'Transcribed by https://otter.ai',
    '',
  ].join('\r\n');
  assert.deepEqual(readOtterText(text), {
    items: [
      { header: 'Getting started' },
      { line: 'Hi everyone, welcome.', sec: 5, time: '0:05', who: 'Alexey' },
      { line: 'And a second paragraph.', who: 'Alexey' },
      { line: 'Third.', who: 'Alexey' },
      { line: 'Thanks!', sec: 3723, time: '1:02:03', who: 'Jane Roe' },
      { header: 'Wrap-up' },
      { line: 'Bye.', sec: 3723, time: '1:02:03', who: 'Alexey' },
    ],
    warnings: [],
  });
});

test('otter text: the otter.ai line is skipped only where an item starts, as the script checks it', () => {
  assert.deepEqual(readOtterText('TRANSCRIBED BY HTTPS://OTTER.AI\n0:01\nAlexey\nTranscribed by https://otter.ai today\n').items, [
    { line: 'Transcribed by https://otter.ai today', sec: 1, time: '0:01', who: 'Alexey' },
  ]);
});

test('otter text: a timestamp without speaker or text is refused with its line', () => {
  assert.equal(refusal('Intro\n\n0:05\n'), "line 3: the timestamp '0:05' has no speaker after it");
  assert.equal(refusal('0:05\n0:06\nAlexey\nHi\n'), "line 1: the timestamp '0:05' has no speaker after it");
  assert.equal(refusal('0:05\n\nAlexey:\n'), "line 3: the speaker 'Alexey:' has no text after it");
  assert.equal(refusal('\n \nTranscribed by https://otter.ai\n'), 'no text found: nothing to import');
});

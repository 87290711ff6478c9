import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { insertTranscript, TranscriptExists } from '../../server/src/core/formats/insertTranscript';
import { ConvertError, NewItem } from '../../server/src/core/convert/types';

const ITEMS: NewItem[] = [
  { header: 'Intro: why' },
  { line: 'Hi everyone.', sec: 5, time: '0:05', who: 'Alexey' },
  { line: 'yes', who: 'Alexey' },
  { line: 'Late line', sec: 3725 },
];
const ITEMS_YAML = [
  'transcript:',
  "- header: 'Intro: why'",
  '- line: Hi everyone.',
  '  sec: 5',
  "  time: '0:05'",
  '  who: Alexey',
  "- line: 'yes'",
  '  who: Alexey',
  '- line: Late line',
  '  sec: 3725',
  "  time: '1:02:05'",
  '',
];

function refusal(text: string, replace = false): ConvertError {
  try {
    insertTranscript(text, ITEMS, { replace });
  } catch (error) {
    assert.ok(error instanceof ConvertError);
    return error;
  }
  assert.fail('the transcript was written');
}

test('an episode without transcript gets transcript: and the items at the end of its front matter', () => {
  const text = "---\ntitle: 'Queues'  # keep this comment\nduration: 1:02:03\n\n---\nBody.\n";
  const result = insertTranscript(text, ITEMS);
  assert.equal(result.newText, `---\ntitle: 'Queues'  # keep this comment\nduration: 1:02:03\n\n${ITEMS_YAML.join('\n')}---\nBody.\n`);
  const closing = text.indexOf('---\nBody.');
  assert.deepEqual({ start: result.edit.start, end: result.edit.end }, { start: closing, end: closing });
  assert.equal(result.replaced, false);
});

test('an existing transcript is replaced only with replace: the key and its whole value, every other byte kept; CRLF kept', () => {
  const text = [
    '---',
    'title: Queues',
    'transcript:   # old one',
    '  - line: old',
    '    sec: 1',
    '  - header: Old',
    '# a comment after the list',
    'links:',
    '  youtube: https://example.invalid/v',
    '---',
    'Body.',
    '',
  ].join('\r\n');
  const error = refusal(text);
  assert.ok(error instanceof TranscriptExists);
  assert.equal(error.describe(), 'the episode already has a transcript; replace it only when asked (--replace)');
  const result = insertTranscript(text, ITEMS, { replace: true });
  assert.equal(
    result.newText,
    ['---', 'title: Queues', ...ITEMS_YAML.slice(0, -1), '# a comment after the list', 'links:', '  youtube: https://example.invalid/v', '---', 'Body.', ''].join('\r\n'),
  );
  assert.equal(result.replaced, true);
  assert.equal(text.slice(result.edit.start, result.edit.end), 'transcript:   # old one\r\n  - line: old\r\n    sec: 1\r\n  - header: Old\r\n');
});

test('a flow or empty transcript value is replaced as a whole line', () => {
  const result = insertTranscript('---\ntranscript: []  # none yet\nnext: 1\n---\n', ITEMS, { replace: true });
  assert.equal(result.newText, `---\n${ITEMS_YAML.join('\n')}next: 1\n---\n`);
  assert.equal(insertTranscript('---\ntranscript:\n---\n', ITEMS, { replace: true }).newText, `---\n${ITEMS_YAML.join('\n')}---\n`);
});

test('a text without front matter, and an empty new file, get ---, transcript:, ---', () => {
  assert.equal(insertTranscript('Notes about the episode.\n', ITEMS).newText, `---\n${ITEMS_YAML.join('\n')}---\nNotes about the episode.\n`);
  assert.equal(insertTranscript('', ITEMS).newText, `---\n${ITEMS_YAML.join('\n')}---\n`);
  assert.equal(insertTranscript('\uFEFFBody\r\n', ITEMS).newText, `\uFEFF---\r\n${ITEMS_YAML.join('\r\n')}---\r\nBody\r\n`);
});

test('a front matter that does not parse, is not closed, or is no map is refused', () => {
  assert.equal(refusal('---\ntitle: [Queues\nother: 1\n---\nBody\n').message.startsWith('the front matter does not parse: '), true);
  assert.equal(refusal('---\ntitle: a\ntitle: b\n---\n').describe(), 'line 3: the front matter does not parse: Map keys must be unique; the file is left as it is');
  assert.equal(refusal('---\ntitle: Queues\n').describe(), "the front matter has no closing '---' line; the file is left as it is");
  assert.equal(refusal('---\n- a list\n---\n').describe(), "the front matter is not a block of 'key: value' lines; the file is left as it is");
  assert.equal(refusal('---\n{title: Queues}\n---\n').describe(), "the front matter is not a block of 'key: value' lines; the file is left as it is");
});

test('what would not read back is refused before anything is returned', () => {
  // Keys indented under the top level: `transcript:` at column 0 would not continue the same map.
  const error = refusal('---\n  title: Queues\n  other: 1\n---\n');
  assert.equal(error.describe(), 'the written front matter would not parse; nothing is written');
});

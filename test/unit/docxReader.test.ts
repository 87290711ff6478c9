import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readDocx } from '../../server/src/core/formats/docx/docxReader';
import { ConvertError } from '../../server/src/core/convert/types';
import { buildDocx, DocxParagraphSpec, nonWordZip } from '../docxFixture';

const read = async (paragraphs: DocxParagraphSpec[]) => readDocx(await buildDocx(paragraphs));

/** The refusal's `paragraph N: …` text (the test fails when the document is read instead). */
async function refusal(bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  try {
    await readDocx(await bytes);
  } catch (error) {
    assert.ok(error instanceof ConvertError, `a ConvertError, not ${String(error)}`);
    return error.describe();
  }
  assert.fail('the document was read');
}

test('docx: headings, turns, and each line of a speaker\'s paragraphs, as transcript.py reads them', async () => {
  const result = await read([
    { heading: '  Getting   started\twith data ' },
    '[0:05]',
    'Alexey',
    'Hi everyone, welcome to our event.',
    'This is the second paragraph.\n\nAnd a line after a break.\n \uFEFF',
    '1:02',
    'Jane Roe',
    '\uFEFFThanks for having me. ',
    { heading: 'Career' },
    '[1:02:03]',
    'Alexey',
    'So, about your career?',
  ]);
  assert.deepEqual(result.items, [
    { header: 'Getting started with data' },
    { line: 'Hi everyone, welcome to our event.', sec: 5, time: '0:05', who: 'Alexey' },
    { line: 'This is the second paragraph.', sec: 5, time: '0:05', who: 'Alexey' },
    { line: 'And a line after a break.', sec: 5, time: '0:05', who: 'Alexey' },
    { line: 'Thanks for having me.', sec: 62, time: '1:02', who: 'Jane Roe' },
    { header: 'Career' },
    { line: 'So, about your career?', sec: 3723, time: '1:02:03', who: 'Alexey' },
  ]);
  assert.deepEqual(result.warnings, []);
});

test('docx: two-part minutes of 60 or more roll over into hours; a heading between time and speaker does not break the turn', async () => {
  const result = await read(['75:09', { heading: 'Wrap-up' }, 'Alexey', 'Bye!', '[125:00]', 'Jane', 'Bye.', '0:7', 'Alexey', 'Odd seconds.']);
  assert.deepEqual(result.items, [
    { header: 'Wrap-up' },
    { line: 'Bye!', sec: 4509, time: '1:15:09', who: 'Alexey' },
    { line: 'Bye.', sec: 7500, time: '2:05:00', who: 'Jane' },
    { line: 'Odd seconds.', sec: 7, time: '0:07', who: 'Alexey' },
  ]);
});

test('docx: empty paragraphs are skipped whatever their style; a turn without text is a warning', async () => {
  const result = await read(['', { style: 'Title', text: '  ' }, '[0:01]', 'Alexey', '[0:09]', 'Jane', 'Hello.']);
  assert.deepEqual(result.items, [{ line: 'Hello.', sec: 9, time: '0:09', who: 'Jane' }]);
  assert.deepEqual(result.warnings, ['paragraph 3: the turn at 0:01 (Alexey) has no text']);
});

test('docx: Title and Subtitle paragraphs are headers (Why: a Title refused the whole document)', async () => {
  assert.deepEqual(await read([{ style: 'Title', text: 'Episode 12: Queues' }, { style: 'Subtitle', text: 'With Jane Roe' }, '[0:05]', 'Alexey', 'Hi.']), {
    items: [{ header: 'Episode 12: Queues' }, { header: 'With Jane Roe' }, { line: 'Hi.', sec: 5, time: '0:05', who: 'Alexey' }],
    warnings: [],
  });
});

test('docx: list paragraphs are text; any other style is read as Normal and named in a warning', async () => {
  assert.deepEqual(await read(['[0:05]', 'Alexey', { style: 'ListParagraph', text: 'First point.' }, { style: 'Quote', text: 'A quote.' }, { style: 'Quote', text: 'Another.' }]), {
    items: [
      { line: 'First point.', sec: 5, time: '0:05', who: 'Alexey' },
      { line: 'A quote.', sec: 5, time: '0:05', who: 'Alexey' },
      { line: 'Another.', sec: 5, time: '0:05', who: 'Alexey' },
    ],
    warnings: ["read as Normal: paragraphs in styles that are neither a heading, a title, a list nor Normal: 'Quote' (2 paragraphs)"],
  });
});

test('docx: Rev and Descript paragraphs (`Name (00:05):`, the text beside or below) are read (Why: not read at all)', async () => {
  assert.deepEqual(await read([{ heading: 'Interview' }, 'Alexey (00:05):', 'Hi there.', 'Jane Roe (01:02:03): Bye now.', 'See you.']), {
    items: [
      { header: 'Interview' },
      { line: 'Hi there.', sec: 5, time: '0:05', who: 'Alexey' },
      { line: 'Bye now.', sec: 3723, time: '1:02:03', who: 'Jane Roe' },
      { line: 'See you.', sec: 3723, time: '1:02:03', who: 'Jane Roe' },
    ],
    warnings: [],
  });
});

test('docx: text before any time and speaker, and a timestamp with no speaker, are refused with the paragraph', async () => {
  assert.equal(
    await refusal(buildDocx([{ heading: 'Intro' }, 'Welcome, everyone.'])),
    "paragraph 2: text before any time and speaker: 'Welcome, everyone.' (a turn starts with a paragraph such as [1:02], then one with the speaker's name)",
  );
  assert.equal(await refusal(buildDocx(['[0:05]', 'Alexey', 'Hi.', '', '[0:09]'])), "paragraph 5: the timestamp '[0:09]' has no speaker after it");
  assert.equal(
    await refusal(buildDocx(['[0:05]', '[0:09]', 'Alexey', 'Hi.'])),
    "paragraph 1: the timestamp '[0:05]' has no speaker after it: the next paragraph is the timestamp '[0:09]'",
  );
});

test('docx: an empty document, a damaged file and a zip that is no Word document are refused', async () => {
  assert.equal(await refusal(buildDocx(['', { heading: ' ' }])), 'no headers or spoken lines found: nothing to import');
  const good = await buildDocx(['[0:05]', 'Alexey', 'Hi.']);
  assert.equal(await refusal(good.slice(0, good.length - 40)), 'not a Word document (.docx): the file is not a zip archive, as every .docx is');
  assert.equal(await refusal(new TextEncoder().encode('plain text, not a zip')), 'not a Word document (.docx): the file is not a zip archive, as every .docx is');
  assert.equal(await refusal(nonWordZip()), 'not a Word document: the file is a zip archive without a Word document part (word/document.xml)');
});

test('docx: a damaged part inside the zip is refused as damaged', async () => {
  const good = await buildDocx(['[0:05]', 'Alexey', 'Hi.']);
  // Flip bytes in the middle of the archive: the compressed document part no longer inflates or matches its checksum.
  const bad = good.slice();
  for (let i = Math.floor(bad.length / 3); i < Math.floor(bad.length / 3) + 64; i++) bad[i] ^= 0x5a;
  assert.equal(await refusal(bad), 'not a readable Word document (.docx): the zip archive is damaged (a part of it does not unpack)');
  const cut = good.slice();
  cut.copyWithin(Math.floor(cut.length / 1.2), 0, 200);
  assert.equal(await refusal(cut), 'not a readable Word document (.docx): the zip archive is damaged (a part of it does not unpack)');
});

/** The document with its `word/document.xml` declared (in the zip's central directory) as `bytes` long once inflated. */
function declaringInflated(docx: Uint8Array, bytes: number): Uint8Array {
  const out = docx.slice();
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode('word/document.xml');
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
    if (out.subarray(at + 46, at + 46 + name.length).every((b, i) => b === name[i])) {
      view.setUint32(at + 24, bytes, true);
      return out;
    }
  }
  throw new Error('no central directory entry for word/document.xml');
}

test('docx: a document whose zip directory says it inflates to 1 GB is refused before anything is inflated, naming the part', async () => {
  const docx = await buildDocx(['[0:05]', 'Alexey', 'Hi.']);
  const message = await refusal(declaringInflated(docx, 1024 * 1024 * 1024));
  assert.match(message, /^the document would inflate to 10\d\d MB \(the largest part, word\/document\.xml, 1024 MB\); documents over 200 MB unpacked are not read/);
  // Under the limit the check lets it through: the unzipper then finds the size a lie (no data is trusted either way).
  const lying = await refusal(declaringInflated(docx, 100 * 1024 * 1024));
  assert.doesNotMatch(lying, /inflate to/);
  assert.deepEqual((await readDocx(docx)).items, [{ line: 'Hi.', sec: 5, time: '0:05', who: 'Alexey' }]);
});

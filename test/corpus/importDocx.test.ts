import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readDocx } from '../../server/src/core/formats/docx/docxReader';
import { insertTranscript } from '../../server/src/core/formats/insertTranscript';
import { buildDocx, siteDocument } from '../docxFixture';
import { corpusFiles, slowCorpusSkip } from '../helpers';
import { episodeItems } from '../importSpeed';

/**
 * The real episodes as the site's Word documents (built here from their items, in the shape
 * transcript.py reads) read back item for item. How long the largest takes is `npm run bench`'s (bench/convert.mjs).
 */

const corpus = corpusFiles();

test('every corpus transcript, as a Word document in the site\'s shape, reads back into the same items', { skip: slowCorpusSkip(corpus) }, async (t) => {
  let episodes = 0;
  let compared = 0;
  let skipped = 0;
  for (const file of corpus.files) {
    const items = episodeItems(fs.readFileSync(file, 'utf8'));
    if (items.length === 0) continue;
    const document = siteDocument(items);
    if (document.expected.length === 0) continue;
    const read = await readDocx(await buildDocx(document.paragraphs));
    assert.deepEqual(read.items, document.expected, path.basename(file));
    assert.deepEqual(read.warnings, [], path.basename(file));
    // Written into a new episode, it reads back too (insertTranscript compares before returning).
    insertTranscript('', read.items);
    episodes++;
    compared += read.items.length;
    skipped += document.skipped;
  }
  t.diagnostic(`${episodes} episodes, ${compared} items read back equal; ${skipped} items the Word shape cannot hold (untimed or speakerless lines) left out`);
  assert.deepEqual({ episodes, compared, skipped }, { episodes: 199, compared: 31_447, skipped: 1_367 });
});

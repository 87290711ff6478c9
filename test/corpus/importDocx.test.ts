import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readDocx } from '../../server/src/core/formats/docx';
import { insertTranscript } from '../../server/src/core/formats/insertTranscript';
import { buildDocx, siteDocument } from '../docxFixture';
import { corpusFiles } from '../helpers';
import { episodeItems, longerEpisode, timeDocxImport } from '../importSpeed';

/**
 * The real episodes as the site's Word documents (built here from their items, in the shape
 * transcript.py reads) read back item for item; and the largest one's import timed (target: < 1 s).
 */

const corpus = corpusFiles();

test('every corpus transcript, as a Word document in the site\'s shape, reads back into the same items', { skip: corpus.skip }, async (t) => {
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
  assert.ok(episodes >= 190, `${episodes} episodes with a transcript`);
});

test('a 3-hour episode (the largest real transcript three times) imports from .docx in under a second', { skip: corpus.skip }, async (t) => {
  const sized = corpus.files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const size = episodeItems(text).reduce((sum, item) => sum + ('line' in item ? item.line.length : item.header.length), 0);
    return { file, text, size };
  });
  const largest = sized.sort((a, b) => b.size - a.size)[0];
  const threeHours = longerEpisode(largest.text, 3);
  // The best of three runs: the machine is shared, and the first run also compiles mammoth's code.
  const runs = [await timeDocxImport(threeHours), await timeDocxImport(threeHours), await timeDocxImport(threeHours)];
  const best = runs.reduce((a, b) => (a.readMs + a.insertMs <= b.readMs + b.insertMs ? a : b));
  const last = Math.max(...episodeItems(threeHours).map((item) => ('sec' in item && item.sec !== undefined ? item.sec : 0)));
  t.diagnostic(`${path.basename(largest.file)} ×3 (last sec ${last}): ${best.items} items, ${best.paragraphs} paragraphs, ${(best.bytes / 1024).toFixed(0)} KB .docx; `
    + `read ${best.readMs.toFixed(0)} ms, written and checked ${best.insertMs.toFixed(0)} ms (runs: ${runs.map((r) => (r.readMs + r.insertMs).toFixed(0)).join(', ')} ms)`);
  assert.ok(last >= 3 * 3600 - 600, `the episode runs ${last} s`);
  assert.ok(best.readMs + best.insertMs < 1000, `${(best.readMs + best.insertMs).toFixed(0)} ms`);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { fixtureEpisodes, formatTable, loadEpisodes, runCases, SHAPES } from './repairProperty';
import { slowCorpusSkip } from '../helpers';

/**
 * The repair property (issue 11) on fixed slices, seed 20261201, episodes cropped to windows of at most
 * 40 items: always on our own fictional episodes, and on the corpus when it is beside the clone. The
 * counts are deterministic for the seed: a change that alters them must update them here (and say why).
 * `npm run fuzz:repair` runs thousands of cases on whole episodes.
 */

const SEED = 20261201;

/** Per shape: [cases, preferred, restores data, same bytes, ambiguous, none, wrong]. */
type Counts = Record<(typeof SHAPES)[number], number[]>;

function assertCounts(label: string, result: ReturnType<typeof runCases>, expected: Counts): void {
  console.log(`repair property (${label}): seed ${SEED} in ${(result.elapsedMs / 1000).toFixed(1)} s\n${formatTable(result)}`);
  const failures = result.failures.map((f) => `case ${f.index} (${f.shape}, ${f.key} in ${f.file}): ${f.problems.join('; ')}`);
  assert.deepEqual(failures, []);
  for (const shape of SHAPES) {
    const s = result.byShape[shape];
    assert.equal(s.wrong, 0, `${shape}: a preferred repair reads other data than the unbroken file`);
    assert.deepEqual([s.cases, s.preferred, s.restored, s.identical, s.ambiguous, s.none, s.wrong], expected[shape], shape);
  }
}

/** 70 cases (10 per shape) on the fuzzer's seeds and test/fixtures/repair/ (quoting.md holds the escaped quotes `unescape` needs). */
const FIXTURE_EXPECTED: Counts = {
  close: [10, 10, 10, 10, 0, 0, 0],
  unescape: [10, 9, 9, 9, 1, 0, 0],
  unquote: [10, 10, 10, 10, 0, 0, 0],
  deindent: [10, 10, 10, 10, 0, 0, 0],
  'deindent-plain': [10, 10, 10, 10, 0, 0, 0],
  time: [10, 9, 9, 9, 1, 0, 0],
  apostrophe: [10, 10, 10, 10, 0, 0, 0],
};

test('broken fixture values: the error stays local, preferred repairs restore the data, fix-all agrees', { timeout: 120_000 }, () => {
  assertCounts('fixtures', runCases(SEED, 0, 70, fixtureEpisodes(), { window: 40 }), FIXTURE_EXPECTED);
});

/** 280 cases (40 per shape) on every fourth corpus episode. */
const CORPUS_EXPECTED: Counts = {
  close: [40, 40, 40, 40, 0, 0, 0],
  unescape: [40, 40, 40, 40, 0, 0, 0],
  unquote: [40, 40, 40, 37, 0, 0, 0],
  deindent: [40, 40, 40, 40, 0, 0, 0],
  'deindent-plain': [40, 40, 40, 40, 0, 0, 0],
  time: [40, 40, 40, 40, 0, 0, 0],
  apostrophe: [40, 40, 40, 40, 0, 0, 0],
};

const corpus = loadEpisodes();

test('broken corpus values: the error stays local, preferred repairs restore the data, fix-all agrees', { timeout: 300_000, skip: slowCorpusSkip({ skip: corpus.skip ?? false }) }, () => {
  assertCounts('corpus', runCases(SEED, 0, 280, corpus.episodes.filter((_, i) => i % 4 === 0), { window: 40 }), CORPUS_EXPECTED);
});

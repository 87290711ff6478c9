import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatTable, loadEpisodes, runCases, SHAPES } from './repairProperty';

/**
 * The repair property (issue 11) on a fixed slice: 280 cases (40 per shape), seed 20261201, on every
 * fourth corpus episode cropped to windows of at most 40 items. The counts are deterministic for the
 * seed: a change that alters them must update them here (and say why). `npm run fuzz:repair` runs
 * thousands of cases on whole episodes.
 */

const SEED = 20261201;
const CASES = 280;

/** Per shape: [cases, preferred, restores data, same bytes, ambiguous, none, wrong]. */
const EXPECTED: Record<(typeof SHAPES)[number], number[]> = {
  close: [40, 40, 40, 40, 0, 0, 0],
  unescape: [40, 40, 40, 40, 0, 0, 0],
  unquote: [40, 40, 40, 37, 0, 0, 0],
  deindent: [40, 40, 40, 40, 0, 0, 0],
  'deindent-plain': [40, 40, 40, 40, 0, 0, 0],
  time: [40, 40, 40, 40, 0, 0, 0],
  apostrophe: [40, 40, 40, 40, 0, 0, 0],
};

test('broken corpus values: the error stays local, preferred repairs restore the data, fix-all agrees', { timeout: 300_000 }, (t) => {
  const { episodes, skip } = loadEpisodes();
  if (skip) {
    t.skip(skip);
    return;
  }
  const result = runCases(SEED, 0, CASES, episodes.filter((_, i) => i % 4 === 0), { window: 40 });
  console.log(`repair property: seed ${SEED}, ${CASES} cases in ${(result.elapsedMs / 1000).toFixed(1)} s\n${formatTable(result)}`);
  const failures = result.failures.map((f) => `case ${f.index} (${f.shape}, ${f.key} in ${f.file}): ${f.problems.join('; ')}`);
  assert.deepEqual(failures, []);
  for (const shape of SHAPES) {
    const s = result.byShape[shape];
    assert.equal(s.wrong, 0, `${shape}: a preferred repair reads other data than the unbroken file`);
    assert.deepEqual([s.cases, s.preferred, s.restored, s.identical, s.ambiguous, s.none, s.wrong], EXPECTED[shape], shape);
  }
});

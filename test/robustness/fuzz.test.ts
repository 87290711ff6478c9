import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { mergeConfigs, TranscriptConfig } from '../../server/src/core';
import { corpusFiles, FULL_ONLY, slowCorpusSkip } from '../helpers';
import { TestClient } from '../protocol/lspClient';
import { defaultSaveDir, runDifferentialFuzz, ServerProbe } from './differential';
import { envNumber, FIXTURES, Rng, seedFromEnv } from './fuzzLib';

/**
 * The bounded slice of the differential fuzzer that runs in `npm test` (the long run is
 * `npm run fuzz`), and the replay of every failure the fuzzer ever found.
 */

const SLICE_SEED = 20260701;

/**
 * The slice on our own fixtures alone (always), then on the fixtures and the corpus (when it is beside
 * the clone): the first is the same edits on every machine, with or without ../shared.
 */
async function fuzzSlice(corpus: boolean): Promise<void> {
  const seed = seedFromEnv(SLICE_SEED);
  const result = await runDifferentialFuzz({
    seed,
    // A count, not a time, so the slice is the same edits on every machine; the time limit only guards
    // against a hang (4,000 edits take 60–140 s here, more on a machine loaded by other work).
    edits: envNumber('FUZZ_EDITS', 4000),
    timeLimitMs: envNumber('FUZZ_SLICE_SECONDS', 480) * 1000,
    corpus,
    stopOnFailure: true,
    saveDir: defaultSaveDir(),
    log: (line) => console.log(line),
  });
  console.log(`fuzz slice (${corpus ? 'fixtures and corpus' : 'fixtures'}): seed ${seed}, ${result.edits} edits on ${result.documents} documents, ${result.requests} requests, ${result.elapsedMs} ms`);
  const failure = result.failures[0];
  assert.ok(!failure, failure && `seed ${seed} (replay: FUZZ_SEED=${seed}${corpus ? '' : ' FUZZ_CORPUS=0'} npm run fuzz, or FUZZ_SEED=${seed} node --test out/test/robustness/fuzz.test.js), step ${failure.step}, ${failure.doc}:\n${failure.problems.join('\n')}${failure.file ? `\ncase saved to ${failure.file}` : ''}`);
  assert.ok(result.edits >= 4000 || process.env.FUZZ_EDITS !== undefined, `only ${result.edits} edits ran before the time limit`);
}

test('differential fuzz slice on the fixtures: incremental edits on the real server equal a fresh full analysis', { timeout: 540_000, skip: FULL_ONLY }, async () => {
  await fuzzSlice(false);
});

const corpus = corpusFiles();

test('differential fuzz slice on the corpus and the fixtures: incremental edits on the real server equal a fresh full analysis', { timeout: 540_000, skip: slowCorpusSkip(corpus) }, async () => {
  await fuzzSlice(true);
});

/**
 * A regression case: a fictional starting text, optional settings, and the change notifications
 * that once made the server disagree with a fresh analysis (or crash). Stored as JSON.
 */
interface RegressionCase {
  description: string;
  before: string;
  settings?: { rules?: Record<string, string>; order?: { toleranceSeconds?: number } };
  /** Each inner list is one didChange notification. */
  notifications: TextDocumentContentChangeEvent[][];
}

const REGRESSIONS = path.join(FIXTURES, 'regressions');

function regressionCases(): { name: string; data: RegressionCase }[] {
  if (!fs.existsSync(REGRESSIONS)) return [];
  return fs.readdirSync(REGRESSIONS).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    name: f,
    data: JSON.parse(fs.readFileSync(path.join(REGRESSIONS, f), 'utf8')) as RegressionCase,
  }));
}

/** Every regression text (`*.md`) is opened as it is; every case (`*.json`) is replayed change by change. */
test('regression fixtures replay on the server without a difference', { timeout: 120_000 }, async (t) => {
  const cases = regressionCases();
  const texts = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter((f) => f.endsWith('.md')).sort() : [];
  if (cases.length + texts.length === 0) {
    t.skip('no regression fixtures yet');
    return;
  }
  const probe = new ServerProbe(await TestClient.start(), new Rng(1), 10_000);
  try {
    for (const name of texts) {
      const text = fs.readFileSync(path.join(REGRESSIONS, name), 'utf8');
      for (const uri of [`file:///regressions/${name}`, `file:///regressions/_podcast/${name}`]) {
        probe.client.open(uri, text, 1);
        const problems = await probe.check(uri, TextDocument.create(uri, 'markdown', 1, text), mergeConfigs());
        assert.deepEqual(problems, [], `${name} as ${uri}`);
        assert.deepEqual(await probe.close(uri), []);
      }
    }
    for (const { name, data } of cases) {
      const uri = `file:///regressions/${name.replace(/\.json$/, '.md')}`;
      let config: TranscriptConfig = mergeConfigs();
      if (data.settings) {
        config = probe.configure(data.settings);
      }
      probe.client.open(uri, data.before, 1);
      let doc = TextDocument.create(uri, 'markdown', 1, data.before);
      assert.deepEqual(await probe.check(uri, doc, config), [], `${name}: ${data.description} (on open)`);
      for (const [i, changes] of data.notifications.entries()) {
        doc = probe.change(uri, doc, changes);
        assert.deepEqual(await probe.check(uri, doc, config), [], `${name}: ${data.description} (after notification ${i + 1})`);
      }
      assert.deepEqual(await probe.close(uri), []);
      if (data.settings) probe.configure({});
    }
  } finally {
    assert.equal(await probe.client.stop(), 0);
  }
});

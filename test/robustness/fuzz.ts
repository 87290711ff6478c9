import { defaultSaveDir, runDifferentialFuzz } from './differential';
import { envNumber, seedFromEnv } from './fuzzLib';

/**
 * `npm run fuzz`: the long differential run (not a test file: it does nothing unless started
 * with the `run` argument). Settings from the environment:
 *   FUZZ_EDITS   how many edits (default 100000)
 *   FUZZ_SEED    the seed, to replay a run (default: random, printed)
 *   FUZZ_MINUTES stop after this long even if the edits are not done (default: no limit)
 *   FUZZ_CORPUS  0 to leave out ../shared/corpus even when it is there
 *   FUZZ_OUT     where failing cases are saved as JSON (default: $TMPDIR/transcript-fuzz)
 *   FUZZ_FIX_SHARE  share of the steps after which fix safety is checked on the text too (default 0.05)
 */
async function main(): Promise<void> {
  const seed = seedFromEnv();
  const edits = envNumber('FUZZ_EDITS', 100_000);
  const minutes = envNumber('FUZZ_MINUTES', 0);
  const saveDir = process.env.FUZZ_OUT || defaultSaveDir();
  console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${edits} edits${minutes ? `, at most ${minutes} min` : ''}, failures saved under ${saveDir}`);
  let lastReport = Date.now();
  const result = await runDifferentialFuzz({
    seed,
    edits,
    timeLimitMs: minutes ? minutes * 60_000 : undefined,
    corpus: process.env.FUZZ_CORPUS !== '0',
    stopOnFailure: false,
    fixSafetyShare: envNumber('FUZZ_FIX_SHARE', 0.05),
    saveDir,
    log: (line) => console.log(line),
    onProgress: (done) => {
      if (Date.now() - lastReport < 30_000) return;
      lastReport = Date.now();
      console.log(`fuzz: ${done} edits`);
    },
  });
  const seconds = (result.elapsedMs / 1000).toFixed(0);
  console.log(`fuzz: seed ${seed}: ${result.edits} edits on ${result.documents} documents, ${result.requests} requests in ${seconds} s; ${result.failures.length} failures`);
  console.log(`fuzz: edits by kind ${JSON.stringify(result.kinds)}`);
  for (const failure of result.failures) console.log(`  step ${failure.step} (${failure.doc}): ${failure.problems[0]}${failure.file ? `\n    ${failure.file}` : ''}`);
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

if (process.argv[2] === 'run') {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}

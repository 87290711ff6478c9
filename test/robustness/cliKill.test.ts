import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusFiles, FULL_ONLY, iterations, ROOT } from '../helpers';
import { envNumber, loadSeeds, Rng, seedFromEnv } from './fuzzLib';

/**
 * `transcript-lint --fix` killed (SIGKILL) at random moments on a large batch of copied files:
 * every file must be byte for byte the original or the fully fixed version, never a mix, and the
 * only other files left are the temporary files the docs say a kill can leave.
 */

const CLI = path.join(ROOT, 'out/server/src/cli/main.js');
/** The temporary file writeFile.ts makes beside the target: `.<name>.<pid>.<8 hex>.tmp`. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** How many fictional episodes the batch holds: fewer in npm test, so each run and kill is shorter. */
const FICTIONAL = iterations(100, 250);

function copyBatch(dir: string, rng: Rng): Map<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  // Fictional episodes, each with fixable findings (a wrong time, a misspelled speaker, a duplicate, ...).
  const seeds = loadSeeds({ corpus: false }).fixtures;
  for (let i = 0; i < FICTIONAL; i++) {
    const seed = seeds[i % seeds.length];
    const text = seed.text.replace(/^title: .*$/m, `title: 'Episode ${i}'`).replace(/sec: (\d+)\n  time: '(\d+):(\d\d)'/, (all, sec: string) => `sec: ${Number(sec) + rng.range(1, 9)}\n  time: '${all.split("'")[1]}'`);
    files.set(`episode-${String(i).padStart(3, '0')}.md`, text);
  }
  // The real corpus too, when it is beside the clone (copied to a temporary folder, never into the project).
  // The corpus copies make the run several times longer: only in npm run test:full.
  const corpus = FULL_ONLY ? { files: [] } : corpusFiles();
  for (const file of corpus.files) files.set(`corpus-${path.basename(file)}`, fs.readFileSync(file, 'utf8'));
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
  return files;
}

function runFix(dir: string): { status: number | null; ms: number; stderr: string } {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, '--fix', '--quiet', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, ms: Date.now() - started, stderr: result.stderr };
}

function killAfter(dir: string, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--fix', '--quiet', dir], { stdio: ['ignore', 'ignore', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

function checkBatch(dir: string, originals: Map<string, string>, fixed: Map<string, string>, when: string): { temps: string[] } {
  const temps: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const original = originals.get(name);
    if (original === undefined) {
      const temp = TEMP_NAME.exec(name);
      assert.ok(temp && originals.has(temp[1]), `${when}: unexpected file ${name}`);
      temps.push(name);
      continue;
    }
    const now = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.ok(now === original || now === fixed.get(name), `${when}: ${name} is neither the original nor the fixed version (${now.length} chars; original ${original.length}, fixed ${fixed.get(name)!.length})`);
  }
  for (const name of originals.keys()) assert.ok(fs.existsSync(path.join(dir, name)), `${when}: ${name} is gone`);
  return { temps };
}

test('transcript-lint --fix killed at random moments leaves every file whole: the original or the fixed version', { timeout: 600_000 }, (t) => {
  if (!fs.existsSync(CLI)) {
    t.skip(`${path.relative(ROOT, CLI)} is not built`);
    return;
  }
  return (async () => {
    const seed = seedFromEnv(20260706);
    const rng = new Rng(seed);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-kill-'));
    try {
      // The fully fixed version of every file, from one uninterrupted run on a copy.
      const referenceDir = path.join(root, 'reference');
      const originals = copyBatch(referenceDir, new Rng(seed));
      const reference = runFix(referenceDir);
      assert.ok(reference.status === 0 || reference.status === 1, `reference run exit ${reference.status}: ${reference.stderr.slice(0, 500)}`);
      const fixed = new Map([...originals.keys()].map((name) => [name, fs.readFileSync(path.join(referenceDir, name), 'utf8')]));
      const changing = [...originals].filter(([name, text]) => fixed.get(name) !== text).length;
      // At least four in five of the fictional episodes (200 of 250).
      assert.ok(changing * 5 >= FICTIONAL * 4, `only ${changing} files change under --fix`);

      const dir = path.join(root, 'killed');
      copyBatch(dir, new Rng(seed));
      const kills = envNumber('KILL_RUNS', iterations(3, 6));
      const leftovers = new Set<string>();
      let killedMidway = 0;
      for (let k = 0; k < kills; k++) {
        // Anywhere from before the first write to after the last one.
        const delay = rng.range(30, Math.max(100, Math.round(reference.ms * 1.1)));
        const signal = await killAfter(dir, delay);
        if (signal === 'SIGKILL') killedMidway++;
        const { temps } = checkBatch(dir, originals, fixed, `seed ${seed}, kill ${k + 1} after ${delay} ms`);
        temps.forEach((temp) => leftovers.add(temp));
      }
      // Finishing the job from whatever state the kills left gives the same files as one clean run.
      const finish = runFix(dir);
      assert.ok(finish.status === 0 || finish.status === 1, `final run exit ${finish.status}: ${finish.stderr.slice(0, 500)}`);
      for (const [name, text] of fixed) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} after the final run`);
      const { temps } = checkBatch(dir, originals, fixed, 'after the final run');
      console.log(`cli kill: seed ${seed}, ${originals.size} files (${changing} fixed), clean run ${reference.ms} ms, ${kills} kills (${killedMidway} before the end), ${temps.length} temporary files left by kills`);
      if (temps.length > 0) {
        // A kill between writing the temporary file and renaming it leaves it: the docs must say so.
        const robustness = fs.readFileSync(path.join(ROOT, 'docs', 'robustness.md'), 'utf8');
        assert.match(robustness, /\.<name>\.<pid>\.<8 hex>\.tmp/, 'docs/robustness.md must name the temporary files a kill can leave');
      }
      assert.ok(killedMidway > 0, 'no kill landed while the run was going');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  })();
});

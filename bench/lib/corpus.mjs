// The command-line checker over the corpus against the floor (bare yaml.parseDocument of the same
// front matters). The measuring is bench/lint-corpus.mjs's (written with transcript-lint); this only
// runs it and reads its figures back.
import { spawnSync } from 'node:child_process';
import { CORPUS, exists, LINT_CORPUS } from './paths.mjs';

const ROW = /^(.+?)\s+median\s+([\d.]+) ms\s+best\s+([\d.]+) ms/;

export function corpusVsFloor(runs) {
  if (!exists(CORPUS)) return { skipped: `${CORPUS} is absent (../shared is not beside this clone)` };
  if (!exists(LINT_CORPUS)) return { skipped: `${LINT_CORPUS} is missing` };
  const result = spawnSync(process.execPath, [LINT_CORPUS, CORPUS, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0) return { skipped: `lint-corpus.mjs exited ${result.status}: ${output.slice(-400)}` };
  const rows = {};
  for (const line of output.split('\n')) {
    const m = ROW.exec(line.trim());
    if (m) rows[m[1].trim()] = { median: Number(m[2]), best: Number(m[3]) };
  }
  const floor = rows['yaml.parseDocument (front matters)'];
  const inProcess = rows['transcript-lint, in process'];
  const child = rows['transcript-lint, child process'];
  const header = /^corpus: (\d+) files, ([\d.]+) MB/.exec(output);
  if (!floor || !inProcess || !child) return { skipped: `could not read lint-corpus.mjs's output:\n${output}`, output };
  // CPU time (user + system) of the bench process: steadier than wall time on a busy machine (newer lint-corpus.mjs only).
  const cpu = /CPU time \(median\): bare parse ([\d.]+) ms, transcript-lint in process ([\d.]+) ms/.exec(output);
  // The spelling rules' own cost: the child process with name-spelling and term-spelling on against off (issue 25).
  const spelling = /spelling rules .*?CPU time \(median\) ([\d.]+) ms with, ([\d.]+) ms without/.exec(output);
  return {
    spellingCpuMs: spelling ? { with: Number(spelling[1]), without: Number(spelling[2]), ratio: Number(spelling[1]) / Number(spelling[2]) } : undefined,
    cpuMs: cpu ? { floor: Number(cpu[1]), lintInProcess: Number(cpu[2]), ratio: Number(cpu[2]) / Number(cpu[1]) } : undefined,
    files: header ? Number(header[1]) : undefined,
    megabytes: header ? Number(header[2]) : undefined,
    runs,
    floorMs: floor,
    lintInProcessMs: inProcess,
    lintChildProcessMs: child,
    ratioInProcess: inProcess.median / floor.median,
    ratioChildProcess: child.median / floor.median,
    output,
  };
}

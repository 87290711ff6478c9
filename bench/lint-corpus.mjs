#!/usr/bin/env node
/**
 * How long `transcript-lint` takes over the corpus, against the floor set by the YAML parser:
 * bare `yaml.parseDocument` of the same front matters. Run after a build (`npm run build`):
 *
 *   node bench/lint-corpus.mjs [corpus folder] [--runs N]
 *
 * Prints, for each of N runs (median and best): the bare parse, the CLI in process (`run()`:
 * discovery, reads, parse, rules, positions, JSON output), and the CLI as a child process
 * (Node start-up included, what CI pays), then the ratios to the bare parse, in wall time and
 * in CPU time (the steadier of the two on a busy machine). The child process runs again with
 * name-spelling and term-spelling off: the spelling rules' cost as CI pays it (each process loads
 * its dictionaries), in CPU time and wall time, with the load average.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const corpus = path.resolve(args[0] ?? path.join(root, '../shared/corpus/podcast'));
const bin = path.join(root, 'out/server/src/cli/main.js');

if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to measure (pass a folder of episodes)`);
  process.exit(0);
}
if (!fs.existsSync(bin)) {
  console.error(`${bin} is missing: run npm run build first`);
  process.exit(2);
}

const { parseDocument } = require('yaml');
const { findFrontMatter } = require(path.join(root, 'out/server/src/core'));
const { run } = require(path.join(root, 'out/server/src/cli/run'));

const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md')).map((f) => path.join(corpus, f));
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const frontMatters = texts.map((t) => {
  const fm = findFrontMatter(t);
  return fm ? t.slice(fm.contentStart, fm.contentEnd) : '';
});
const sink = { write() { return true; }, isTTY: false };
const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'defaults.json');
fs.writeFileSync(config, '{}');
const withoutSpelling = path.join(path.dirname(config), 'without-spelling.json');
fs.writeFileSync(withoutSpelling, JSON.stringify({ rules: { 'name-spelling': 'off', 'term-spelling': 'off' } }));
/** Makes the child print its own CPU time (user + system, µs) on stderr as it exits. */
const REPORT_CPU = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us "+(u.user+u.system)+"\\n")})';

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
/** CPU time of this process (user + system), less sensitive than wall time to a busy machine. */
const cpuMs = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function bare() {
  const [start, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
  for (const yaml of frontMatters) parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  times.bareCpu.push(cpuMs(cpu));
  return ms(start);
}

async function inProcess() {
  const [start, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
  const code = await run(['--format', 'json', '--config', config, corpus], { cwd: root, env: {}, stdout: sink, stderr: sink });
  const took = ms(start);
  times.inProcessCpu.push(cpuMs(cpu));
  if (code === 2) throw new Error('transcript-lint failed (exit 2)');
  return took;
}

function child(configFile = config, cpuTimes = times.childCpu) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', REPORT_CPU, bin, '--format', 'json', '--config', configFile, corpus], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const took = ms(start);
  if (result.status === 2) throw new Error(`transcript-lint failed: ${result.stderr}`);
  cpuTimes.push(Number(/cpu-us (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000);
  return took;
}

// One warm-up of each, then the measured runs interleaved so load on the machine hits all three alike.
const times = { bare: [], inProcess: [], child: [], bareCpu: [], inProcessCpu: [], childCpu: [], noSpelling: [], noSpellingCpu: [] };
const loads = [];
bare();
await inProcess();
for (const list of Object.values(times)) list.length = 0;
for (let i = 0; i < runs; i++) {
  times.bare.push(bare());
  times.inProcess.push(await inProcess());
  times.child.push(child());
  times.noSpelling.push(child(withoutSpelling, times.noSpellingCpu));
  loads.push(os.loadavg()[0]);
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const best = (list) => Math.min(...list);
const row = (name, list) =>
  `${name.padEnd(34)} median ${median(list).toFixed(0).padStart(6)} ms  best ${best(list).toFixed(0).padStart(6)} ms  ${((files.length * 1000) / median(list)).toFixed(0).padStart(5)} files/s`;

console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${runs} runs (${process.version}, ${process.platform})`);
console.log(row('yaml.parseDocument (front matters)', times.bare));
console.log(row('transcript-lint, in process', times.inProcess));
console.log(row('transcript-lint, child process', times.child));
console.log(row('child process, spelling rules off', times.noSpelling));
console.log(`ratio to bare parse (median wall): in process ${(median(times.inProcess) / median(times.bare)).toFixed(2)}x, child process ${(median(times.child) / median(times.bare)).toFixed(2)}x`);
console.log(
  `CPU time (median): bare parse ${median(times.bareCpu).toFixed(0)} ms, transcript-lint in process ${median(times.inProcessCpu).toFixed(0)} ms, ratio ${(median(times.inProcessCpu) / median(times.bareCpu)).toFixed(2)}x`,
);
console.log(
  `spelling rules (name-spelling, term-spelling), child process: CPU time (median) ${median(times.childCpu).toFixed(0)} ms with, ${median(times.noSpellingCpu).toFixed(0)} ms without: ${(median(times.childCpu) / median(times.noSpellingCpu)).toFixed(2)}x; ` +
    `wall ${(median(times.child) / median(times.noSpelling)).toFixed(2)}x; per run (CPU) ${times.childCpu.map((t, i) => (t / times.noSpellingCpu[i]).toFixed(2)).join(' ')}; load average ${loads.map((l) => l.toFixed(1)).join(' ')}`,
);
fs.rmSync(path.dirname(config), { recursive: true, force: true });

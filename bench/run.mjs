#!/usr/bin/env node
// `npm run bench`: this project's language server against yaml-language-server over LSP on stdio,
// on the same inputs, and transcript-lint over the corpus against the bare YAML parse. A benchmark,
// never a test: it reports numbers and never fails on one. See bench/README.md.
//
//   node bench/run.mjs [--quick] [--profile] [--edits N] [--sizes a,b] [--servers a,b]
//
// --quick    seed, largest real and synthetic 1,000/10,000 only, 20 edits, no Node 24 run of ours;
//            prints the tables and writes nothing.
// --profile  also start our server with --cpu-prof and print where its time went (per input).
// --sizes a,b  synthetic sizes instead of 1,000, 10,000 and 50,000.
// --servers a,b  only these servers (ours, 'ours on Node 24', yaml-language-server).
// Then bench/convert.mjs: transcript-convert's export and .docx import (issue 18).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { corpusVsFloor } from './lib/corpus.mjs';
import { collectInputs } from './lib/inputs.mjs';
import { measure } from './lib/measure.mjs';
import { BENCH, exists, NODE24, OUR_SERVER, ROOT, rootRequire, WORK, YAML_LS } from './lib/paths.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { machine, writeReports, printTables } from './lib/report.mjs';
import { floorServer, FRONT_MATTER_KB, ourServer, verifyYamlLanguageServer, yamlLanguageServer } from './lib/servers.mjs';
import { summary } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const profile = argv.includes('--profile');
const editsAt = argv.indexOf('--edits');
const EDITS = editsAt >= 0 ? Number(argv[editsAt + 1]) : quick ? 20 : 50;
const sizesAt = argv.indexOf('--sizes');
const SIZES = sizesAt >= 0 ? argv[sizesAt + 1].split(',').map(Number) : quick ? [1_000, 20_000] : [1_000, 10_000, 20_000, 50_000];
const plan = {
  edits: EDITS,
  minEdits: Math.min(EDITS, 20),
  editBudgetMs: 90_000,
  warmEdits: 3,
  verified: { min: 4, max: 10, budgetMs: 15_000 },
  requests: { min: 3, max: 20, budgetMs: 5_000 },
};

const YAML = rootRequire('yaml');
const started = performance.now();
const log = (line) => process.stderr.write(`[bench] ${line}\n`);

for (const [file, why] of [[OUR_SERVER, 'run npm run build'], [YAML_LS, 'run bash bench/setup.sh'], [NODE24, 'run bash bench/setup.sh']]) {
  if (!exists(file)) {
    console.error(`bench: ${file} is missing (${why})`);
    process.exit(2);
  }
}

const info = machine({ node24: NODE24, yamlLsVersion: JSON.parse(readFileSync(path.join(path.dirname(path.dirname(YAML_LS)), 'package.json'), 'utf8')).version });
log(`${info.cpu}, ${info.cores} cores, load ${info.loadBefore}; ours on Node ${info.nodeOurs}, yaml-language-server ${info.yamlLanguageServer} on Node ${info.nodeYamlLs}`);
if (Number(info.loadBefore.split(' ')[0]) > 1) log(`WARNING: load average ${info.loadBefore} on ${info.cores} cores: other work is running, the figures will be noisy`);

log('checking that yaml-language-server validates against test/bench/episode.schema.json ...');
const schemaCheck = await verifyYamlLanguageServer();
log(schemaCheck.ok
  ? `  yes: schema errors on exactly the ${schemaCheck.expectedLines.length} bad lines`
  : `  NO: expected errors on lines ${schemaCheck.expectedLines}, got ${schemaCheck.reportedLines}: its timings below are NOT trustworthy`);

log(`preparing inputs (synthetic: ${SIZES.join(', ')} items) ...`);
const { inputs, skipped } = collectInputs({ sizes: SIZES });
for (const reason of skipped) log(`skipped ${reason}`);

const profileDir = path.join(WORK, 'profiles');
// Ours on Node 24 only as a cross-check of the Node version, on the inputs up to 10,000 items (time).
const ours24 = ourServer(NODE24, 'ours on Node 24');
ours24.skip = (input) => input.items > 10_000;
const serversAt = argv.indexOf('--servers');
const wanted = serversAt >= 0 ? argv[serversAt + 1].split(',') : undefined;
const servers = [floorServer(), ourServer(), ...(quick ? [] : [ours24]), yamlLanguageServer()].filter((s) => !wanted || wanted.includes(s.name));
const results = [];
for (const input of inputs) {
  const floor = parseFloor(input);
  const row = { input: input.name, kind: input.kind, items: input.items, bytes: input.bytes, lines: input.lines, floorParseMs: floor, servers: {} };
  for (const server of servers) {
    if (server.skip?.(input)) continue;
    const s = { ...server };
    let dir;
    if (profile && s.name === 'ours') {
      dir = path.join(profileDir, input.name.replace(/[^a-z0-9]+/gi, '-'));
      mkdirSync(dir, { recursive: true });
      s.args = ['--cpu-prof', '--cpu-prof-interval=250', `--cpu-prof-dir=${dir}`, ...s.args];
    }
    log(`${input.name}: ${s.name} ...`);
    const t = performance.now();
    try {
      row.servers[s.name] = await measure(s, input, plan);
      const why = s.notAnalysed(input, row.servers[s.name]);
      if (why) {
        row.servers[s.name].notAnalysed = why;
        log(`  NOT A CHECK of this input: ${why}`);
      }
    } catch (error) {
      row.servers[s.name] = { error: String(error?.message ?? error) };
      log(`  failed: ${row.servers[s.name].error}`);
    }
    log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (dir) {
      const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f)).pop();
      const r = row.servers[s.name];
      if (file) r.profile = { file, top: summarizeProfile(file), open: r.openWindowUs && summarizeProfile(file, r.openWindowUs), edits: r.editWindowUs && summarizeProfile(file, r.editWindowUs) };
      // The windows beside the profile, for a closer look at the open or the edits alone (any .cpuprofile reader).
      if (file) writeFileSync(`${file}.windows.json`, JSON.stringify({ openUs: r.openWindowUs, editsUs: r.editWindowUs }));
    }
  }
  results.push(row);
}

log(`transcript-lint over the corpus vs bare parse (bench/lint-corpus.mjs, ${quick ? 2 : 5} runs) ...`);
const corpus = corpusVsFloor(quick ? 2 : 5);
if (corpus.skipped) log(`skipped corpus: ${corpus.skipped}`);

info.loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
info.durationS = Math.round((performance.now() - started) / 1000);
info.git = gitState();
const report = { machine: info, oursFrontMatterKB: FRONT_MATTER_KB, plan, quick, skippedInputs: skipped, schemaCheck, inputs: results, corpus };
printTables(report);
if (quick) log('--quick: nothing written (a full run writes bench/results.json and bench/RESULTS.md)');
else {
  writeReports(report, BENCH);
  log('wrote bench/results.json and bench/RESULTS.md');
}
// transcript-convert's figures (issue 18): its own script, which writes its own section of RESULTS.md.
log('transcript-convert: export and .docx import (bench/convert.mjs) ...');
spawnSync(process.execPath, [path.join(BENCH, 'convert.mjs'), quick ? '--quick' : '--write'], { stdio: 'inherit' });
log(`total ${Math.round((performance.now() - started) / 1000)} s`);

/**
 * The floor for one input: bare yaml.parseDocument of its front matter (the options our core uses).
 * Cold: the first parse in a fresh Node process (as our server's first open is); warm: median of up
 * to 10 in this process after a warm-up.
 */
function parseFloor(input) {
  const text = input.yamlText;
  const parse = () => {
    const t0 = performance.now();
    YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    return performance.now() - t0;
  };
  const script = `const Y = require(${JSON.stringify(rootRequire.resolve('yaml'))});
const text = require('fs').readFileSync(${JSON.stringify(input.yamlPath)}, 'utf8');
const t0 = performance.now();
Y.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
console.log(performance.now() - t0);`;
  const cold = Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout.trim());
  parse();
  const warm = [];
  const t = performance.now();
  while (warm.length < 10 && (warm.length < 3 || performance.now() - t < 5_000)) warm.push(parse());
  return { cold, warm: summary(warm) };
}

function gitState() {
  const run = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  return { commit: run('rev-parse', '--short', 'HEAD'), serverChanges: run('status', '--porcelain', '--', 'server').split('\n').filter(Boolean).length };
}

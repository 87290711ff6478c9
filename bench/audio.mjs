#!/usr/bin/env node
// `node bench/audio.mjs [minutes] [--write]` (after `npm run build`): the speech analysis of issue 24
// on a long MP3 made here: espeak-ng speech with pauses, repeated to `minutes` (default 60), 44.1 kHz
// stereo 128 kb/s as podcasts are. Prints, side by side, its analysis on Node (wall, CPU, time spent
// waiting for a core, peak memory) and in a browser Web Worker (as VS Code for the Web runs it), each
// then from the cache; and the player's waveform lane drawn in Chromium from the cached peaks of an
// episode twice as long (the analysis twice over). The browser parts need test/web's playwright-core
// and Chromium (bash test/web/setup.sh) and are skipped with the reason without them. `--write` puts
// the figures into bench/RESULTS.md (its own section). A benchmark, never a test: it asserts nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureWaveformDraw, measureWorkerAnalysis } from './lib/audioBrowser.mjs';
import { browserWorkerMissing } from './lib/browserWorker.mjs';
import { AUDIO_END, AUDIO_START } from './lib/report.mjs';
import { replaceSection } from './lib/sections.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyzeMediaFile } = require(path.join(ROOT, 'out/server/src/node/audio.js'));
const args = process.argv.slice(2);
const write = args.includes('--write');
const minutes = Number(args.find((a) => !a.startsWith('--')) ?? 60);
const log = (line) => process.stderr.write(`[audio] ${line}\n`);
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const tools = ['espeak-ng', 'sox'].filter((t) => spawnSync(t, ['--version'], { stdio: 'ignore' }).status !== 0);
if (tools.length > 0) {
  console.log(`bench/audio.mjs: skipped: ${tools.join(' and ')} not installed`);
  process.exit(0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audio-bench-'));
const run = (tool, toolArgs) => {
  const r = spawnSync(tool, toolArgs, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
};

/** This thread's seconds on a core and waiting for one (the kernel's schedstat): wall minus both is I/O and idle. */
function schedstat() {
  const [onCpu, waiting] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  return { onCpu: onCpu / 1e9, waiting: waiting / 1e9 };
}

/** The analysis on Node, then from its cache, with what the process and the machine did meanwhile. */
async function onNode(mp3) {
  const cacheDir = path.join(dir, 'cache');
  const loadBefore = load();
  const sched = schedstat();
  const cpu = process.cpuUsage();
  let started = process.hrtime.bigint();
  const first = await analyzeMediaFile(mp3, { cacheDir });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const after = schedstat();
  started = process.hrtime.bigint();
  const again = await analyzeMediaFile(mp3, { cacheDir });
  const cachedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    analysis: first.analysis, wall, cpu: (used.user + used.system) / 1e6, mainThread: after.onCpu - sched.onCpu, waiting: after.waiting - sched.waiting,
    cachedMs, cached: again.cached, maxRssMb: process.resourceUsage().maxRSS / 1024, load: `${loadBefore} → ${load()}`,
  };
}

/** The analysis twice over: the cached peaks of an episode twice as long, and a line at each onset of speech. */
function doubled(analysis) {
  const bytes = Buffer.from(analysis.peaks, 'base64');
  const shift = bytes.length / analysis.peaksPerSecond;
  const speech = [...analysis.speech, ...analysis.speech.map(([a, b]) => [a + shift, b + shift])];
  const lines = speech.map(([onset], index) => ({ index, sec: Math.floor(onset), end: Math.floor(speech[index + 1]?.[0] ?? shift * 2), who: index % 2 ? 'Guest' : 'Host', text: `Line ${index + 1}` }));
  return { analysis: { duration: shift * 2, peaksPerSecond: analysis.peaksPerSecond, peaks: Buffer.concat([bytes, bytes]).toString('base64'), speech }, lines };
}

const f1 = (n) => n.toFixed(1);
const rows = [];
const notes = [];
try {
  log(`making a ${minutes}-minute MP3 (espeak-ng, sox) ...`);
  const unit = path.join(dir, 'unit.wav');
  run('espeak-ng', ['-w', path.join(dir, 'speech.wav'), 'So tell us how the project started, and what you would do differently today if you had to build it again from the beginning.']);
  run('sox', [path.join(dir, 'speech.wav'), '-r', '44100', '-c', '2', unit, 'pad', '0.7', '1.3']);
  const unitSeconds = Number(spawnSync('soxi', ['-D', unit], { encoding: 'utf8' }).stdout);
  const mp3 = path.join(dir, 'episode.mp3');
  run('sox', [unit, '-C', '128', mp3, 'repeat', String(Math.ceil((minutes * 60) / unitSeconds) - 1)]);
  const size = fs.statSync(mp3).size;

  log('analysing on Node ...');
  const node = await onNode(mp3);
  const a = node.analysis;
  const header = `${f1(a.duration / 60)}-min MP3, ${f1(size / 1e6)} MB, 44.1 kHz stereo 128 kb/s: ${a.speech.length} speech segments, ${Buffer.from(a.peaks, 'base64').length / 1000} KB of peaks`;
  rows.push(['analysed (wall)', `${f1(node.wall)} s`]);
  rows.push(['  on a core / waiting for one', `${f1(node.cpu)} s CPU (main thread ${f1(node.mainThread)} s) / ${f1(node.waiting)} s`]);
  rows.push(['from the cache', `${node.cachedMs.toFixed(0)} ms (cached: ${node.cached})`]);
  rows.push(['peak memory', `${node.maxRssMb.toFixed(0)} MB resident (whole process)`]);
  rows.push(['load average (1, 5, 15 min)', node.load]);

  const missing = browserWorkerMissing();
  let worker;
  let lane;
  if (missing) notes.push(`browser parts skipped: ${missing}`);
  else {
    log('analysing in a browser worker (Chromium) ...');
    const loadBefore = load();
    worker = await measureWorkerAnalysis(mp3);
    worker.load = `${loadBefore} → ${load()}`;
    const same = worker.analysis.peaks === a.peaks && JSON.stringify(worker.analysis.speech) === JSON.stringify(a.speech);
    notes.push(`the worker's analysis is ${same ? 'identical to' : 'DIFFERENT from'} Node's; ${worker.userAgent}`);

    log('drawing the lane of twice that from its cached peaks (Chromium) ...');
    const long = path.join(dir, 'long.mp3');
    const twice = doubled(a);
    run('sox', ['-n', '-r', '8000', '-c', '1', '-C', '8', long, 'trim', '0', String(twice.analysis.duration)]);
    const laneLoad = load();
    lane = await measureWaveformDraw(long, twice.analysis, twice.lines);
    lane.load = `${laneLoad} → ${load()}`;
    lane.minutes = twice.analysis.duration / 60;
    lane.lines = twice.lines.length;
  }
  const cell = (i) => {
    if (!worker) return '—';
    return [`${f1(worker.analyseMs / 1000)} s (reading the bytes: ${f1(worker.readMs / 1000)} s)`, `${f1(worker.cpu)} s CPU (all of Chromium's processes) / —`, `${worker.cachedMs.toFixed(0)} ms (cached: ${worker.cached})`, '—', worker.load][i];
  };
  const table = [
    `| ${header} | Node ${process.version} | browser worker (dist/browser/server.js) |`,
    '|---|---|---|',
    ...rows.map(([what, value], i) => `| ${what} | ${value} | ${cell(i)} |`),
  ];
  const laneTable = lane ? [
    '',
    `The player's lane (client/media/player.js, dist/media/waveform.js) in Chromium, a ${f1(lane.minutes)}-minute episode from its cached peaks (${lane.lines} timed lines; load ${lane.load}):`,
    '',
    '| | ms |',
    '|---|---|',
    `| peaks posted → lane drawn (default zoom, 20 px/s: ${lane.regions} regions in view) | ${lane.drawMs.toFixed(0)} |`,
    ...lane.zooms.map((z) => `| zoom to ${z.level} | ${z.ms.toFixed(0)} |`),
  ] : [];
  const text = [...table, ...laneTable, '', ...notes.map((n) => `- ${n}`)];
  console.log(`\n${text.join('\n')}`);
  if (write) {
    const file = path.join(ROOT, 'bench', 'RESULTS.md');
    const section = [AUDIO_START, '## Speech analysis and the waveform lane (issue 24)', '',
      `Measured by \`node bench/audio.mjs ${minutes} --write\` on ${new Date().toISOString().slice(0, 16)} UTC, ${os.cpus().length} cores shared with other work (hence the load averages and the time spent waiting for a core).`, '',
      ...text, AUDIO_END].join('\n');
    fs.writeFileSync(file, replaceSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', AUDIO_START, AUDIO_END, section));
    log('wrote its section of bench/RESULTS.md');
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

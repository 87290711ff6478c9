#!/usr/bin/env node
// `node bench/audio.mjs [minutes]` (after `npm run build`): the speech analysis of issue 24 on a
// long MP3 made here: espeak-ng speech with pauses, repeated to `minutes` (default 60), 44.1 kHz
// stereo 128 kb/s as podcasts are. Prints the time to analyse it, then to read it from the cache,
// and the process's peak memory. A benchmark, never a test: it prints figures and asserts nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyzeMediaFile } = require(path.join(ROOT, 'out/server/src/node/audio.js'));
const minutes = Number(process.argv[2] ?? 60);

const tools = ['espeak-ng', 'sox'].filter((t) => spawnSync(t, ['--version'], { stdio: 'ignore' }).status !== 0);
if (tools.length > 0) {
  console.log(`bench/audio.mjs: skipped: ${tools.join(' and ')} not installed`);
  process.exit(0);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audio-bench-'));
const run = (tool, args) => {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
};
try {
  const unit = path.join(dir, 'unit.wav');
  run('espeak-ng', ['-w', path.join(dir, 'speech.wav'), 'So tell us how the project started, and what you would do differently today if you had to build it again from the beginning.']);
  run('sox', [path.join(dir, 'speech.wav'), '-r', '44100', '-c', '2', unit, 'pad', '0.7', '1.3']);
  const unitSeconds = Number(spawnSync('soxi', ['-D', unit], { encoding: 'utf8' }).stdout);
  const mp3 = path.join(dir, 'episode.mp3');
  run('sox', [unit, '-C', '128', mp3, 'repeat', String(Math.ceil((minutes * 60) / unitSeconds) - 1)]);
  const size = fs.statSync(mp3).size;
  const cacheDir = path.join(dir, 'cache');
  let started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const first = await analyzeMediaFile(mp3, { cacheDir });
  const analyseSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
  started = process.hrtime.bigint();
  const again = await analyzeMediaFile(mp3, { cacheDir });
  const cachedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`MP3: ${(first.analysis.duration / 60).toFixed(1)} min, ${(size / 1e6).toFixed(1)} MB, 44.1 kHz stereo 128 kb/s`);
  console.log(`analysed:    ${analyseSeconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), ${first.analysis.speech.length} speech segments, ${first.analysis.peaks.length} base64 characters of peaks`);
  console.log(`from cache:  ${(cachedSeconds * 1000).toFixed(0)} ms (cached: ${again.cached})`);
  console.log(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB resident`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

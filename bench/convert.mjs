#!/usr/bin/env node
/**
 * transcript-convert's speed (issue 18), beside the floor set by the YAML parser (bare
 * `yaml.parseDocument` of the same front matter). Run after a build (`npm run build`):
 *
 *   node bench/convert.mjs [--quick] [--write]
 *
 * The largest real episode: parsing it (our model), exporting it to each format from the parsed
 * model, and importing its transcript as a Word document (the site's shape, built by the import
 * tests' helpers test/docxFixture.ts and test/importSpeed.ts; read, then written into an empty
 * episode and checked, as Import Transcript does), and the same transcript three times over (a
 * 3-hour episode); then the whole corpus exported to each
 * format (parse + export, no file I/O). Each figure is the median of runs within a short time
 * budget, in this process after a warm-up. `--write` puts the table into bench/RESULTS.md (its own
 * section); `npm run bench` runs it with `--write` after its other work (without it under --quick).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH, CORPUS, LARGEST_REAL, ROOT, rootRequire } from './lib/paths.mjs';
import { median } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const BUDGET_MS = quick ? 300 : 1_500;
const MAX_RUNS = quick ? 10 : 30;
const OUT = (...p) => path.join(ROOT, 'out', 'server', 'src', ...p);

if (!fs.existsSync(OUT('core', 'index.js'))) {
  console.error('bench/convert.mjs: out/ is missing: run npm run build first');
  process.exit(2);
}
if (!fs.existsSync(CORPUS)) {
  console.log(`bench/convert.mjs: ${CORPUS} is absent (../shared is not beside this clone): nothing measured`);
  process.exit(0);
}

const { parseDocument } = rootRequire('yaml');
const { findFrontMatter, parseEpisode, formatTime } = rootRequire(OUT('core', 'index.js'));
const { exportEpisode } = rootRequire(OUT('core', 'exportEpisode.js'));
const { readDocx } = rootRequire(OUT('core', 'formats', 'docx', 'docxReader.js'));
const { insertTranscript } = rootRequire(OUT('core', 'formats', 'insertTranscript.js'));
// The Word documents are built by the import tests' own helpers (the site's shape, from an episode's items).
const { buildDocx, siteDocument } = rootRequire(path.join(ROOT, 'out', 'test', 'docxFixture.js'));
const { episodeItems, longerEpisode } = rootRequire(path.join(ROOT, 'out', 'test', 'importSpeed.js'));

const FORMATS = [['vtt', {}], ['vtt', { captions: true }], ['srt', {}], ['srt', { captions: true }], ['json', {}], ['text', {}]];
const label = ([format, options]) => `${format}${options.captions ? ' --captions' : ''}`;

/**
 * Medians of `fn` over up to MAX_RUNS runs within the budget (at least `min`), after one warm-up run:
 * CPU time of this process (user + system, the steadier figure on a machine busy with other work)
 * and wall time.
 */
async function time(fn, { warm = true, min = 3 } = {}) {
  if (warm) await fn();
  const cpu = [];
  const wall = [];
  const start = performance.now();
  while (cpu.length < MAX_RUNS && (cpu.length < min || performance.now() - start < BUDGET_MS)) {
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    await fn();
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t0);
  }
  return { median: median(cpu), wall: median(wall), n: cpu.length };
}

const frontMatterOf = (text) => {
  const fm = findFrontMatter(text);
  return fm ? text.slice(fm.contentStart, fm.contentEnd) : '';
};
const bareParse = (yaml) => parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });

const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const rows = [];
const row = (what, t, floor, note = '') => rows.push({ what, median: t.median, wall: t.wall, n: t.n, ratio: floor ? t.median / floor : undefined, note });

// The largest real episode.
const largestText = fs.readFileSync(path.join(CORPUS, LARGEST_REAL), 'utf8');
const largestYaml = frontMatterOf(largestText);
const model = parseEpisode(largestText, LARGEST_REAL);
const items = model.transcript.items;
const floor = await time(() => bareParse(largestYaml));
row(`${LARGEST_REAL} (${(Buffer.byteLength(largestText) / 1024).toFixed(0)} KB, ${items.length} items): bare YAML parse`, floor, floor.median);
row('  parse (our model)', await time(() => parseEpisode(largestText, LARGEST_REAL)), floor.median);
for (const format of FORMATS) {
  const sizes = exportEpisode(model, format[0], format[1]).text.length;
  row(`  export ${label(format)} (from the model)`, await time(() => exportEpisode(model, format[0], format[1])), floor.median, `${(sizes / 1024).toFixed(0)} KB out`);
}
row('  parse + export vtt', await time(() => exportEpisode(parseEpisode(largestText, LARGEST_REAL), 'vtt')), floor.median);
/** The episode's transcript as the site's Word document, and Import Transcript's work on it: read, then written into an empty episode and checked. */
async function docxImport(episodeText) {
  const bytes = await buildDocx(siteDocument(episodeItems(episodeText)).paragraphs);
  const run = async () => insertTranscript('', (await readDocx(bytes)).items);
  return { bytes, items: (await readDocx(bytes)).items, run };
}
const one = await docxImport(largestText);
row(`  import its transcript as .docx (${(one.bytes.byteLength / 1024).toFixed(0)} KB): read + write into an episode`, await time(one.run), floor.median, `${one.items.length} items`);
const three = await docxImport(longerEpisode(largestText, 3));
const lastSec = Math.max(...three.items.map((item) => item.sec ?? 0));
row(`  the same three times over as .docx (${(three.bytes.byteLength / 1024).toFixed(0)} KB, to ${formatTime(lastSec)})`, await time(three.run), floor.median, `${three.items.length} items`);

// The whole corpus: every episode with a transcript, parse + export (in memory).
const episodes = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'))
  .filter((text) => parseEpisode(text).transcript);
const yamls = episodes.map(frontMatterOf);
const megabytes = episodes.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
// The code is warm from the largest episode: no warm-up run here, and fewer runs (each takes seconds).
const whole = { warm: false, min: quick ? 1 : 3 };
const corpusFloor = await time(() => yamls.forEach(bareParse), whole);
row(`corpus (${episodes.length} episodes, ${megabytes.toFixed(1)} MB): bare YAML parse`, corpusFloor, corpusFloor.median);
row('  parse (our model)', await time(() => episodes.forEach((text) => parseEpisode(text)), whole), corpusFloor.median);
for (const format of FORMATS) {
  row(`  parse + export ${label(format)}`, await time(() => episodes.forEach((text) => exportEpisode(parseEpisode(text), format[0], format[1])), whole), corpusFloor.median);
}

const fixed = (ms) => ms.toFixed(ms < 10 ? 2 : 0);
const table = [
  '| step | CPU ms (median) | × bare parse | wall ms (median) | runs | |',
  '|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.what} | ${fixed(r.median)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} | ${fixed(r.wall)} | ${r.n} | ${r.note} |`),
];
const load = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const machine = `Node ${process.version}, ${os.cpus().length} cores, load ${loadBefore} before, ${load()} after`;
console.log(`transcript-convert (${machine})\n${table.join('\n')}`);

if (write && !quick) {
  const START = '<!-- convert: written by bench/convert.mjs -->';
  const END = '<!-- /convert -->';
  const file = path.join(BENCH, 'RESULTS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const section = [START, '## transcript-convert: export and .docx import', '',
    `Measured by bench/convert.mjs (${machine}): medians in one process after a warm-up, in CPU time of the process (steadier than wall time when other work shares the cores) and wall time; "× bare parse" compares CPU times with \`yaml.parseDocument\` of the same front matter(s).`, '',
    ...table, END].join('\n');
  const at = old.indexOf(START);
  const text = at >= 0 ? old.slice(0, at) + section + old.slice(old.indexOf(END) + END.length) : `${old.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, text);
  console.log('wrote its section of bench/RESULTS.md');
}

// The printed tables, bench/results.json and bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { replaceSection, sectionOf } from './sections.mjs';

const OURS = 'ours';
const OURS24 = 'ours on Node 24';
const YLS = 'yaml-language-server';
const FLOOR = 'sync-only floor';

export function machine({ node24, yamlLsVersion }) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    nodeOurs: process.version,
    nodeYamlLs: spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    yamlLanguageServer: yamlLsVersion,
    date: new Date().toISOString(),
    loadBefore: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  };
}

// ---- formatting

function ms(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  if (v < 1) return v.toFixed(2);
  if (v < 10) return v.toFixed(1);
  return Math.round(v).toLocaleString('en-US');
}
const mb = (v) => (v === undefined || Number.isNaN(v) ? '–' : `${Math.round(v)}`);
const ratio = (slow, fast) => (slow > 0 && fast > 0 ? slow / fast : NaN);
const times = (r) => (Number.isNaN(r) ? '–' : r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`);
const size = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`);

function textTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---- the tables (shared by the terminal and RESULTS.md)

const get = (row, server) => (row.servers[server] && !row.servers[server].error ? row.servers[server] : undefined);
/** A result that is a real check of the input (see servers.mjs notAnalysed): the only ones compared. */
const checked = (row, server) => (get(row, server) && !get(row, server).notAnalysed ? get(row, server) : undefined);
/** A figure of a result that was no real check of its input is shown with a star. */
const star = (row, server, text) => (get(row, server)?.notAnalysed && text !== '–' ? `${text} *` : text);
const editCell = (row, server, plan) => {
  const r = get(row, server);
  if (!r) return '–';
  return star(row, server, `${ms(r.edit.median)} / ${ms(r.edit.p95)}${r.edit.n < plan.edits ? ` (n=${r.edit.n})` : ''}`);
};

function openEditTable(report) {
  const head = ['input', 'items', 'size', 'floor parse warm (cold)', 'ours open', 'YLS open', 'YLS/ours', 'ours edit med / p95', 'YLS edit med / p95', 'YLS/ours', 'ours edit / floor', 'sync-only edit med', 'ours edit / sync-only', 'ours open / YLS open'];
  const rows = report.inputs.map((row) => {
    const o = get(row, OURS);
    const y = get(row, YLS);
    const oc = checked(row, OURS);
    const yc = checked(row, YLS);
    return [
      row.input,
      row.items.toLocaleString('en-US'),
      size(row.bytes),
      `${ms(row.floorParseMs.warm.median)} (${ms(row.floorParseMs.cold)})`,
      star(row, OURS, ms(o?.openMs)),
      star(row, YLS, ms(y?.openMs)),
      times(ratio(yc?.openMs, oc?.openMs)),
      editCell(row, OURS, report.plan),
      editCell(row, YLS, report.plan),
      times(ratio(yc?.edit.median, oc?.edit.median)),
      oc ? `${(oc.edit.median / row.floorParseMs.warm.median).toFixed(2)}` : '–',
      ms(get(row, FLOOR)?.edit.median),
      times(ratio(oc?.edit.median, get(row, FLOOR)?.edit.median)),
      oc && yc ? `${(oc.openMs / yc.openMs).toFixed(2)}×` : '–',
    ];
  });
  return { head, rows };
}

function requestTable(report) {
  const head = ['input', 'ours hover', 'YLS hover', 'ours symbols (n)', 'YLS symbols (n)', 'ours RSS MB', 'YLS RSS MB', 'ours reopen', 'YLS reopen', 'YLS verified edit', 'ours open → all findings (n)'];
  const rows = report.inputs.map((row) => {
    const o = get(row, OURS);
    const y = get(row, YLS);
    return [
      row.input,
      star(row, OURS, ms(o?.hover.median)),
      star(row, YLS, ms(y?.hover.median)),
      star(row, OURS, o ? `${ms(o.documentSymbol.median)} (${o.symbolCount})` : '–'),
      star(row, YLS, y ? `${ms(y.documentSymbol.median)} (${y.symbolCount})` : '–'),
      star(row, OURS, mb(o?.memory.afterOpenMB)),
      star(row, YLS, mb(y?.memory.afterOpenMB)),
      star(row, OURS, ms(o?.reopenWarmMs)),
      star(row, YLS, ms(y?.reopenWarmMs)),
      y ? (y.verifiedEdit.failed ? 'FAILED' : `${ms(y.verifiedEdit.median)} (n=${y.verifiedEdit.n})`) : '–',
      star(row, OURS, o?.openAll ? `${ms(o.openAll.ms)} (${o.openAll.diagnostics})` : '–'),
    ];
  });
  return { head, rows };
}

/** yaml-language-server's figures less its fixed 200 ms debounce: the work it does, for the strictest comparison. */
const DEBOUNCE_MS = 200;
function debounceTable(report) {
  const head = ['input', 'YLS open − 200', 'ours open', 'YLS/ours', 'YLS edit med − 200', 'ours edit med', 'YLS/ours', 'CPU/edit YLS', 'CPU/edit ours', 'YLS/ours'];
  const rows = report.inputs.filter((row) => checked(row, OURS) && checked(row, YLS)).map((row) => {
    const o = checked(row, OURS);
    const y = checked(row, YLS);
    return [
      row.input, ms(y.openMs - DEBOUNCE_MS), ms(o.openMs), times(ratio(y.openMs - DEBOUNCE_MS, o.openMs)),
      ms(y.edit.median - DEBOUNCE_MS), ms(o.edit.median), times(ratio(y.edit.median - DEBOUNCE_MS, o.edit.median)),
      ms(y.editCpuMs), ms(o.editCpuMs), times(ratio(y.editCpuMs, o.editCpuMs)),
    ];
  });
  return { head, rows };
}

function node24Table(report) {
  if (!report.inputs.some((row) => get(row, OURS24))) return undefined;
  const head = ['input', 'ours open (Node 20 / 24)', 'ours edit median (Node 20 / 24)', 'ours RSS MB (Node 20 / 24)'];
  const rows = report.inputs.map((row) => {
    const a = get(row, OURS);
    const b = get(row, OURS24);
    const mark = a?.notAnalysed || b?.notAnalysed ? ' *' : '';
    return [row.input, `${ms(a?.openMs)} / ${ms(b?.openMs)}${mark}`, `${ms(a?.edit.median)} / ${ms(b?.edit.median)}${mark}`, `${mb(a?.memory.afterOpenMB)} / ${mb(b?.memory.afterOpenMB)}${mark}`];
  });
  return { head, rows };
}

function corpusTable(report) {
  const c = report.corpus;
  if (!c || c.skipped) return undefined;
  const head = ['what', 'median ms', 'best ms', '× floor (median)'];
  const rows = [
    ['yaml.parseDocument of the front matters (floor)', ms(c.floorMs.median), ms(c.floorMs.best), '1.00'],
    ['transcript-lint, in process', ms(c.lintInProcessMs.median), ms(c.lintInProcessMs.best), c.ratioInProcess.toFixed(2)],
    ['transcript-lint, child process (Node start-up included)', ms(c.lintChildProcessMs.median), ms(c.lintChildProcessMs.best), c.ratioChildProcess.toFixed(2)],
  ];
  if (c.cpuMs) rows.push(['transcript-lint in process vs floor, CPU time (user + system)', `${ms(c.cpuMs.lintInProcess)} vs ${ms(c.cpuMs.floor)}`, '', c.cpuMs.ratio.toFixed(2)]);
  if (c.spellingCpuMs) {
    const s = c.spellingCpuMs;
    rows.push(['child process with name-spelling and term-spelling vs without them, CPU time (their cost, issue 25)', `${ms(s.with)} vs ${ms(s.without)}`, '', `${s.ratio.toFixed(2)} (with / without)`]);
  }
  return { head, rows };
}

/** The issue's targets (issue 7), each with the measured figure and met / not met. */
export function targets(report) {
  const list = [];
  const byKind = (pred) => report.inputs.find(pred);
  const real = byKind((r) => r.kind === 'real');
  const big = byKind((r) => r.items === 50_000);
  const check = (target, value, ok, note = '') => list.push({ target, measured: value, met: ok, note });
  // A figure of a server that did not check the input meets nothing.
  const refused = (row, server) => `not measurable: ${server} did not check it (${get(row, server).notAnalysed})`;
  const T1 = 'edit → fresh diagnostics, median ≤ 5 ms on the largest real episode';
  if (real && checked(real, OURS)) {
    const v = checked(real, OURS).edit.median;
    check(T1, `${ms(v)} ms`, v <= 5);
  } else check(T1, real && get(real, OURS) ? refused(real, OURS) : 'not measured (no corpus)', real && get(real, OURS) ? false : null);
  const T2 = 'edit → fresh diagnostics, median ≤ 25 ms at 50,000 items';
  if (big && checked(big, OURS)) {
    const v = checked(big, OURS).edit.median;
    check(T2, `${ms(v)} ms`, v <= 25);
  } else check(T2, big && get(big, OURS) ? refused(big, OURS) : 'not measured (--quick?)', big && get(big, OURS) ? false : null);
  const compared = report.inputs.filter((r) => get(r, OURS) && get(r, YLS));
  const ratios = compared.filter((r) => checked(r, OURS) && checked(r, YLS)).map((r) => ({
    input: r.input,
    open: ratio(checked(r, YLS).openMs, checked(r, OURS).openMs),
    edit: ratio(checked(r, YLS).edit.median, checked(r, OURS).edit.median),
  }));
  const uncompared = compared.filter((r) => !checked(r, OURS) || !checked(r, YLS)).map((r) => r.input);
  const also = uncompared.length ? `; not comparable, as a server did not check it: ${uncompared.join(', ')}` : '';
  if (ratios.length) {
    const worstOpen = ratios.reduce((a, b) => (b.open < a.open ? b : a));
    const worstEdit = ratios.reduce((a, b) => (b.edit < a.edit ? b : a));
    check('≥ 10× faster than yaml-language-server on every input, open', `lowest ${times(worstOpen.open)} (${worstOpen.input})${also}`, worstOpen.open >= 10 && !uncompared.length);
    check('≥ 10× faster than yaml-language-server on every input, edit', `lowest ${times(worstEdit.edit)} (${worstEdit.input})${also}`, worstEdit.edit >= 10 && !uncompared.length);
  }
  const c = report.corpus;
  if (c && !c.skipped) {
    check('corpus through transcript-lint ≤ 1.5× the bare parse', `${c.ratioInProcess.toFixed(2)}× in process${c.cpuMs ? ` (${c.cpuMs.ratio.toFixed(2)}× in CPU time)` : ''}, ${c.ratioChildProcess.toFixed(2)}× as a child process`, c.ratioInProcess <= 1.5,
      'judged on the in-process figure (same work as the floor plus discovery, reads, rules, output); the child process adds Node start-up');
  } else check('corpus through transcript-lint ≤ 1.5× the bare parse', 'not measured (no corpus)', null);
  const T5 = 'server memory ≤ 150 MB with the 50,000-item episode open';
  if (big && checked(big, OURS)) {
    const v = checked(big, OURS).memory.afterOpenMB;
    check(T5, `${mb(v)} MB RSS (peak ${mb(checked(big, OURS).memory.peakMB)} MB)`, v <= 150);
  } else if (big && get(big, OURS)) check(T5, refused(big, OURS), false);
  return list;
}

/** What the stars mean: results that were no real check of their input. */
function starNotes(report) {
  const notes = [];
  for (const row of report.inputs) {
    for (const [name, r] of Object.entries(row.servers)) if (r.notAnalysed) notes.push(`* ${row.input}, ${name}: not a check of the input, so not compared: ${r.notAnalysed}`);
  }
  return notes;
}

const verdict = (t) => (t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met');

export function printTables(report) {
  const out = [];
  const m = report.machine;
  out.push(`\n${m.cpu}, ${m.cores} cores; ours on Node ${m.nodeOurs}, yaml-language-server ${m.yamlLanguageServer} (YLS) on Node ${m.nodeYamlLs}; load ${m.loadBefore} -> ${m.loadAfter}`);
  out.push(`yaml-language-server validates with the schema: ${report.schemaCheck.ok ? 'yes' : 'NO (its figures are not trustworthy)'}\n`);
  const a = openEditTable(report);
  out.push('Open -> first diagnostics, one-character edit -> fresh diagnostics (ms)', textTable(a.head, a.rows), '');
  const d = debounceTable(report);
  out.push('The same without yaml-language-server\'s 200 ms debounce (its work only), and server CPU time per edit (ms)', textTable(d.head, d.rows), '');
  out.push(...starNotes(report), '');
  const b = requestTable(report);
  out.push('Hover, documentSymbol (ms, symbols returned), RSS after open, warm reopen (ms)', textTable(b.head, b.rows), '');
  const n = node24Table(report);
  if (n) out.push('Ours on Node 20 and on Node 24 (the Node version is not what makes the difference)', textTable(n.head, n.rows), '');
  const c = corpusTable(report);
  out.push(c ? `transcript-lint over the corpus (${report.corpus.files} files, ${report.corpus.megabytes} MB), ${report.corpus.runs} runs\n${textTable(c.head, c.rows)}` : `corpus: ${report.corpus?.skipped}`, '');
  out.push('Targets (issue 7)');
  for (const t of targets(report)) out.push(`  ${verdict(t).padEnd(12)} ${t.target}: ${t.measured}`);
  for (const row of report.inputs) {
    const p = row.servers[OURS]?.profile;
    if (!p) continue;
    const lines = (list) => list.slice(0, 8).map((x) => `  ${(x.share * 100).toFixed(1).padStart(5)} %  ${x.name}`);
    out.push('', `Profile of ours, ${row.input}: ${p.file}`);
    out.push(`whole process (${p.top.busyMs} ms busy, GC ${p.top.gcMs} ms), by module:`, ...lines(p.top.modules));
    if (p.open) out.push(`the open only (${p.open.busyMs} ms busy, GC ${p.open.gcMs} ms), by module:`, ...lines(p.open.modules), 'by function:', ...lines(p.open.functions));
    if (p.edits) out.push(`the ${report.plan.edits} measured edits only (${p.edits.busyMs} ms busy, GC ${p.edits.gcMs} ms), by module:`, ...lines(p.edits.modules), 'by function:', ...lines(p.edits.functions));
  }
  console.log(out.join('\n'));
}

export function writeReports(report, dir) {
  const json = JSON.parse(JSON.stringify(report, (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value)));
  // Absolute paths of this machine do not belong in the committed file.
  for (const row of json.inputs) for (const s of Object.values(row.servers)) if (s.profile) s.profile.file = path.basename(s.profile.file);
  // Text from the real episodes (quoted in messages and hovers) never goes into the project.
  for (const row of json.inputs) {
    if (row.kind === 'synthetic') continue;
    for (const s of Object.values(row.servers)) {
      delete s.openFirst;
      delete s.hoverSample;
    }
  }
  if (json.corpus) delete json.corpus.output;
  json.targets = targets(report);
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  const file = path.join(dir, 'RESULTS.md');
  // bench/audio.mjs's section is kept as it was (that bench is run on its own: it takes minutes).
  const audio = sectionOf(file, AUDIO_START, AUDIO_END);
  const text = keepBrowserWorkerSection(file, markdown(report));
  writeFileSync(file, audio ? replaceSection(text, AUDIO_START, AUDIO_END, audio) : text);
}

export const AUDIO_START = '<!-- audio: written by bench/audio.mjs -->';
export const AUDIO_END = '<!-- /audio -->';
export const BROWSER_START = '<!-- browser-worker: written by bench/browser.mjs -->';
export const BROWSER_END = '<!-- /browser-worker -->';

/** `text` with the browser-worker section of `file` (bench/browser.mjs's) put in place of the old one, or added. */
export function keepBrowserWorkerSection(file, text, section) {
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = section ?? (old.includes(BROWSER_START) ? old.slice(old.indexOf(BROWSER_START), old.indexOf(BROWSER_END) + BROWSER_END.length) : '');
  const at = text.indexOf(BROWSER_START);
  const base = at >= 0 ? text.slice(0, at).trimEnd() + text.slice(text.indexOf(BROWSER_END) + BROWSER_END.length) : text;
  return kept ? `${base.trimEnd()}\n\n${kept}\n` : base;
}

function markdown(report) {
  const m = report.machine;
  const a = openEditTable(report);
  const b = requestTable(report);
  const n = node24Table(report);
  const c = corpusTable(report);
  const sc = report.schemaCheck;
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.mjs); do not edit by hand. How each figure is measured: [README.md](README.md). All figures in the same run, on the same inputs.',
    '',
    '## Machine',
    '',
    `| | |`,
    `|---|---|`,
    `| CPU | ${m.cpu} (/proc/cpuinfo), ${m.cores} cores, ${m.memoryGB} GB |`,
    `| OS | ${m.kernel} |`,
    `| our server | out/server/src/main.js (tsc output) on Node ${m.nodeOurs}, \`transcripts.limits.frontMatterKB\`: ${report.oursFrontMatterKB} (the default 512 KB refuses the 10,000- and 50,000-item inputs) |`,
    `| yaml-language-server | ${m.yamlLanguageServer} on Node ${m.nodeYamlLs} (it needs Node ≥ 22) |`,
    `| date | ${m.date} |`,
    `| commit | ${m.git.commit}${m.git.serverChanges ? ` (+ ${m.git.serverChanges} uncommitted changes under server/)` : ''} |`,
    `| load average | ${m.loadBefore} before, ${m.loadAfter} after${Number(m.loadBefore.split(' ')[0]) > 1 ? ' (other work was running: noisy)' : ''} |`,
    `| duration | ${m.durationS} s |`,
    `| edits | ${report.plan.edits} measured per server and input (after ${report.plan.warmEdits} warm-up edits) |`,
    '',
    '## Does yaml-language-server really validate?',
    '',
    sc.ok
      ? `Yes. A made-up front matter with ${sc.expectedLines.length} deliberate schema errors got errors on exactly those lines (${sc.messages.map((x) => `\`${x}\``).join(', ')}). On the synthetic inputs it reports the two planted schema violations (malformed \`time\`, negative \`sec\`); the content-verified edits below show its diagnostics follow each edit.`
      : `**No**: expected errors on lines ${sc.expectedLines}, got ${sc.reportedLines}. Its figures below are not trustworthy.`,
    '',
    '## Open and edit (ms)',
    '',
    'YLS = yaml-language-server. "floor parse" is bare `yaml.parseDocument` of the same front matter in the bench process, warm (median), and in brackets the first parse in a fresh Node process (cold, as our first open is). "YLS/ours" is how many times longer yaml-language-server takes. Edit figures include yaml-language-server\'s fixed 200 ms debounce (see README.md for why and the figure without it). "sync-only" is a server that keeps the document in sync and publishes empty diagnostics (bench/lib/floorServer.mjs): the floor of an edit, what messaging and the text sync cost before any checking.',
    '',
    mdTable(a.head, a.rows),
    '',
    ...starNotes(report).map((n) => `\\${n}\n`),
    '### Without yaml-language-server\'s debounce',
    '',
    'yaml-language-server validates 200 ms after the last change (fixed). Its figures less those 200 ms are the work it does; this is the strictest comparison (ours is measured as it is, with whatever scheduling it uses). "CPU/edit" is the CPU time (user + system, from /proc/<pid>/stat) the server process used over the measured edits, divided by their number: the work done, whatever else runs on the machine.',
    '',
    mdTable(debounceTable(report).head, debounceTable(report).rows),
    '',
    '## Hover, documentSymbol, memory, warm reopen, all findings after open',
    '',
    'Hover on the `line` key of the middle item; documentSymbol of the whole document (n = symbols returned, children included: yaml-language-server stops at `yaml.maxItemsComputed`, 5,000 by default; ours caps the outline itself). RSS = VmRSS of the server process after the first diagnostics. "reopen" = close and open again in the same process (warm). "YLS verified edit" = edits that break and mend a `sec` value, timed until the diagnostics show the change. "ours open → all findings" = from `didOpen` to the last publish for version 1 (ours publishes the names and terms rules\' findings once the dictionaries are loaded, after the first diagnostics; n = diagnostics then).',
    '',
    mdTable(b.head, b.rows),
    '',
  ];
  if (n) lines.push('## Ours on Node 20 and on Node 24', '', 'The same server under the Node that runs yaml-language-server, to show the comparison is not about the Node version.', '', mdTable(n.head, n.rows), '');
  lines.push('## transcript-lint over the corpus vs the floor', '');
  if (c) {
    lines.push(`${report.corpus.files} files, ${report.corpus.megabytes} MB, ${report.corpus.runs} runs, measured by bench/lint-corpus.mjs (Node ${m.nodeOurs}): the floor is bare \`yaml.parseDocument\` of the already-read front matters; "in process" is transcript-lint's \`run()\` (discovery, reads, parse, rules, positions, JSON output); "child process" adds Node's start-up.`, '', mdTable(c.head, c.rows), '');
  } else lines.push(`Skipped: ${report.corpus?.skipped}`, '');
  lines.push('## Targets (issue 7)', '', mdTable(['target', 'measured', 'verdict'], targets(report).map((t) => [t.target, t.measured + (t.note ? ` (${t.note})` : ''), verdict(t)])), '');
  const details = [];
  for (const row of report.inputs) {
    for (const [name, s] of Object.entries(row.servers)) {
      if (s.error) {
        details.push(`| ${row.input} | ${name} | failed: ${s.error} |`);
        continue;
      }
      const v = s.verifiedEdit;
      details.push(`| ${row.input} | ${name} | diagnostics at open: ${s.openDiagnostics} (${Object.entries(s.openMessages).map(([k, x]) => `${k} ×${x}`).join(', ') || 'none'})${s.openAll && s.openAll.ms > s.openMs ? `, all ${s.openAll.diagnostics} at ${ms(s.openAll.ms)} (a later publish for version 1)` : ''}; first edits (warm-up): ${s.editWarmupMs.map(ms).join(', ')}; edit min/max ${ms(s.edit.min)}/${ms(s.edit.max)}; CPU time at open ${ms(s.openCpuMs)}, per edit ${ms(s.editCpuMs)}; verified edit ${v.failed ? `FAILED: ${v.failed}` : `median ${ms(v.median)}, n=${v.n}, diagnostics skipped before the right one: ${v.skippedPublishes}`}; hover answered: ${s.hoverAnswered ? 'yes' : 'no'}; RSS before open ${mb(s.memory.beforeOpenMB)} MB, at end ${mb(s.memory.endMB)} MB, peak ${mb(s.memory.peakMB)} MB |`);
    }
  }
  lines.push('## Details', '', '| input | server | |', '|---|---|---|', ...details, '');
  if (report.skippedInputs.length) lines.push('Skipped inputs: ' + report.skippedInputs.join('; '), '');
  return `${lines.join('\n')}\n`;
}

/** Ours in a browser worker beside ours on Node, from bench/browser.mjs: `{ text, markdown }`. */
export function browserWorkerTable(report) {
  const head = ['input', 'Node open', 'worker open', 'Node edit med / p95', 'worker edit med / p95', 'Node hover', 'worker hover', 'diagnostics (Node / worker)'];
  const rows = report.rows.map(({ input, node, worker }) => [
    input, ms(node.openMs), ms(worker.openMs),
    `${ms(node.edit.median)} / ${ms(node.edit.p95)}`, `${ms(worker.edit.median)} / ${ms(worker.edit.p95)}`,
    ms(node.hover.median), ms(worker.hover.median), `${node.openDiagnostics} / ${worker.diagnostics}`,
  ]);
  const about = `Ours on Node ${report.node} (stdio, out/server/src/main.js) and in a Web Worker of ${report.browser?.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} `
    + '(dist/browser/server.js, postMessage), in one run; ms, wall time from sending to the diagnostics of that version (edits: '
    + `${report.rows[0]?.worker.edit.n ?? 0} one-character edits 50 ms apart, after 3 warm-up edits; hover: median). `
    + `Load average ${report.loadBefore} before, ${report.loadAfter} after; ${report.date}.`;
  return {
    text: `Ours in a browser worker beside ours on Node (ms)\n${textTable(head, rows)}\n${about}`,
    markdown: `## In a browser worker (VS Code for the Web)\n\nWritten by \`node bench/browser.mjs\`. ${about}\n\n${mdTable(head, rows)}\n`,
  };
}

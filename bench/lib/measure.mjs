// One server, one input: open -> first diagnostics, one-character edits -> fresh diagnostics,
// content-verified edits, hover, documentSymbol, memory. Every figure is wall time in the bench
// process from sending the message to receiving the answer (or the diagnostics), in ms.
import { performance } from 'node:perf_hooks';
import { LspServer, sleep } from './lsp.mjs';
import { summary } from './stats.mjs';

/** Pause between two edits, so that each is measured on its own and not on a backlog (a fast typist's pace is 100-200 ms a key). */
const EDIT_GAP_MS = 50;

/**
 * Runs `once` at least `min` and at most `max` times, stopping after `min` once `budgetMs` is spent
 * (so that a request taking seconds on a huge file does not take minutes).
 */
async function sample(once, { min, max, budgetMs }) {
  const times = [];
  const start = performance.now();
  while (times.length < max && (times.length < min || performance.now() - start < budgetMs)) times.push(await once(times.length));
  return times;
}

/**
 * @param {object} server  { name, node, args, settings, versioned, doc: 'md' | 'yaml' }
 * @param {object} input   from inputs.mjs
 * @param {object} plan    { edits, warmEdits, verified: {min,max,budgetMs}, requests: {min,max,budgetMs} }
 */
export async function measure(server, input, plan) {
  // CLOCK_MONOTONIC in µs, the clock of V8's .cpuprofile timestamps: lets --profile isolate the open and the edits.
  const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
  const doc = input[server.doc];
  const s = new LspServer(server);
  try {
    await s.initialize(server.rootUri ?? null);
    // yaml-language-server pulls its settings after `initialized` and applies them asynchronously;
    // opening before that would validate without the schema.
    await s.settle(300, server.configRequestsBeforeOpen ?? 0);
    const baseline = s.memory();

    // Open -> first diagnostics (cold: the first document this process sees).
    let from = s.published.length;
    const cpuBeforeOpen = s.cpuMs();
    const openWindowUs = [monotonicUs()];
    let t0 = performance.now();
    s.open(doc.uri, doc.languageId, doc.text, 1);
    const first = await s.diagnostics(doc.uri, from, (p) => !server.versioned || p.version === 1);
    const open = first.at - t0;
    openWindowUs.push(monotonicUs());
    const openCpu = s.cpuMs() - cpuBeforeOpen;
    await sleep(200); // let the process settle (GC, any late second publish) before reading memory
    const afterOpen = s.memory();
    // A server may publish the first findings and the slower ones later for the same version (ours:
    // names and terms once the dictionaries are loaded): "all findings" is the last publish for
    // version 1 before 5 s pass without one (loading the dictionaries takes over a second on a busy machine).
    let last = first;
    for (let seen = s.published.indexOf(first) + 1; ; seen = s.published.length) {
      await sleep(5000);
      const later = s.published.slice(seen).filter((p) => p.uri === doc.uri && (!server.versioned || p.version === 1));
      if (later.length === 0 || performance.now() - t0 > 60_000) break;
      last = later.at(-1);
    }
    const openAll = { ms: last.at - t0, diagnostics: last.diagnostics.length };
    const openDiagnostics = first.diagnostics;
    const openMessages = countMessages(openDiagnostics);
    const openFirst = openDiagnostics.slice(0, 3).map((d) => `${d.range.start.line + 1}: ${d.code !== undefined ? `[${d.code}] ` : ''}${d.message.split('\n')[0]}`);
    // A server that did not check the input will not flag the broken `sec` either: skip that series.
    const notAnalysed = server.notAnalysed?.(input, { openMessages, openFirst, openDiagnostics: openDiagnostics.length });

    // One-character edits inside the middle `line` value: insert a letter, then delete it, and so on.
    // Each waits for the diagnostics of its own version (ours) or, for a server that publishes no
    // version, the first diagnostics published after the change; the next edit is sent only then,
    // so nothing older can still be in flight.
    let version = 1;
    const edit = async (range, text, accept = () => true, timeoutMs = 120_000) => {
      await sleep(EDIT_GAP_MS);
      version++;
      const v = version;
      from = s.published.length;
      t0 = performance.now();
      s.change(doc.uri, v, range, text);
      const p = await s.diagnostics(doc.uri, from, (q) => (!server.versioned || q.version === v) && accept(q), timeoutMs);
      // How many diagnostics for this document came in between and were not accepted.
      const skipped = s.published.slice(from).filter((q) => q.uri === doc.uri && q.at < p.at).length;
      return { ms: p.at - t0, published: p, skipped };
    };
    const at = doc.edit;
    const next = { line: at.line, character: at.character + 1 };
    const oneChar = async (k) => (k % 2 === 0 ? edit({ start: at, end: at }, 'q') : edit({ start: at, end: next }, ''));
    const warm = [];
    for (let k = 0; k < plan.warmEdits; k++) warm.push((await oneChar(k)).ms);
    const edits = [];
    const extraPublishes = [];
    const editWindowUs = [monotonicUs()];
    const cpuBeforeEdits = s.cpuMs();
    // `plan.edits` edits, but a server taking seconds per edit stops after `plan.minEdits` once
    // `plan.editBudgetMs` is spent (the bench is meant to stay near 10 minutes); n says how many.
    const editsStart = performance.now();
    for (let k = plan.warmEdits; k < plan.warmEdits + plan.edits; k++) {
      if (edits.length >= plan.minEdits && performance.now() - editsStart > plan.editBudgetMs) break;
      const r = await oneChar(k);
      edits.push(r.ms);
      if (r.published.diagnostics.length !== openDiagnostics.length) extraPublishes.push(r.published.diagnostics.length);
    }
    editWindowUs.push(monotonicUs());
    const editCpu = (s.cpuMs() - cpuBeforeEdits) / edits.length;
    if ((plan.warmEdits + edits.length) % 2 === 1) await oneChar(1); // leave the text as it was opened

    // Content-verified edits: append `x` to the middle item's `sec` value (one character, which makes
    // it a string: a schema error in both servers), then delete it. Each waits until the published
    // diagnostics show (or no longer show) an error on that line: proof they describe the new text.
    const secLine = doc.secEnd.line;
    const flagged = (p) => p.diagnostics.some((d) => d.range.start.line === secLine);
    const mend = { start: doc.secEnd, end: { line: secLine, character: doc.secEnd.character + 1 } };
    let verifiedError;
    let skippedPublishes = 0;
    if (notAnalysed) verifiedError = 'skipped: the server did not check this input';
    const verified = notAnalysed ? [] : await sample(async (k) => {
      const broken = k % 2 === 0;
      const r = await edit(broken ? { start: doc.secEnd, end: doc.secEnd } : mend, broken ? 'x' : '', (p) => flagged(p) === broken, 30_000);
      skippedPublishes += r.skipped;
      return r.ms;
    }, plan.verified).catch((e) => {
      verifiedError = e.message;
      return [];
    });
    if (verified.length % 2 === 1) await edit(mend, '', (p) => !flagged(p));

    // Hover on the middle item's `line` key, documentSymbol: request -> response.
    let hoverResult;
    const hovers = await sample(async () => {
      const [result, ms] = await s.timed('textDocument/hover', { textDocument: { uri: doc.uri }, position: doc.hover });
      hoverResult = result;
      return ms;
    }, plan.requests);
    let symbolResult;
    const symbols = await sample(async () => {
      const [result, ms] = await s.timed('textDocument/documentSymbol', { textDocument: { uri: doc.uri } });
      symbolResult = result;
      return ms;
    }, plan.requests);
    const end = s.memory();

    // Open again after closing (warm: the process has run this code before).
    s.close(doc.uri);
    await sleep(200);
    from = s.published.length;
    t0 = performance.now();
    s.open(doc.uri, doc.languageId, doc.text, 1);
    const reopened = await s.diagnostics(doc.uri, from, (p) => (!server.versioned || p.version === 1) && p.diagnostics.length === openDiagnostics.length);
    return {
      server: server.name,
      input: input.name,
      openMs: open,
      openCpuMs: openCpu,
      openWindowUs,
      openAll,
      openDiagnostics: openDiagnostics.length,
      openMessages,
      openFirst,
      editWarmupMs: warm,
      edit: summary(edits),
      editCpuMs: editCpu,
      editWindowUs,
      editDiagnosticsChanged: extraPublishes.length,
      verifiedEdit: verifiedError ? { failed: verifiedError } : { ...summary(verified), skippedPublishes },
      reopenWarmMs: reopened.at - t0,
      hover: summary(hovers),
      hoverAnswered: hoverText(hoverResult).length > 0,
      hoverSample: hoverText(hoverResult).slice(0, 80),
      documentSymbol: summary(symbols),
      symbolCount: countSymbols(symbolResult),
      memory: { beforeOpenMB: baseline.rssMB, afterOpenMB: afterOpen.rssMB, endMB: end.rssMB, peakMB: end.hwmMB },
    };
  } finally {
    await s.stop();
  }
}

function countSymbols(list) {
  if (!Array.isArray(list)) return 0;
  return list.reduce((n, s) => n + 1 + countSymbols(s.children), 0);
}

function hoverText(hover) {
  if (!hover) return '';
  const c = hover.contents;
  const text = typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : c.value;
  return text.replace(/\s+/g, ' ').trim();
}

function countMessages(diagnostics) {
  const counts = {};
  for (const d of diagnostics) {
    const key = d.code !== undefined ? String(d.code) : d.message.split('\n')[0].slice(0, 60);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

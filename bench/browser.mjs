#!/usr/bin/env node
// `node bench/browser.mjs`: our server in a browser Web Worker (as VS Code for the Web runs it)
// beside the same server on Node, in one run, on the seed and the largest real episode, and
// writes the figures into the "In a browser worker" section of bench/RESULTS.md.
// Needs npm run build and bash test/web/setup.sh. A benchmark: it never fails on a figure.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { browserWorkerMissing, measureBrowserWorker } from './lib/browserWorker.mjs';
import { collectInputs } from './lib/inputs.mjs';
import { measure } from './lib/measure.mjs';
import { BENCH } from './lib/paths.mjs';
import { BROWSER_END, BROWSER_START, browserWorkerTable, keepBrowserWorkerSection } from './lib/report.mjs';
import { ourServer } from './lib/servers.mjs';

const plan = { edits: 50, minEdits: 20, editBudgetMs: 90_000, warmEdits: 3, verified: { min: 2, max: 2, budgetMs: 5_000 }, requests: { min: 5, max: 20, budgetMs: 5_000 } };
const log = (line) => process.stderr.write(`[bench] ${line}\n`);

const missing = browserWorkerMissing();
if (missing) {
  console.error(`bench: ${missing}`);
  process.exit(2);
}
const { inputs, skipped } = collectInputs({ sizes: [] });
for (const reason of skipped) log(`skipped ${reason}`);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = load();
const server = ourServer();
const rows = [];
for (const input of inputs) {
  log(`${input.name}: ours on Node ...`);
  const node = await measure(server, input, plan);
  rows.push({ input: input.name, node });
}
log('the same in a browser worker (Chromium) ...');
const worker = await measureBrowserWorker(inputs, plan, server.settings);
for (const [i, row] of rows.entries()) row.worker = worker[i];
const report = { loadBefore, loadAfter: load(), date: new Date().toISOString(), browser: worker[0]?.userAgent, node: process.version, rows };
const table = browserWorkerTable(report);
console.log(`\n${table.text}`);

// Replace (or add) this script's section of RESULTS.md; the rest is npm run bench's.
const file = path.join(BENCH, 'RESULTS.md');
writeFileSync(file, keepBrowserWorkerSection(file, readFileSync(file, 'utf8'), `${BROWSER_START}\n${table.markdown}\n${BROWSER_END}`));
log('wrote the browser-worker section of bench/RESULTS.md');

// Our server as VS Code for the Web runs it: dist/browser/server.js in a Web Worker of Debian's
// Chromium (playwright-core from test/web, installed by test/web/setup.sh), LSP over postMessage.
// The page drives it the way measure.mjs drives the Node server: open, then one-character edits
// 50 ms apart, each timed to the diagnostics of its version, then hover; all timed in the page.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './paths.mjs';
import { summary } from './stats.mjs';

export const WORKER_SERVER = path.join(ROOT, 'dist', 'browser', 'server.js');
const WEB_TOOLS = path.join(ROOT, 'test', 'web', 'package.json');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** Why the browser worker cannot be measured here, or undefined. */
export function browserWorkerMissing() {
  if (!existsSync(WORKER_SERVER)) return `${WORKER_SERVER} is missing (run npm run build)`;
  if (!existsSync(path.join(ROOT, 'test', 'web', 'node_modules', 'playwright-core'))) return 'playwright-core is missing (run bash test/web/setup.sh)';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (run bash test/web/setup.sh)`;
  return undefined;
}

/**
 * @param {object[]} inputs from inputs.mjs (their `md` document is used, as for ours on Node)
 * @param {{ edits: number, warmEdits: number, requests: { min: number } }} plan
 */
export async function measureBrowserWorker(inputs, plan, settings) {
  const { chromium } = createRequire(WEB_TOOLS)('playwright-core');
  const script = readFileSync(WORKER_SERVER);
  const http = createServer((req, res) => {
    if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const results = [];
    for (const input of inputs) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${http.address().port}/`);
      const doc = input.md;
      const raw = await page.evaluate(drive, { uri: doc.uri, text: doc.text, edit: doc.edit, hover: doc.hover, edits: plan.edits, warm: plan.warmEdits, hovers: plan.requests.min, settings });
      await page.close();
      results.push({ input: input.name, openMs: raw.open, diagnostics: raw.diagnostics, edit: summary(raw.edits), hover: summary(raw.hovers), userAgent: raw.userAgent });
    }
    return results;
  } finally {
    await browser.close();
    http.close();
  }
}

/** Runs in the page: a bare JSON-RPC client to the worker. */
async function drive({ uri, text, edit, hover, edits, warm, hovers, settings }) {
  const worker = new Worker('/server.js');
  let nextId = 1;
  const pending = new Map();
  const published = [];
  let wake = () => {};
  worker.onmessage = ({ data: m }) => {
    if (m.id !== undefined && m.method === undefined) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      published.push({ ...m.params, at: performance.now() });
      wake();
    } else if (m.id !== undefined) {
      // Requests from the server: its settings; null for the rest (no file system here: the
      // browser host's file requests find nothing, as in a folder without other episodes).
      const result = m.method === 'workspace/configuration' ? m.params.items.map((i) => settings[i.section] ?? null) : null;
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    }
  };
  const request = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  const diagnosticsOf = async (version) => {
    for (;;) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) return found;
      await new Promise((resolve) => { wake = resolve; setTimeout(resolve, 1000); });
    }
  };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  await request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } } });
  notify('initialized', {});
  await sleep(300);
  let t0 = performance.now();
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const first = await diagnosticsOf(1);
  const open = first.at - t0;
  let version = 1;
  const times = [];
  const next = { line: edit.line, character: edit.character + 1 };
  for (let k = 0; k < warm + edits; k++) {
    await sleep(50);
    version++;
    const range = k % 2 === 0 ? { start: edit, end: edit } : { start: edit, end: next };
    t0 = performance.now();
    notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: k % 2 === 0 ? 'q' : '' }] });
    const p = await diagnosticsOf(version);
    if (k >= warm) times.push(p.at - t0);
  }
  const hoverTimes = [];
  for (let k = 0; k < hovers; k++) {
    t0 = performance.now();
    await request('textDocument/hover', { textDocument: { uri }, position: hover });
    hoverTimes.push(performance.now() - t0);
  }
  worker.terminate();
  return { open, diagnostics: first.diagnostics.length, edits: times, hovers: hoverTimes, userAgent: navigator.userAgent };
}

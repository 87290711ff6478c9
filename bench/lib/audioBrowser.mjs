// The speech analysis and the waveform lane in Debian's Chromium (playwright-core from test/web), for
// bench/audio.mjs: (1) the analysis in a Web Worker running dist/browser/server.js, as VS Code for the
// Web runs it, the media's bytes answered to its transcripts/fs/readBytes by the page (as the extension
// answers them from vscode.workspace.fs), its cache kept by the page; (2) the player's page
// (client/media/player.js and dist/media/waveform.js) drawing the lane from cached peaks, timed by the
// performance measures the lane makes ('waveform-draw', 'waveform-zoom').
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { ROOT } from './paths.mjs';

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** Serves `files` (URL path → file or Buffer) from 127.0.0.1; a `/` page with `html`. */
async function serve(files, html) {
  const http = createServer((req, res) => {
    const file = files[req.url];
    if (file === undefined) return void res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    const type = req.url.endsWith('.js') ? 'text/javascript' : req.url.endsWith('.css') ? 'text/css' : 'audio/mpeg';
    res.writeHead(200, { 'content-type': type }).end(Buffer.isBuffer(file) ? file : readFileSync(file));
  });
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { http, url: `http://127.0.0.1:${http.address().port}/` };
}

async function withChromium(files, html, fn) {
  const { chromium } = createRequire(path.join(ROOT, 'test', 'web', 'package.json'))('playwright-core');
  const { http, url } = await serve(files, html);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    return { ...(await fn(page)), userAgent: await page.evaluate(() => navigator.userAgent) };
  } finally {
    await browser.close();
    http.close();
  }
}

/**
 * The analysis of `mp3` in the worker, then again from the cache the page kept: wall times in ms
 * (`readMs`: the page's fetch of the bytes, inside `analyseMs`), Chromium's CPU seconds over both
 * (`cpu`: every process of the browser, the worker's renderer among them) and the analysis's result.
 */
export function measureWorkerAnalysis(mp3) {
  const { size, mtimeMs } = statSync(mp3);
  return withChromium({ '/server.js': path.join(ROOT, 'dist', 'browser', 'server.js'), '/episode.mp3': mp3 }, '<!doctype html><title>bench</title>',
    async (page) => {
      const cpu = childrenCpu();
      const result = await page.evaluate(analyseInWorker, { size, mtime: mtimeMs });
      return { ...result, cpu: childrenCpu() - cpu };
    });
}

/** CPU seconds (user and system) of this process's descendants: Chromium's processes, whose renderer runs the worker. */
function childrenCpu() {
  const stats = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      // After the command's closing parenthesis: state, ppid, …, utime (14th field), stime (15th).
      const fields = readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      return [{ pid: Number(d), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return []; // Gone meanwhile.
    }
  });
  const tree = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  // Clock ticks of 1/100 s (USER_HZ on Linux).
  return stats.filter((p) => tree.has(p.pid) && p.pid !== process.pid).reduce((sum, p) => sum + p.ticks, 0) / 100;
}

/** Runs in the page: a bare JSON-RPC client of the worker, answering its file and cache requests. */
async function analyseInWorker({ size, mtime }) {
  const worker = new Worker('/server.js');
  const cache = new Map();
  let readMs = 0;
  let nextId = 1;
  const pending = new Map();
  const answer = {
    'workspace/configuration': (p) => p.items.map(() => null),
    'transcripts/fs/stat': () => ({ isFile: true, size, mtime }),
    'transcripts/fs/readBytes': async () => {
      const t0 = performance.now();
      const bytes = new Uint8Array(await (await fetch('/episode.mp3')).arrayBuffer());
      readMs += performance.now() - t0;
      return bytes;
    },
    'transcripts/audioCache/read': (p) => cache.get(p.key) ?? null,
    'transcripts/audioCache/write': (p) => void cache.set(p.key, p.text) ?? null,
  };
  worker.onmessage = async ({ data: m }) => {
    if (m.id !== undefined && m.method === undefined) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    } else if (m.id !== undefined) {
      const result = (await answer[m.method]?.(m.params)) ?? null;
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    }
  };
  const request = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  await request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } });
  worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
  const media = 'file:///bench/episode.mp3';
  let t0 = performance.now();
  const first = await request('transcripts/audioAnalysis', { media });
  const analyseMs = performance.now() - t0;
  t0 = performance.now();
  const again = await request('transcripts/audioAnalysis', { media });
  const cachedMs = performance.now() - t0;
  worker.terminate();
  if (!first.ok) throw new Error(`the worker's analysis failed: ${first.message}`);
  return { analyseMs, readMs, cachedMs, cached: again.cached, analysis: first.analysis };
}

/** The player page's body as client/src/player/panel.ts writes it (the elements player.js and waveform.js use). */
const PLAYER_PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="/player.css"><title>Player</title></head>
<body><main>
  <p id="file" class="file"></p><div id="media"></div>
  <div class="controls"><button id="back"></button><button id="play" disabled>Play</button><button id="forward"></button><span id="time" class="time"></span></div>
  <input id="seek" type="range" min="0" max="0" step="0.1" value="0" disabled>
  <section class="lane"><div id="waveform" class="waveform"></div><p id="lane-note" class="lane-note" hidden></p>
    <div class="lane-bar"><p id="now" class="now" hidden></p><span class="zoom"><button id="zoom-out" class="icon">−</button><span id="zoom-level" class="zoom-level"></span><button id="zoom-in" class="icon">+</button></span></div></section>
  <label class="speed">Speed <select id="speed"><option value="1" selected>1×</option></select></label>
  <p id="message" class="message" hidden></p><button id="choose" class="secondary">Choose Media File…</button>
</main>
<script>window.acquireVsCodeApi = () => ({ postMessage() {} });</script>
<script src="/player.js"></script><script src="/waveform.js"></script></body></html>`;

/**
 * The player's lane drawn from `analysis` (as the extension posts it: base64 peaks) over `media` (an
 * MP3 as long as the analysis), with `lines` as the timeline: ms from the peaks' message to the lane
 * drawn, then each zoom step out to the whole media and back in to the closest (`screenshots`: a path
 * prefix for a picture after each step).
 */
export function measureWaveformDraw(media, analysis, lines, { screenshots } = {}) {
  const files = {
    '/player.js': path.join(ROOT, 'client', 'media', 'player.js'),
    '/player.css': path.join(ROOT, 'client', 'media', 'player.css'),
    '/waveform.js': path.join(ROOT, 'dist', 'media', 'waveform.js'),
    '/long.mp3': media,
  };
  return withChromium(files, PLAYER_PAGE, async (page) => {
    await page.evaluate(() => window.postMessage({ type: 'load', src: '/long.mp3', name: 'long.mp3', video: false, skip: 5, start: 0 }, '*'));
    await page.waitForFunction(() => document.body.classList.contains('loaded'));
    await page.evaluate((timeline) => window.postMessage({ type: 'timeline', version: 1, lines: timeline }, '*'), lines);
    const measured = (name, count) => page.waitForFunction(([n, c]) => performance.getEntriesByName(n, 'measure').length >= c && performance.getEntriesByName(n, 'measure').map((e) => e.duration), [name, count]).then((h) => h.jsonValue());
    await page.evaluate((a) => window.postMessage({ type: 'analysis', analysis: a }, '*'), analysis);
    const [drawMs] = await measured('waveform-draw', 1);
    const regions = await page.evaluate(() => document.querySelector('#waveform > div')?.shadowRoot?.querySelectorAll('[part~="region"]').length ?? 0);
    const zooms = [];
    for (const button of ['#zoom-out', '#zoom-in']) {
      while (!(await page.locator(button).isDisabled())) {
        await page.locator(button).click();
        const times = await measured('waveform-zoom', zooms.length + 1);
        zooms.push({ level: await page.locator('#zoom-level').textContent(), ms: times[zooms.length] });
        if (screenshots) await page.screenshot({ path: `${screenshots}-${zooms.length}.png` });
      }
    }
    return { drawMs, zooms, regions };
  });
}

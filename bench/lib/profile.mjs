// Where a server's time went: self time per function and per source module, from a V8 .cpuprofile
// (node --cpu-prof). Functions in the esbuild bundle are put back in their module through the
// bundle's `// path/to/module.ts` comments.
import { readFileSync } from 'node:fs';
import { ROOT } from './paths.mjs';

const moduleIndexes = new Map();

function moduleOf(url, line) {
  const file = url.replace(/^file:\/\//, '');
  if (!file.endsWith('.js')) return file || '(native)';
  let index = moduleIndexes.get(file);
  if (!index) {
    index = [];
    try {
      readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
        const m = /^\/\/ ((?:\S+\/)?\S+\.(?:ts|js|mjs|cjs))$/.exec(text);
        if (m) index.push([i, m[1]]);
      });
    } catch {
      // not readable: name the file itself
    }
    moduleIndexes.set(file, index);
  }
  const nm = file.lastIndexOf('/node_modules/');
  let found = nm >= 0 ? file.slice(nm + '/node_modules/'.length) : file.startsWith(`${ROOT}/`) ? file.slice(ROOT.length + 1) : file;
  for (const [at, name] of index) {
    if (at > line) break;
    found = name;
  }
  return found;
}

/**
 * Top entries by self time: { busyMs, idleMs, gcMs, functions: [...], modules: [...] }. With
 * `windowUs` ([start, end] in CLOCK_MONOTONIC µs, V8's profile clock on Linux), only the samples
 * taken in that window count.
 */
export function summarizeProfile(file, windowUs, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (windowUs && (t < windowUs[0] || t > windowUs[1])) continue;
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + delta / 1000);
  }
  const fns = new Map();
  const modules = new Map();
  let total = 0;
  let idle = 0;
  let gc = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    total += ms;
    if (callFrame.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    if (callFrame.functionName === '(garbage collector)') gc += ms;
    const module = callFrame.url ? moduleOf(callFrame.url, callFrame.lineNumber) : callFrame.functionName;
    const key = `${callFrame.functionName || '(anonymous)'} ${module}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
    modules.set(module, (modules.get(module) ?? 0) + ms);
  }
  const busy = total - idle;
  const rank = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms), share: ms / busy }));
  return { busyMs: Math.round(busy), idleMs: Math.round(idle), gcMs: Math.round(gc), functions: rank(fns), modules: rank(modules) };
}

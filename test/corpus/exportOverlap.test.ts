import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { corpusFiles, slowCorpusSkip } from '../helpers';

/**
 * Issue 27 point 7 on every real episode: no export shows two cues at once. Each WebVTT and SRT
 * export (per line and as captions) and each Podcasting 2.0 JSON export is read for its timings;
 * every cue ends after it starts and no later than the next one starts.
 */

const corpus = corpusFiles();
const TIMING = /^(\d+):(\d\d):(\d\d)[.,](\d{3}) --> (\d+):(\d\d):(\d\d)[.,](\d{3})$/gm;

function cueTimes(format: 'vtt' | 'srt' | 'json', text: string): [number, number][] {
  if (format === 'json') return (JSON.parse(text).segments as { startTime: number; endTime: number }[]).map((s) => [Math.round(s.startTime * 1000), Math.round(s.endTime * 1000)]);
  const ms = (h: string, m: string, s: string, f: string) => ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f);
  return [...text.matchAll(TIMING)].map((t) => [ms(t[1], t[2], t[3], t[4]), ms(t[5], t[6], t[7], t[8])]);
}

/** `file vtt: cue 12 (0:05.000–0:09.000) overlaps cue 13 (starts 0:06.000)` for each overlap or empty cue. */
function overlaps(name: string, times: readonly [number, number][]): string[] {
  const found: string[] = [];
  times.forEach(([start, end], i) => {
    if (end <= start) found.push(`${name}: cue ${i + 1} ends (${end} ms) before it starts (${start} ms)`);
    const next = times[i + 1];
    if (next && next[0] < end) found.push(`${name}: cue ${i + 1} (${start}–${end} ms) overlaps cue ${i + 2} (starts ${next[0]} ms)`);
  });
  return found;
}

// A corpus-wide sweep (five exports of every episode), with the other corpus round trips in test:full.
test('no export of any corpus episode has overlapping cues (vtt, srt, both as captions, json)', { skip: slowCorpusSkip(corpus) }, () => {
  const problems: string[] = [];
  let episodes = 0;
  let cues = 0;
  for (const file of corpus.files) {
    const model = parseEpisode(fs.readFileSync(file, 'utf8'), file);
    if (!model.transcript || model.syntaxErrors.length > 0) continue;
    episodes++;
    for (const [format, captions] of [['vtt', false], ['vtt', true], ['srt', false], ['srt', true], ['json', false]] as const) {
      const times = cueTimes(format, exportEpisode(model, format, { captions }).text);
      cues += times.length;
      problems.push(...overlaps(`${path.basename(file)} ${format}${captions ? ' captions' : ''}`, times));
    }
  }
  console.log(`${episodes} episodes, ${cues} cues exported in 5 ways: ${problems.length} overlapping`);
  assert.ok(episodes > 150, `the corpus's episodes with timed lines are exported (${episodes})`);
  assert.deepEqual(problems.slice(0, 10), []);
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { corpusFiles, episode, slowCorpusSkip } from '../helpers';

/**
 * Every WebVTT export of the corpus (one cue per line, and --captions) read by two parsers that are
 * not ours: the W3C's validator (npm webvtt-parser: zero errors) and Chromium's own, through a
 * `<video>` with a `<track>` (the cue count and every start time as written).
 */

const corpus = corpusFiles();
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const noChromium = fs.existsSync(CHROMIUM) ? false : 'Chromium is not installed (or set E2E_CHROMIUM to it)';

interface ValidatorCue {
  startTime: number;
  endTime: number;
  tree: { children: { type: string; name?: string; value?: string }[] };
}
type Validator = new () => { parse(text: string, mode?: string): { cues: ValidatorCue[]; errors: { message: string; line: number; col?: number }[] } };
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { WebVTTParser } = require('webvtt-parser') as { WebVTTParser: Validator };

interface Export {
  name: string;
  text: string;
  /** Start of each cue as written, in seconds (from the timing lines). */
  starts: number[];
}

let cache: Export[] | undefined;
function vttExports(): Export[] {
  return (cache ??= corpus.files.flatMap((file) => {
    const model = parseEpisode(fs.readFileSync(file, 'utf8'), file);
    if (!model.transcript || model.syntaxErrors.length > 0) return [];
    const name = path.basename(file, '.md');
    return [false, true].map((captions) => {
      const text = exportEpisode(model, 'vtt', { captions }).text;
      return { name: `${name}${captions ? ' (captions)' : ''}`, text, starts: writtenStarts(text) };
    });
  }));
}

function writtenStarts(text: string): number[] {
  return [...text.matchAll(/^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> /gm)].map((m) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000);
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.0005;

test('W3C WebVTT validator: zero errors in every export, the same cues and start times', { skip: slowCorpusSkip(corpus) }, () => {
  const parser = new WebVTTParser();
  let cues = 0;
  let voices = 0;
  for (const file of vttExports()) {
    const result = parser.parse(file.text);
    assert.deepEqual(result.errors, [], file.name);
    assert.equal(result.cues.length, file.starts.length, file.name);
    result.cues.forEach((cue, i) => assert.ok(close(cue.startTime, file.starts[i]) && cue.endTime > cue.startTime, `${file.name}: cue ${i + 1}`));
    cues += result.cues.length;
    voices += result.cues.filter((cue) => cue.tree.children[0]?.name === 'v').length;
  }
  console.log(`webvtt-parser: ${vttExports().length} files, ${cues} cues (${voices} with a voice span), 0 errors`);
  assert.equal(vttExports().length, 2 * 199);
});

// Chromium: one page, each file given to a fresh <track> of one <video>; the page reports the cues it parsed.
let browser: import('playwright-core').Browser | undefined;
let page: import('playwright-core').Page | undefined;
const ORIGIN = 'http://captions.test';

before(async () => {
  if (noChromium) return;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><video id="v"></video>' }));
  await page.goto(`${ORIGIN}/`);
});
after(async () => {
  await browser?.close();
});

interface BrowserCue {
  start: number;
  end: number;
  voice: string | null;
  text: string;
}

/** The cues Chromium reads from a WebVTT text, through a <track> on a <video>. */
async function browserCues(text: string): Promise<BrowserCue[]> {
  // Runs in the page: typed loosely, this project compiles without the DOM library.
  return page!.evaluate(async (vtt) => {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const doc = (globalThis as any).document;
    const video = doc.getElementById('v');
    video.querySelectorAll('track').forEach((old: any) => old.remove());
    const track = doc.createElement('track');
    track.kind = 'captions';
    track.src = (globalThis as any).URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' }));
    video.append(track);
    track.track.mode = 'hidden';
    await new Promise<void>((resolve, reject) => {
      track.addEventListener('load', () => resolve());
      track.addEventListener('error', () => reject(new Error('Chromium could not load the track')));
    });
    (globalThis as any).URL.revokeObjectURL(track.src);
    return Array.from(track.track.cues ?? [], (cue: any) => {
      const html = cue.getCueAsHTML();
      const voice = html.querySelector('span[title]');
      return { start: cue.startTime as number, end: cue.endTime as number, voice: (voice?.getAttribute('title') ?? null) as string | null, text: (html.textContent ?? '') as string };
    });
  }, text);
}

test("Chromium's <track> reads our escaping: voice names, &, <, >, --> as written", { skip: noChromium }, async () => {
  const text = exportEpisode(parseEpisode(episode(`- line: Fish & chips <b>not bold</b> --> arrow.
  sec: 1
  time: '0:01'
  who: "R&D <Team>"
- line: Second.
  sec: 1
  time: '0:01'
  who: Maria
`)), 'vtt').text;
  assert.deepEqual(await browserCues(text), [
    // The last sec's two lines share their 8 words' 3.2 s as 39 : 7 characters: one after the other.
    { start: 1, end: 3.713, voice: 'R&D <Team>', text: 'Fish & chips <b>not bold</b> --> arrow.' },
    { start: 3.713, end: 4.2, voice: 'Maria', text: 'Second.' },
  ]);
});

test("Chromium's <track> reads every corpus export: cue count and start times as written", { skip: noChromium || slowCorpusSkip(corpus) }, async () => {
  let cues = 0;
  for (const file of vttExports()) {
    const read = await browserCues(file.text);
    assert.equal(read.length, file.starts.length, file.name);
    read.forEach((cue, i) => assert.ok(close(cue.start, file.starts[i]) && cue.end > cue.start, `${file.name}: cue ${i + 1} starts at ${cue.start}, written ${file.starts[i]}`));
    cues += read.length;
  }
  console.log(`Chromium <track>: ${vttExports().length} files, ${cues} cues, every start as written`);
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { readOtterText } from '../../server/src/core/formats/otter/otterTextReader';
import { otterText } from '../../server/src/core/formats/otter/otterTextWriter';
import { readPodcastJson } from '../../server/src/core/formats/podcastJson/podcastJsonReader';
import { ReadResult } from '../../server/src/core/formats/shared/readResult';
import { readSourceItems, SourceItem, wordsOf } from '../../server/src/core/formats/shared/sourceItems';
import { hasName, labelReadsBack } from '../../server/src/core/formats/speakers/speakerLabel';
import { readSrt } from '../../server/src/core/formats/srt/srtReader';
import { isNewHeader, NewItem, TranscriptExportFormat } from '../../server/src/core/convert/types';
import { readWebVtt } from '../../server/src/core/formats/webvtt/webvttReader';
import { corpusFiles, slowCorpusSkip } from '../helpers';

/**
 * Every real episode exported to vtt, srt, json and text and read back with the import readers:
 * the same items (sec, who, the words of line; headers in text), counted exactly. Cue formats are
 * read with one item per cue (joining a speaker's cues is the import's default, not a loss). What
 * comes back otherwise must be one of the documented limits of the format, each counted.
 */

const corpus = corpusFiles();

interface Episode {
  name: string;
  items: SourceItem[];
  exported: Record<TranscriptExportFormat, string>;
}

let cache: Episode[] | undefined;
function episodes(): Episode[] {
  return (cache ??= corpus.files.flatMap((file) => {
    const model = parseEpisode(fs.readFileSync(file, 'utf8'), file);
    if (!model.transcript || model.syntaxErrors.length > 0) return [];
    const exported = { vtt: '', srt: '', json: '', text: '' };
    for (const format of ['vtt', 'srt', 'json', 'text'] as const) exported[format] = exportEpisode(model, format).text;
    return [{ name: path.basename(file), items: readSourceItems(model).items, exported }];
  }));
}

interface Spoken {
  sec?: number;
  who?: string;
  words: string;
}

/**
 * What a cue file should carry, stated from the items (the README's contract): each timed line with
 * the untimed lines after it, in order of sec (stable); headers are not cues.
 */
function expectedCues(items: readonly SourceItem[]): Spoken[] {
  const cues: Spoken[] = [];
  const before: string[] = [];
  for (const item of items) {
    if (item.kind === 'header' || wordsOf(item.text).length === 0) continue;
    if (item.sec !== undefined) cues.push({ sec: item.sec, who: item.who, words: [...before.splice(0), item.text].join(' ') });
    else if (cues.length > 0) cues[cues.length - 1].words += ` ${item.text}`;
    else before.push(item.text);
  }
  return cues.map((cue) => ({ ...cue, words: wordsOf(cue.words).join(' ') })).sort((a, b) => a.sec! - b.sec!);
}

function spoken(item: NewItem): Spoken {
  return isNewHeader(item) ? { words: `# ${wordsOf(item.header).join(' ')}` } : { sec: item.sec, who: item.who, words: wordsOf(item.line).join(' ') };
}

const same = (a: Spoken, b: Spoken) => a.sec === b.sec && a.who === b.who && a.words === b.words;

interface Tally {
  episodes: number;
  cues: number;
  readBack: number;
  same: number;
  /** Differences by documented cause. */
  explained: Record<string, number>;
  unexplained: string[];
}

/**
 * A line that shares its `sec` with the line before is exported at its share of the time up to the
 * next `sec` (no two cues overlap), so it reads back later, before the next `sec`, with its words.
 */
const SHARED = 'a line sharing its sec, read back at its share of the time';
/** srtSafeText.ts: `<`, `{\` and `-->` in text get a zero-width space inside, so SRT players show them as text. */
const ZERO_WIDTH = 'text players would read as markup, with a zero-width space inside';

function sharedSecondCause(expected: readonly Spoken[], i: number, got: Spoken): string | undefined {
  const want = expected[i];
  const nextSec = expected.slice(i + 1).find((cue) => cue.sec! > want.sec!)?.sec ?? Infinity;
  const shares = i > 0 && expected[i - 1].sec === want.sec;
  return shares && got.sec! > want.sec! && got.sec! < nextSec ? SHARED : undefined;
}

/**
 * Reads each episode's export back and compares cue by cue. A difference is explained only by the
 * format's documented limit: a cue without a speaker after a named one (every cue format: readers
 * carry the speaker over), and in SRT a speaker a leading `Name: ` cannot carry.
 */
function roundTrip(format: 'vtt' | 'srt' | 'json', read: (text: string) => ReadResult): Tally {
  const tally: Tally = { episodes: 0, cues: 0, readBack: 0, same: 0, explained: {}, unexplained: [] };
  for (const episode of episodes()) {
    const expected = expectedCues(episode.items);
    const back = read(episode.exported[format]).items.map(spoken);
    tally.episodes++;
    tally.cues += expected.length;
    tally.readBack += back.length;
    assert.equal(back.length, expected.length, `${episode.name}: ${format} read back as ${back.length} items, ${expected.length} cues written`);
    const count = (cause: string) => (tally.explained[cause] = (tally.explained[cause] ?? 0) + 1);
    expected.forEach((want, i) => {
      let got = back[i];
      if (same(want, got)) return void tally.same++;
      const shared = got.sec !== want.sec ? sharedSecondCause(expected, i, got) : undefined;
      if (shared) {
        count(shared);
        got = { ...got, sec: want.sec };
        if (same(want, got)) return;
      }
      const cause = got.sec !== want.sec ? undefined
        : !hasName(want.who) ? 'no speaker after a named one'
        : format === 'srt' && !labelReadsBack(want.who!, 'Text.') ? "speaker a 'Name: ' label cannot carry"
        : format === 'srt' && got.words.includes('\u200B') && same(want, { ...got, words: got.words.replace(/\u200B/g, '') }) ? ZERO_WIDTH
        : undefined;
      if (cause) count(cause);
      else tally.unexplained.push(`${episode.name}: cue ${i + 1}: wrote ${JSON.stringify(want)}, read ${JSON.stringify(got)}`);
    });
  }
  console.log(`round trip ${format}: ${JSON.stringify({ ...tally, unexplained: tally.unexplained.length })}`);
  return tally;
}

function totals(): { timed: number; untimed: number; headers: number } {
  const all = episodes().flatMap((episode) => episode.items);
  return {
    timed: all.filter((item) => item.kind === 'line' && item.sec !== undefined).length,
    untimed: all.filter((item) => item.kind === 'line' && item.sec === undefined).length,
    headers: all.filter((item) => item.kind === 'header').length,
  };
}

test('corpus round trip: the items the corpus holds', { skip: slowCorpusSkip(corpus) }, () => {
  const counts = totals();
  console.log(`round trip corpus: ${episodes().length} episodes, ${JSON.stringify(counts)}`);
  // 200 files hold a transcript; `_theme-park-…md` has a stray line before its `---`, so it has no
  // front matter (as Jekyll reads it too) and is no episode to export: its 199 timed lines and 21 headers are not here.
  assert.equal(episodes().length, 199);
  assert.deepEqual(counts, { timed: 26_404, untimed: 1_360, headers: 5_050 });
});

test('corpus round trip: vtt, every cue back with its sec, speaker and words', { skip: slowCorpusSkip(corpus) }, () => {
  const tally = roundTrip('vtt', (text) => readWebVtt(text, { oneItemPerCue: true }));
  assert.deepEqual(tally.unexplained, []);
  assert.deepEqual({ cues: tally.cues, readBack: tally.readBack, same: tally.same, explained: tally.explained },
    { cues: 26_404, readBack: 26_404, same: 22_854, explained: { [SHARED]: 3_548, 'no speaker after a named one': 2 } });
});

test('corpus round trip: srt (speakers written `Alexey:` or holding a paragraph do not fit a `Name: ` label)', { skip: slowCorpusSkip(corpus) }, () => {
  const tally = roundTrip('srt', (text) => readSrt(text, { oneItemPerCue: true }));
  assert.deepEqual(tally.unexplained, []);
  assert.deepEqual({ cues: tally.cues, readBack: tally.readBack, same: tally.same, explained: tally.explained },
    { cues: 26_404, readBack: 26_404, same: 22_717, explained: { [SHARED]: 3_548, 'no speaker after a named one': 2, "speaker a 'Name: ' label cannot carry": 166, [ZERO_WIDTH]: 1 } });
});

test('corpus round trip: json', { skip: slowCorpusSkip(corpus) }, () => {
  const tally = roundTrip('json', (text) => readPodcastJson(text, { oneItemPerCue: true }));
  assert.deepEqual(tally.unexplained, []);
  assert.deepEqual({ cues: tally.cues, readBack: tally.readBack, same: tally.same, explained: tally.explained },
    { cues: 26_404, readBack: 26_404, same: 22_854, explained: { [SHARED]: 3_548, 'no speaker after a named one': 2 } });
});

test('corpus round trip: text, item for item in file order, headers too; what differs is exactly what the writer counted', { skip: slowCorpusSkip(corpus) }, () => {
  let items = 0;
  let kept = 0;
  const inexactByReason: Record<string, number> = {};
  for (const episode of episodes()) {
    const back = readOtterText(episode.exported.text).items.map(spoken);
    const want = episode.items.map((item) => (item.kind === 'header' ? { words: `# ${wordsOf(item.text).join(' ')}` } : { sec: item.sec, who: item.who, words: wordsOf(item.text).join(' ') }));
    assert.equal(back.length, want.length, `${episode.name}: text read back as ${back.length} items, ${want.length} written`);
    const differing = want.flatMap((w, i) => (same(w, back[i]) ? [] : [i]));
    const inexact = otterText(episode.items).inexact;
    assert.deepEqual(differing, inexact.map((entry) => entry.index), `${episode.name}: the items that differ are the ones the writer counted`);
    for (const { reason } of inexact) inexactByReason[reason] = (inexactByReason[reason] ?? 0) + 1;
    items += want.length;
    kept += want.length - differing.length;
  }
  console.log(`round trip text: ${JSON.stringify({ items, same: kept, inexactByReason })}`);
  assert.deepEqual({ items, same: kept, inexactByReason }, {
    items: 26_404 + 1_360 + 5_050, same: 32_044, inexactByReason: { noSpeaker: 2, untimedAlone: 301, untimedOtherSpeaker: 340, speakerChanged: 127 },
  });
});

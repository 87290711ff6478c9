import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits, EpisodeModel, parseEpisode, TranscriptItem } from '../../server/src/core';
import { episodeChapters } from '../../server/src/core/chapters/episodeChapters';
import { insertChapters } from '../../server/src/core/chapters/insertChapters';
import { readChapterList } from '../../server/src/core/chapters/readChapters';
import { writeChapterList } from '../../server/src/core/chapters/writeChapters';
import { corpusFiles, slowCorpusSkip } from '../helpers';

/**
 * Issue 19's property on every real episode (../shared/corpus/podcast): remove its headers, insert
 * the chapter list written from its own headers, and get the same headers before the same items
 * wherever a list of times can say so; every byte outside header items unchanged, and the result
 * reads back to the same items. Where a list of times cannot say where a header was, the episode is
 * counted under the reason, and the counts are exact.
 */

const corpus = corpusFiles();

interface Arranged {
  gap: number;
  title: string;
}

/** The headers of a model as (content items before it, text). */
function arrangement(model: EpisodeModel, keep: (item: TranscriptItem) => boolean = () => true): Arranged[] {
  const out: Arranged[] = [];
  let gap = 0;
  for (const item of model.transcript!.items) {
    if (item.kind !== 'header') gap++;
    else if (keep(item)) out.push({ gap, title: item.header! });
  }
  return out;
}

function withoutHeaders(model: EpisodeModel): string {
  const edits = model.transcript!.items.filter((i) => i.kind === 'header').map((i) => ({ start: i.region.start, end: i.region.end, newText: '' }));
  return applyEdits(model.text, edits);
}

/** Why a header did not come back where it was: what in the transcript a list of times cannot say. */
function reasonFor(model: EpisodeModel, header: TranscriptItem, chapterSec: number): string {
  const items = model.transcript!.items;
  let firstTimed = header.index + 1;
  while (items[firstTimed].sec === undefined) firstTimed++;
  if (firstTimed > header.index + 1) return 'header before an untimed item the rule does not choose';
  let previousTimed = header.index - 1;
  while (previousTimed >= 0 && items[previousTimed].sec === undefined) previousTimed--;
  if (previousTimed >= 0 && items[previousTimed].sec === chapterSec) return 'the timed line before has the same sec';
  if (items.slice(0, header.index).some((i) => i.sec !== undefined && i.sec >= chapterSec)) return 'sec runs back: an earlier line has a later or equal sec';
  if (previousTimed >= 0 && header.index - previousTimed > 1 && items.slice(previousTimed + 1, header.index).some((i) => i.kind === 'line')) return 'untimed items before the header take it';
  return 'other';
}

test('corpus: headers removed, the chapter list written from them inserted: the same headers before the same items where times can say so', { skip: slowCorpusSkip(corpus) }, () => {
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  for (const file of corpus.files) {
    const text = fs.readFileSync(file, 'utf8');
    const model = parseEpisode(text, `file://${file}`);
    if (!model.transcript || model.syntaxErrors.length > 0 || !model.transcript.items.some((i) => i.kind !== 'header')) {
      count('not an episode with a transcript');
      continue;
    }
    count('episodes');
    const { chapters, hidden } = episodeChapters(model);
    chapters.forEach(() => count('headers written as chapters'));
    hidden.forEach(() => count('headers the site hides, left out'));
    if (chapters.length === 0 && hidden.length === 0) count('episodes without headers');
    if (hidden.length > 0) count('episodes with headers the site hides (left out of the list, not restored)');

    // Headers removed by the inserter itself (an empty list) and by hand agree.
    const stripped = insertChapters(model, []).text;
    assert.equal(stripped, withoutHeaders(model), path.basename(file));
    const list = writeChapterList(model, 'chapters', {}).text;
    const read = readChapterList(list);
    assert.deepEqual(read.notChapters, [], path.basename(file));
    const strippedModel = parseEpisode(stripped, `file://${file}`);
    const outcome = insertChapters(strippedModel, read.chapters);
    const after = parseEpisode(outcome.text, `file://${file}`);

    // Every byte outside header items unchanged; the same items read back.
    assert.equal(withoutHeaders(after), stripped, path.basename(file));
    const data = (m: EpisodeModel) => m.transcript!.items.filter((i) => i.kind !== 'header').map((i) => [i.line, i.sec, i.time, i.who]);
    assert.deepEqual(data(after), data(model), path.basename(file));

    const visible = new Set(chapters.map((c) => c.item));
    const expected = arrangement(model, (item) => visible.has(item)).map((h) => ({ ...h, title: h.title.replace(/\s+/g, ' ').trim() }));
    const actual = arrangement(after);
    if (JSON.stringify(expected) === JSON.stringify(actual)) {
      count('restored exactly');
      // Into the original file: the same list changes nothing where no header is hidden.
      if (hidden.length === 0 && insertChapters(model, read.chapters).edits.length === 0) count('restored exactly, and no edit at all into the original');
      continue;
    }
    const reasons = new Set<string>();
    const actualKeys = new Set(actual.map((h) => `${h.gap} ${h.title}`));
    for (const chapter of chapters) {
      const at = arrangement(model, (item) => item === chapter.item)[0];
      if (actualKeys.has(`${at.gap} ${chapter.title}`)) continue;
      count('headers not back before the same item');
      reasons.add(reasonFor(model, chapter.item, chapter.sec));
    }
    if (outcome.coverNoLine.length > 0) reasons.add('a chapter covers no line after placement');
    count('not restored');
    for (const reason of reasons) count(`not restored: ${reason}`);
  }
  console.log([...tally].map(([k, v]) => `${String(v).padStart(5)}  ${k}`).join('\n'));
  assert.deepEqual(Object.fromEntries([...tally].sort()), {
    'not an episode with a transcript': 4,
    episodes: 199,
    'episodes without headers': 8,
    'episodes with headers the site hides (left out of the list, not restored)': 106,
    'restored exactly': 194,
    'restored exactly, and no edit at all into the original': 93,
    'not restored': 5,
    // The bad merge's bare `line` items (no sec) between timed lines: the site's rule puts the chapter
    // before the first untimed item after the previous timed line, where the header was not.
    'not restored: untimed items before the header take it': 5,
    'not restored: header before an untimed item the rule does not choose': 3,
    'headers written as chapters': 4671,
    'headers the site hides, left out': 379,
    'headers not back before the same item': 104,
  });
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseEpisode } from '../../server/src/core';
import { chapterPrompt } from '../../server/src/core/chapters/chapterPrompt';
import { lastSecond } from '../../server/src/core/chapters/episodeChapters';
import { insertChapters } from '../../server/src/core/chapters/insertChapters';
import { readChapterList } from '../../server/src/core/chapters/readChapters';
import { ConvertError } from '../../server/src/core/convert/types';

/** Suggest Chapters (issue 19) without an editor: the prompt, and a fake model's answers read leniently and inserted. */

const TEXT = `---
title: "Lanterns: a made-up episode"
transcript:
- header: Old
- line: Welcome,   everyone.
  sec: 5
  who: Mara
- line: A continuation without its own time.
  who: Mara
- line: Thanks.
  sec: 62
  who: Tobin
- line: Bye.
  sec: 3725
---
`;

test('the prompt: the site\'s request (at most 30, HH:MM:SS Topic), the transcript as [HH:MM:SS] Who: text on its own times, headers left out', () => {
  const prompt = chapterPrompt(parseEpisode(TEXT));
  assert.ok(prompt.startsWith('You are an expert creating timestamps for a podcast episode.\n'));
  assert.match(prompt, /^- At most 30 chapters, in time order/m);
  assert.match(prompt, /^FORMAT: one chapter per line, HH:MM:SS Topic/m);
  assert.ok(prompt.endsWith([
    'Episode: Lanterns: a made-up episode',
    '',
    'TRANSCRIPT:',
    '[00:00:05] Mara: Welcome, everyone.',
    '[00:00:05] Mara: A continuation without its own time.',
    '[00:01:02] Tobin: Thanks.',
    '[01:02:05] Bye.',
    '',
  ].join('\n')), prompt);
  assert.doesNotMatch(prompt, /Old/);
  assert.throws(() => chapterPrompt(parseEpisode('---\ntranscript:\n- header: Only\n---\n')), (e: unknown) => e instanceof ConvertError && e.message === 'the transcript has no timed lines to make chapters of');
});

/** A fake model: chapters at the times the prompt shows, wrapped in talk, with what models get wrong. */
function fakeModel(prompt: string): string {
  const times = [...prompt.matchAll(/^\[(\d\d:\d\d:\d\d)\] /gm)].map((m) => m[1]);
  const many = Array.from({ length: 31 }, (_, i) => `00:00:${String(10 + i).padStart(2, '0')} Filler ${i + 1}`);
  return ['Certainly! Here is a structured outline:', '', `**${times[0]}** Opening: Lanterns`, `${times[2]} - Thanks`, `${times[2]} Thanks again`, ...many, `02:00:00 After the end`, `${times[3]} Goodbye`, '', 'Hope this helps.'].join('\n');
}

test('a fake model\'s answer read leniently: talk ignored, duplicates, past the end and over 30 dropped and said; then inserted', () => {
  const model = parseEpisode(TEXT);
  const answer = fakeModel(chapterPrompt(model));
  const list = readChapterList(answer, { lenient: true, endSec: lastSecond(model) });
  assert.equal(list.chapters.length, 30);
  assert.deepEqual(list.chapters.slice(0, 2), [{ sec: 5, title: 'Opening: Lanterns', line: 3 }, { sec: 10, title: 'Filler 1', line: 6 }]);
  assert.deepEqual(list.warnings, [
    'the chapters were not in time order; they are sorted',
    '"Thanks again" at 00:01:02 starts at the same time as "Thanks": left out',
    '"After the end" at 02:00:00 starts after the transcript ends (01:02:05): left out',
    'the answer has 34 chapters; the first 30 are kept (4 left out, from "Filler 30" at 00:00:39)',
    '2 lines of the answer that are not chapters ignored',
  ]);
  // Into the episode: the 29 chapters after 0:05 and up to 1:02 all go before the untimed continuation
  // (the site's rule); only the last of them covers a line (Thanks., 1:02).
  const outcome = insertChapters(model, list.chapters);
  assert.deepEqual(outcome.inserted.map((c) => c.title), ['Opening: Lanterns', 'Filler 29']);
  assert.equal(outcome.coverNoLine.length, 28);
  assert.deepEqual(parseEpisode(outcome.text).transcript!.items.map((i) => i.header ?? i.line), [
    'Opening: Lanterns', 'Welcome,   everyone.', 'Filler 29', 'A continuation without its own time.', 'Thanks.', 'Bye.',
  ]);
});

test('a refusal holds no chapter list', () => {
  const list = readChapterList("I'm sorry, I can't help with that.", { lenient: true, endSec: 100 });
  assert.deepEqual(list.chapters, []);
  assert.deepEqual(list.warnings, ['1 line of the answer that is not a chapter ignored']);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { codeLenses, parseEpisode, statusAt } from '../../server/src/core';
import { META, allotmentEpisode, TRANSCRIPT } from './allotmentFixture';

const TEXT = allotmentEpisode();
const MODEL = parseEpisode(TEXT, 'file:///e.md');

test('CodeLens: ▶ and the section\'s first timed line above each header, with the validated URL', () => {
  const lenses = codeLenses(MODEL);
  assert.deepEqual(lenses.map((l) => [TEXT.slice(l.span.start, l.span.end), l.title, l.url]), [
    ['header: Lesson 1 Seeds', '▶ 0:50', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=50'],
    ['header: Lesson 3 Soil sensors', '▶ 1:10', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70'],
  ]);
  assert.deepEqual(codeLenses(parseEpisode(allotmentEpisode(undefined, META.replace('youtube: AbCdEfGhIjK\n', 'youtube: nope\n')))), [], 'no valid id, no lens');
  const hostile = parseEpisode(allotmentEpisode(`- header: '[x](command:y) 9:99'\n- line: Hi.\n  sec: 5\n  time: 0:05\n  who: Ingrid\n${TRANSCRIPT}`));
  assert.deepEqual(codeLenses(hostile).map((l) => l.title), ['▶ 0:05', '▶ 0:50', '▶ 1:10'], 'a title never carries header text');
  const hidden = parseEpisode(allotmentEpisode(`- header: Hidden\n${TRANSCRIPT}`));
  assert.deepEqual(codeLenses(hidden).map((l) => l.title), ['▶ 0:50', '▶ 1:10'], 'a header with no timed line before the next header has no lens');
});

test('status: the time at the cursor and the episode\'s length; a continuation line uses the line before', () => {
  assert.deepEqual(statusAt(MODEL, TEXT.indexOf('So how')), { text: '1:10 / 2:03', sec: 70, length: 123, url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70' });
  assert.equal(statusAt(MODEL, TEXT.indexOf('And the rest'))!.text, '2:03 / 2:03');
  assert.deepEqual(statusAt(MODEL, TEXT.indexOf('title:')), { text: '– / 2:03', sec: undefined, length: 123, url: undefined });
  assert.equal(statusAt(parseEpisode('# Notes\n'), 2), undefined);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, DEFAULT_CONFIG, parseEpisode } from '../../server/src/core';
import { getField } from '../../server/src/core/fields';
import { lineWordsOf, readWords, WordList } from '../../server/src/core/terms/lineWords';
import { episodeSpellings, SiteTerms } from '../../server/src/core/terms/sources';
import { TokenTable } from '../../server/src/core/terms/tokens';
import { wordsIn } from '../../server/src/core/terms/words';

const ENGLISH = new Set('we ran it on the team and so said yes use today'.split(' '));
const english = { isWord: (lower: string) => ENGLISH.has(lower) };

/** What a word list holds, as wordsIn reports words: text, offsets, clause end, quoted. */
function listed(words: WordList, from = 0, to = words.length) {
  const out = [];
  for (let k = from; k < to; k++) {
    const quoted = (words.flags[k] & 2) !== 0;
    const word = { text: words.token(k).text, start: words.starts[k], end: words.end(k), endsClause: (words.flags[k] & 1) !== 0 };
    out.push(quoted ? { ...word, quoted } : word);
  }
  return out;
}

test('token table: a word is one token wherever it is written, found by its characters', () => {
  const table = new TokenTable(english);
  const text = 'Kubernetes and kubernetes, then Kubernetes.';
  const first = table.at(text, 0, 10);
  assert.equal(first.text, 'Kubernetes');
  assert.equal(table.at(text, 32, 42), first);
  assert.equal(table.of('Kubernetes'), first);
  assert.notEqual(table.at(text, 15, 25), first, 'another case is another token');
  assert.equal(table.at(text, 11, 14).english, true);
  assert.equal(table.of('Kubernetes').english, false);
  assert.deepEqual(table.tokens.map((t) => t.text), ['Kubernetes', 'kubernetes', 'and']);
});

test('token table: a thousand words in a table that grows, each found again', () => {
  const table = new TokenTable(undefined);
  const words = Array.from({ length: 1000 }, (_, i) => `w${i.toString(36)}x`);
  const tokens = words.map((w) => table.of(w));
  assert.deepEqual(words.map((w) => table.of(w)), tokens);
  assert.equal(table.tokens.length, 1000);
});

test('word list: the words of wordsIn, and still right after the table starts a new list of tokens', () => {
  const line = 'Santyago’s team uses “aber” [chuckles] at state-of-the-art speed, e.g. x2 PyTorch.';
  assert.deepEqual(listed(readWords(new TokenTable(english), line, 0, line.length)), wordsIn(line));
  const small = new TokenTable(english, 4);
  const words = readWords(small, line, 0, line.length);
  assert.ok(new Set(wordsIn(line).map((w) => w.text)).size > 8, 'the table was full twice while the line was read');
  assert.deepEqual(listed(words), wordsIn(line));
});

test('kept line words: the count reads each line once and the check reads them from the model, with the same findings', () => {
  const say = (who: string, line: string, sec: number) => `- line: ${line}\n  sec: ${sec}\n  who: ${who}\n`;
  const text = `---\ntitle: Pipelines\ntranscript:\n${say('Alexey', 'We ran it on Kubernetis today.', 1)}- header: Kubernetis talk\n  sec: 5\n${say('Alexey', 'So we use cooper netties, said the team.', 9)}${say('Alexey', 'Yes.', 12)}${say('Alexey', 'Kubernetis again.', 15)}---\n`;
  const site: SiteTerms = { people: new Map(), episodeCounts: new Map([['Kubernetes', 14]]), words: [], english, lists: [] };
  const kept = parseEpisode(text, 'file:///site/_podcast/a.md');
  const spellings = episodeSpellings(kept, english, true);
  assert.deepEqual([...spellings], ['Pipelines', 'Kubernetis', 'talk', 'cooper', 'netties', 'again']);
  const read = lineWordsOf(kept)!;
  const items = kept.transcript!.items;
  assert.equal(read.first.length, items.length + 1);
  items.forEach((item, i) => {
    const span = getField(item.fields, item.kind === 'header' ? 'header' : 'line')!.valueSpan!;
    assert.deepEqual(listed(read.words, read.first[i], read.first[i + 1]), wordsIn(text, span.start, span.end));
  });
  const notKept = parseEpisode(text, 'file:///site/_podcast/b.md');
  assert.deepEqual([...episodeSpellings(notKept, english)], [...spellings]);
  assert.equal(lineWordsOf(notKept), undefined);
  const check = (model: typeof kept) => analyze(model, DEFAULT_CONFIG, { terms: { site } }).filter((f) => f.rule === 'term-spelling').map((f) => [f.start, f.end, f.message]);
  const found = check(kept);
  assert.deepEqual(found.map(([start, end]) => text.slice(start as number, end as number)), ['Kubernetis', 'cooper netties', 'Kubernetis']);
  assert.deepEqual(found, check(notKept));
});

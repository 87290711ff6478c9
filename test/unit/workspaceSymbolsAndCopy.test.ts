import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import {
  compareFingerprints, copyFinding, copyFingerprint, DEFAULT_CONFIG, episodeHeaders, episodeTitle, findCopyPairs, matchSymbol, parseEpisode, transcriptKeySpan,
} from '../../server/src/core';
import { episode } from '../helpers';
import { allotmentEpisode } from './allotmentFixture';

const TEXT = allotmentEpisode();
const MODEL = parseEpisode(TEXT, 'file:///e.md');

test('workspace symbols: every header with its first timed second; the episode named by short, then title', () => {
  assert.deepEqual(episodeHeaders(MODEL).map((h) => [h.name, TEXT.slice(h.span.start, h.span.end), h.sec]), [
    ['Lesson 1 Seeds', 'Lesson 1 Seeds', 50],
    ['Lesson 3 Soil sensors', 'Lesson 3 Soil sensors', 70],
  ]);
  assert.equal(episodeTitle(MODEL), 'Gardening Data');
  assert.equal(episodeTitle(parseEpisode(episode('- header: X\n'))), 'Test episode');
});

test('matchSymbol: the query as typed first, then all its words, then its letters in order', () => {
  assert.equal(matchSymbol('Lesson 3', 'Lesson 3 Soil sensors'), 0);
  assert.equal(matchSymbol('soil lesson', 'Lesson 3 Soil sensors'), 1);
  assert.equal(matchSymbol('ls3', 'Lesson 3 Soil sensors'), 2);
  assert.equal(matchSymbol('Lesson 4', 'Lesson 3 Soil sensors'), undefined);
  assert.equal(matchSymbol('', 'Anything'), 3);
});

/** A fictional transcript of `n` distinct long lines, speaker and seconds varying. */
function talk(n: number, prefix = 'Line'): string {
  let yaml = '';
  for (let i = 0; i < n; i++) yaml += `- line: ${prefix} number ${i} says something long enough to count.\n  sec: ${i * 10}\n  time: '${Math.floor(i / 6)}:${String((i * 10) % 60).padStart(2, '0')}'\n  who: ${i % 2 ? 'Ann' : 'Bo'}\n`;
  return yaml;
}

test('transcript-copy: the same spoken lines in two episodes match; a few shared lines or short ones do not', () => {
  const a = copyFingerprint(parseEpisode(episode(talk(30))))!;
  const b = copyFingerprint(parseEpisode(episode(`- header: Another title\n${talk(30)}`, 'ids:\n  youtube: ZyXwVuTsRqP\n')))!;
  assert.deepEqual(compareFingerprints(a, b), { shared: 30, of: 30 });
  const mostly = copyFingerprint(parseEpisode(episode(talk(30) + talk(5, 'Extra'))))!;
  assert.deepEqual(compareFingerprints(a, mostly), { shared: 30, of: 30 });
  const other = copyFingerprint(parseEpisode(episode(talk(3) + talk(30, 'Other'))))!;
  assert.equal(compareFingerprints(a, other), undefined, '3 shared lines are a coincidence');
  assert.equal(copyFingerprint(parseEpisode(episode("- line: Yeah.\n  who: A\n".repeat(20)))), undefined, 'short lines do not count');
  const pairs = findCopyPairs([{ key: 'a.md', fingerprint: a }, { key: 'other.md', fingerprint: other }, { key: 'b.md', fingerprint: b }]);
  assert.deepEqual(pairs, [{ a: 'a.md', b: 'b.md', match: { shared: 30, of: 30 } }]);
});

test('transcript-copy finding: a warning on the transcript key naming the other file; off when turned off', () => {
  const text = episode(talk(12));
  const model = parseEpisode(text);
  const finding = copyFinding(transcriptKeySpan(model)!, DEFAULT_CONFIG, 'episodes/other.md', { shared: 12, of: 12 })!;
  assert.equal(text.slice(finding.start, finding.end), 'transcript');
  assert.equal(finding.rule, 'transcript-copy');
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.message, 'the spoken lines of this episode are those of episodes/other.md: 12 of 12 lines (of 20+ characters) are the same; one transcript was probably copied into the wrong episode');
  assert.equal(copyFinding(transcriptKeySpan(model)!, { ...DEFAULT_CONFIG, rules: { 'transcript-copy': 'off' } }, 'x', { shared: 12, of: 12 }), undefined);
});

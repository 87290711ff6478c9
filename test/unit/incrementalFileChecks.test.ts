import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { DEFAULT_CONFIG, Finding, parseEpisode, updateEpisode } from '../../server/src/core';
import { analyze } from '../../server/src/core/rules';
import { incrementalStats } from '../../server/src/core/rules/incremental';
import { TERMS_LOADING } from '../../server/src/core/terms/sources';
import { episode } from '../helpers';

/**
 * Issue 26: after an edit inside one item, a file check whose inputs did not change at that item
 * keeps its findings (moved), and one whose inputs changed runs again; either way the findings
 * equal a fresh analysis of the new text. Asserted on the run counters, never on time.
 */

const item = (text: string, sec: number, who = 'Priya') => `- line: ${text}\n  sec: ${sec}\n  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
const TEXT = episode(
  item('We start with the first topic of the day, slowly.', 10) +
  item('Then the second thing comes up here.', 20, 'Marco') +
  item('A third line, said before the second by its time.', 15) +
  item('And the fourth line closes the short talk.', 30, 'Marco'),
);

const summary = (findings: Finding[]) => findings.map((f) => `${f.rule} ${f.start}-${f.end} ${f.message}`);
const ran = (name: string) => incrementalStats.ran.get(name) ?? 0;

function edited(text: string, at: number, insert: string) {
  const uri = `file:///incremental-${Math.random()}.md`;
  const model = parseEpisode(text, uri);
  analyze(model, DEFAULT_CONFIG);
  const newText = text.slice(0, at) + insert + text.slice(at);
  const next = updateEpisode(model, { start: at, end: at, text: insert }, newText);
  assert.ok(next, 'the edit stays inside one item');
  return { next, fresh: analyze(parseEpisode(newText, `${uri}-fresh`), DEFAULT_CONFIG) };
}

test('a letter typed in a line keeps the findings of sec-order, speech-rate and the speaker rules, moved', () => {
  const at = TEXT.indexOf('first topic');
  const { next, fresh } = edited(TEXT, at, 'x');
  const before = { order: ran('checkOrder'), rate: ran('checkSpeechRate'), speakers: ran('checkSpeakers'), headers: ran('checkHeaders') };
  const findings = analyze(next, DEFAULT_CONFIG);
  assert.deepEqual(summary(findings), summary(fresh));
  assert.ok(findings.some((f) => f.rule === 'sec-order'), 'the sec-order finding after the edit is kept, at its new offsets');
  assert.deepEqual({ order: ran('checkOrder'), rate: ran('checkSpeechRate'), speakers: ran('checkSpeakers'), headers: ran('checkHeaders') }, before);
});

test('a digit typed in a sec runs the timeline checks again', () => {
  const at = TEXT.indexOf('sec: 30') + 'sec: 3'.length;
  const { next, fresh } = edited(TEXT, at, '1');
  const order = ran('checkOrder');
  const findings = analyze(next, DEFAULT_CONFIG);
  assert.deepEqual(summary(findings), summary(fresh));
  assert.equal(ran('checkOrder'), order + 1);
});

test('typing a speaker name as a whole line runs line-is-speaker again', () => {
  const at = TEXT.indexOf('Then the second thing comes up here.');
  const model = parseEpisode(TEXT, 'file:///incremental-speaker.md');
  analyze(model, DEFAULT_CONFIG);
  const line = 'Then the second thing comes up here.';
  const newText = TEXT.slice(0, at) + 'Marco' + TEXT.slice(at + line.length);
  const next = updateEpisode(model, { start: at, end: at + line.length, text: 'Marco' }, newText)!;
  const fresh = analyze(parseEpisode(newText, 'file:///fresh-speaker.md'), DEFAULT_CONFIG);
  const speakers = ran('checkSpeakers');
  const findings = analyze(next, DEFAULT_CONFIG);
  assert.deepEqual(summary(findings), summary(fresh));
  assert.ok(findings.some((f) => f.rule === 'line-is-speaker'));
  assert.equal(ran('checkSpeakers'), speakers + 1);
});

test('the site\'s terms arriving after the first check (a server loads them after publishing) run only the terms check again', () => {
  const text = episode(item('I am Santyago, hello.', 10, 'Santiago') + item('Then the second thing comes up here.', 20, 'Marco') + item('Said out of order by its time.', 15));
  const site = { people: new Map(), episodeCounts: new Map([['Santiago', 4]]), words: [], lists: [] };
  const model = parseEpisode(text, 'file:///incremental-terms-later.md');
  const first = analyze(model, DEFAULT_CONFIG, { terms: TERMS_LOADING });
  assert.deepEqual(first.map((f) => f.rule), ['sec-order'], 'no names or terms before they are loaded');
  const fresh = analyze(parseEpisode(text, 'file:///fresh-terms-later.md'), DEFAULT_CONFIG, { terms: { site } });
  const before = { terms: ran('checkTerms'), order: ran('checkOrder'), rate: ran('checkSpeechRate') };
  const loaded = analyze(model, DEFAULT_CONFIG, { terms: { site } });
  assert.deepEqual(summary(loaded), summary(fresh));
  assert.deepEqual(loaded.map((f) => f.rule), ['term-spelling', 'sec-order']);
  assert.deepEqual({ terms: ran('checkTerms'), order: ran('checkOrder'), rate: ran('checkSpeechRate') }, { ...before, terms: before.terms + 1 });
});

test('typing in one copy of a pasted block re-checks the runs around it only, and equals a fresh analysis', () => {
  const said = (n: number) => `This is line number ${n} of the block that was pasted twice by mistake.`;
  // Two pasted pairs far apart: (1, 1) near the start and (5, 5) near the end.
  const text = episode(
    item(said(1), 10) + item(said(1), 10) + item(said(2), 20, 'Marco') + item(said(3), 30) +
    item(said(4), 40, 'Marco') + item(said(5), 50) + item(said(5), 50),
  );
  const at = text.indexOf(said(1), text.indexOf(said(1)) + 1) + 'This'.length; // inside the second copy of line 1
  const { next, fresh } = edited(text, at, 'q');
  const local = incrementalStats.local.get('checkDuplicates') ?? 0;
  const runs = ran('checkDuplicates');
  const findings = analyze(next, DEFAULT_CONFIG);
  assert.deepEqual(summary(findings), summary(fresh));
  assert.deepEqual(findings.filter((f) => f.rule === 'item-duplicate').map((f) => f.message), [`line "This is line number 5 of the block that…" repeats the previous line`]);
  assert.equal(incrementalStats.local.get('checkDuplicates'), local + 1, 'only the stretch around the edited copy was checked');
  assert.equal(ran('checkDuplicates'), runs, 'the whole check did not run');

  // Deleting the letter makes the pair again: found, at the same place as in a fresh analysis.
  const back = updateEpisode(next, { start: at, end: at + 1, text: '' }, text)!;
  const again = analyze(back, DEFAULT_CONFIG);
  assert.deepEqual(summary(again), summary(analyze(parseEpisode(text, 'file:///fresh-pasted-twice.md'), DEFAULT_CONFIG)));
  assert.equal(again.filter((f) => f.rule === 'item-duplicate').length, 2);
  assert.equal(incrementalStats.local.get('checkDuplicates'), local + 2);
});

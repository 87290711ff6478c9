import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatTime } from '../../server/src/core';
import { check, covered, episode } from '../helpers';

/** `n` words of made-up speech, different for each seed so no two paragraphs repeat. */
function words(n: number, seed: string): string {
  return Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');
}

const line = (text: string, sec?: number, who = 'Host') =>
  `- line: ${text}\n${sec === undefined ? '' : `  sec: ${sec}\n  time: '${formatTime(sec)}'\n`}  who: ${who}\n`;

/** A transcript at a steady 120 words a minute: 40 words every 20 s. */
function steady(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) => line(words(40, `w${i}x`), from + i * 20));
}

const speechRate = (text: string, config = {}) => check(text, config).filter((f) => f.rule === 'speech-rate');

test('speech-rate: a steady transcript is clean, and so is a short fast answer under 20 words', () => {
  assert.deepEqual(speechRate(episode(steady(6).join(''))), []);
  const items = steady(6);
  items.splice(3, 0, line(words(19, 'quick'), 59));
  assert.deepEqual(speechRate(episode(items.join(''))), []);
});

test('speech-rate: a sec that is too late (the span before it slow) is named, on that sec', () => {
  const items = steady(6);
  // 40 words at 40 s, then this line's sec says 58 though it starts near 60 - 18 = 42: 40 words in 2 s.
  items[2] = line(words(40, 'late'), 58);
  const text = episode(items.join(''));
  const [finding] = speechRate(text);
  assert.equal(finding.severity, 'warning');
  assert.equal(covered(text, finding), '58');
  assert.equal(finding.message, '40 words in 2 s from sec 58 (0:58) to 60 (1:00), 1200 words a minute: this sec (58) looks too late: the span before it is slow');
  assert.equal(speechRate(text).length, 1);
});

test('speech-rate: a next sec that is too early (the span after it slow) is named with its line', () => {
  const items = steady(6);
  items[3] = line(words(40, 'early'), 42);
  const text = episode(items.join(''));
  const findings = speechRate(text);
  assert.equal(findings.length, 1);
  assert.equal(covered(text, findings[0]), '40');
  const lineOfEarly = text.slice(0, text.indexOf('early0')).split('\n').length;
  assert.equal(findings[0].message, `40 words in 2 s from sec 40 (0:40) to 42 (0:42), 1200 words a minute: the next sec (42, line ${lineOfEarly}) looks too early: the span after it is slow`);
});

test('speech-rate: a paragraph pasted again further on is named, on the copy, with the line it repeats', () => {
  const repeated = words(100, 'again');
  const text = episode([
    line(words(40, 'a'), 0), line(repeated, 20), line(words(40, 'b'), 80),
    line(words(40, 'c'), 100), line(repeated), line(words(40, 'd'), 120), line(words(40, 'e'), 140),
  ].join(''));
  const findings = speechRate(text);
  assert.equal(findings.length, 1);
  const copyAt = text.lastIndexOf(repeated);
  assert.equal(findings[0].start, copyAt);
  assert.equal(covered(text, findings[0]), repeated);
  const originalLine = text.slice(0, text.indexOf(repeated)).split('\n').length;
  assert.equal(findings[0].message, `140 words in 20 s from sec 100 (1:40) to 120 (2:00), 420 words a minute: the paragraph "again0 again1 again2 again3 again4…" repeats the one at line ${originalLine}`);
});

test('speech-rate: an adjacent copy is item-duplicate\'s, not counted as speech', () => {
  const items = steady(6);
  items.splice(2, 0, line(words(40, 'w1x')));
  const text = episode(items.join(''));
  assert.deepEqual(check(text).map((f) => f.rule), ['item-duplicate']);
});

test('speech-rate: over 2 minutes with under 10 words a minute, on the span\'s first sec', () => {
  const items = [line(words(40, 'a'), 0), line(words(15, 'b'), 20), line(words(40, 'c'), 150), line(words(40, 'd'), 170)];
  const text = episode(items.join(''));
  const [finding] = speechRate(text);
  assert.equal(covered(text, finding), '20');
  assert.equal(finding.message, '15 words in 130 s from sec 20 (0:20) to 150 (2:30), 7 words a minute: a sec is wrong here, or text is missing');
  // Exactly 2 minutes is not yet too long.
  const twoMinutes = [line(words(40, 'a'), 0), line(words(15, 'b'), 20), line(words(40, 'c'), 140)].join('');
  assert.deepEqual(speechRate(episode(twoMinutes)), []);
});

test('speech-rate: spans that run backwards are left to sec-order; the limit follows the setting', () => {
  const backwards = [line(words(40, 'a'), 100), line(words(40, 'b'), 30), line(words(40, 'c'), 120)].join('');
  assert.deepEqual(speechRate(episode(backwards)), []);
  // 60 words in 10 s: 327 words a minute counting the second a whole-second sec may hide; over a limit of 300, under 350.
  const brisk = [line(words(60, 'a'), 0), line(words(40, 'b'), 10), line(words(40, 'c'), 30)].join('');
  assert.deepEqual(speechRate(episode(brisk)), []);
  assert.equal(speechRate(episode(brisk), { maxWordsPerMinute: 300 }).length, 1);
  assert.deepEqual(speechRate(episode(brisk), { maxWordsPerMinute: 300, rules: { 'speech-rate': 'off' } }), []);
});

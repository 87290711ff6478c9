import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { acceptedSpeakerNames } from '../../server/src/core/rules/speakers';
import { check, covered, episode } from '../helpers';

let sec = 0;
const say = (who: string, text?: string) => {
  sec += 5;
  text ??= `Something said at second ${sec}.`;
  return `- line: ${text}\n  sec: ${sec}\n  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
};
const many = (who: string, n: number) => Array.from({ length: n }, () => say(who)).join('');

test('who-missing: a line without who', () => {
  const text = episode(`- line: Nobody said this.\n  sec: 5\n  time: '0:05'\n`);
  const [finding] = check(text);
  assert.equal(finding.rule, 'who-missing');
  assert.equal(covered(text, finding), 'line');
  assert.equal(finding.message, 'this line has no who (speaker): "Nobody said this."');
});

test('who-suspicious: speech stored in who, trailing colon or period', () => {
  const text = episode(say('Currently I am more into research than anything else') + say("'Host:'") + say('Guest.'));
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f)]), [
    ['who-suspicious', 'Currently I am more into research than anything else'],
    ['who-suspicious', "'Host:'"],
    ['who-suspicious', 'Guest.'],
  ]);
  assert.equal(findings[0].message, 'who "Currently I am more into research than…" looks like speech, not a speaker name (9 words)');
  assert.equal(findings[1].message, "speaker 'Host:' ends in ':'; the site shows it as typed");
});

test('who-suspicious near miss: a four-word name is a name', () => {
  assert.deepEqual(check(episode(say('Mary Ann de Vries'))), []);
});

test('who-variant: typos and stutters of a more frequent speaker', () => {
  const text = episode(many('Andrey', 5) + say('Andreyy') + many('Aditya', 4) + say('Adityaitya') + many('Juan', 3) + say('Juaney'));
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f)]), [
    ['who-variant', 'Andreyy'], ['who-variant', 'Adityaitya'], ['who-variant', 'Juaney'],
  ]);
  assert.equal(findings[0].message, "speaker 'Andreyy' looks like a misspelling of 'Andrey', who speaks more often in this file");
});

test('who-variant near miss: two different short names and equal counts are not variants', () => {
  assert.deepEqual(check(episode(many('Host', 3) + many('Jo', 2) + many('Anna', 2) + many('Hanna', 2))), []);
});

test('line-is-speaker: a line that is just a speaker name of the file', () => {
  const text = episode(say('Jakob', 'Hello there.') + say('Alexey', 'Jakob') + say('Jakob', 'Jakob.'));
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f)]), [['line-is-speaker', 'Jakob']]);
});

test('acceptedSpeakerNames: a pick list never offers a name the speaker rules flag (misspelling, look-alike letters, speech, trailing colon)', () => {
  const counts = new Map([
    ['Priya', 40], ['Alexey', 55], ['Priyaa', 3], ['Priy\u0430', 2], ['Alexey:', 4], ['So what I think about this is', 1], ['Bob', 7], ['Jane Roe', 7],
  ]);
  assert.deepEqual(acceptedSpeakerNames(counts), ['Alexey', 'Priya', 'Bob', 'Jane Roe']);
  // The name a misspelling would be taken for is kept even when it is the only one.
  assert.deepEqual(acceptedSpeakerNames(new Map([['Priy\u0430', 2]])), ['Priy\u0430']);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, fixAllToFixedPoint, parseEpisode } from '../../server/src/core';
import { exportEpisode } from '../../server/src/core/exportEpisode';
import { check, covered, episode } from '../helpers';

const item = (line: string, sec: number, who: string) => `- line: ${line}\n  sec: ${sec}\n  time: '0:${String(sec).padStart(2, '0')}'\n  who: ${who}\n`;

test('control-character: a plain value is written double-quoted with its controls escaped, the same string to both YAML readers', () => {
  const text = episode(item('Red\u001b[31m text\u0000 here.', 12, 'Ana'));
  const [finding] = check(text);
  assert.equal(finding.rule, 'control-character');
  assert.equal(finding.severity, 'error');
  assert.equal(covered(text, finding), '\u001b[31m text\u0000');
  assert.equal(finding.message, 'line holds 2 control characters (U+001B, U+0000): invisible here, refused or read as a line break by PyYAML (what Jekyll reads front matter with), and carried into exports');
  assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Write line double-quoted, with the control characters escaped', true]]);
  const fixed = applyEdits(text, finding.fixes[0].edits);
  assert.equal(fixed, text.replace('line: Red\u001b[31m text\u0000 here.', 'line: "Red\\u001B[31m text\\u0000 here."'));
  assert.equal(parseEpisode(fixed).transcript!.items[0].line, 'Red\u001b[31m text\u0000 here.');
  assert.deepEqual(check(fixed), []);
});

test('control-character: in a double-quoted value each character becomes its escape and nothing else moves; NEL and U+2028 count', () => {
  const text = episode(item('"One\u2028two"', 1, '"A\u0085na"'));
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.fixes[0].title]), [
    ['control-character', 'Escape the control character in line'],
    ['control-character', 'Escape the control character in who'],
  ]);
  const run = fixAllToFixedPoint(text, findings, (t) => check(t));
  assert.equal(run.text, text.replace('\u2028', '\\u2028').replace('\u0085', '\\u0085'));
});

test('control-character: outside a text value it is reported without a fix; tab, LF and CR are not reported', () => {
  const text = episode(`${item('Fine\there.', 1, 'Ana')}# a note \u0001\n`);
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f), f.fixes.length]), [['control-character', '\u0001', 0]]);
  assert.match(findings[0].message, /^the front matter holds a control character \(U\+0001\)/);
  assert.deepEqual(check(episode(item('Clean.', 1, 'Ana')).replace(/\n/g, '\r\n')), []);
});

test('exports never contain control characters: they are dropped (separators become spaces) and a warning says where', () => {
  const text = episode(`- header: Intro\u0007\n${item('"Bell\\a and\\u2028next"', 1, '"A\\x00na"')}`);
  for (const format of ['vtt', 'srt', 'json', 'text', 'youtube'] as const) {
    const result = exportEpisode(parseEpisode(text), format);
    assert.doesNotMatch(result.text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]|\\u00[01]|\\u2028/, format);
  }
  const vtt = exportEpisode(parseEpisode(text), 'vtt');
  assert.match(vtt.text, /Bell and next/);
  assert.ok(vtt.warnings.includes('2 items holding control characters written without them (file lines 8, 9; see control-character).'), vtt.warnings.join('\n'));
});

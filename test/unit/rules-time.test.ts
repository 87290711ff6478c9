import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, fixAllToFixedPoint } from '../../server/src/core';
import { check, covered, episode, NO_SPEECH_RATE, rulesOf } from '../helpers';

const line = (text: string, sec: number | string | null, time: string | null, who = 'Host') =>
  `- line: ${text}\n${sec === null ? '' : `  sec: ${sec}\n`}${time === null ? '' : `  time: ${time}\n`}  who: ${who}\n`;

test('time-mismatch: the label names another second than sec, with both numbers in the message', () => {
  const text = episode(line('Hello.', 159, "'2:38'"));
  const [finding] = check(text);
  assert.equal(finding.rule, 'time-mismatch');
  assert.equal(finding.severity, 'error');
  assert.equal(finding.message, "time '2:38' is 158 s but sec is 159 s (2:39)");
  assert.equal(covered(text, finding), "'2:38'");
});

test('time-mismatch near miss: plain 0:ss and hour labels that agree are clean', () => {
  assert.deepEqual(check(episode(line('Hi.', 5, '0:05') + line('Later.', 3642, "'1:00:42'")), NO_SPEECH_RATE), []);
});

test('time-malformed: seconds field of 60 or more, broken across lines, a number', () => {
  const typo = episode(line('Typo.', 2787, '37:567'));
  const [finding] = check(typo);
  assert.equal(finding.rule, 'time-malformed');
  assert.equal(covered(typo, finding), '37:567');
  assert.match(finding.message, /^time '37:567' is malformed: seconds must be two digits, 00–59; sec 2787 is 46:27/);
  assert.match(finding.message, /sec may come from the same typo/);

  const broken = episode(`- line: Broken.\n  sec: 586\n  time: '9:\n\n    46'\n  who: Host\n`);
  const [brokenFinding] = check(broken);
  assert.equal(brokenFinding.rule, 'time-malformed');
  assert.equal(covered(broken, brokenFinding), "'9:\n\n    46'");
  assert.match(brokenFinding.message, /broken across lines/);

  assert.deepEqual(rulesOf(check(episode(line('Number.', 12, '12')))), ['time-malformed']);
});

test('time-malformed near miss: two-digit seconds 00 and 59 are fine', () => {
  assert.deepEqual(check(episode(line('A.', 60, "'1:00'") + line('B.', 119, "'1:59'"))), []);
});

test('time-noncanonical: same second, other spelling', () => {
  for (const [sec, label, canonical] of [[3608, "'60:08'", '1:00:08'], [159, "'02:39'", '2:39'], [159, "'0:02:39'", '2:39']] as const) {
    const text = episode(line('Long.', sec, label));
    const [finding] = check(text);
    assert.equal(finding.rule, 'time-noncanonical', label);
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, `time '${label.slice(1, -1)}' is ${sec} s like sec, but is usually written '${canonical}'`);
  }
});

test('time-missing and sec-missing', () => {
  const noTime = episode(line('No label.', 1864, null));
  const [missingTime] = check(noTime);
  assert.equal(missingTime.rule, 'time-missing');
  assert.equal(covered(noTime, missingTime), 'sec');
  assert.equal(missingTime.message, "sec 1864 has no time label (the site shows an empty link); it would be '31:04'");

  const noSec = episode(line('No sec.', null, "'0:42'"));
  const [missingSec] = check(noSec);
  assert.equal(missingSec.rule, 'sec-missing');
  assert.equal(covered(noSec, missingSec), 'time');
});

test('untimed continuation lines and repeated sec for the same speaker are conventions, not findings', () => {
  const text = episode(line('First.', 10, "'0:10'") + '- line: Continued.\n  who: Host\n' + line('Same second.', 10, "'0:10'"));
  assert.deepEqual(check(text), []);
});

test('sec-order: the message names the previous line and which neighbour looks wrong', () => {
  const text = episode(line('A.', 2916, "'48:36'") + line('B.', 2935, "'48:55'") + line('C.', 1256, "'20:56'") + line('D.', 3074, "'51:14'"));
  const [finding] = check(text);
  assert.equal(finding.rule, 'sec-order');
  assert.equal(covered(text, finding), '1256');
  assert.equal(finding.message, 'sec 1256 is lower than the previous timed line\'s sec 2935 (line 12, "B."); the next line is at 3074, so this line looks like the outlier');
});

test('sec-order: a high previous line is named as the outlier', () => {
  const text = episode(line('A.', 2016, "'33:36'") + line('B.', 2666, "'44:26'") + line('C.', 2092, "'34:52'") + line('D.', 2093, "'34:53'"));
  const [finding] = check(text, NO_SPEECH_RATE);
  assert.match(finding.message, /the line before it is at 2016 and the next line is at 2093, so the previous line \(2666\) looks like the outlier$/);
});

test('sec-order: tolerance lets small overlaps pass; equal sec never fires', () => {
  const text = episode(line('A.', 1163, "'19:23'") + line('B.', 1162, "'19:22'"));
  assert.deepEqual(rulesOf(check(text)), ['sec-order']);
  assert.deepEqual(check(text, { toleranceSeconds: 1 }), []);
  assert.deepEqual(check(episode(line('A.', 50, "'0:50'") + line('B.', 50, "'0:50'", 'Guest'))), []);
});

test('schema-type: sec that is not a non-negative integer', () => {
  for (const value of ['-1', '1.5', '"12"', '100000000000000000000']) {
    const text = episode(line('Bad sec.', value, "'0:12'"));
    const findings = check(text);
    assert.deepEqual(rulesOf(findings), ['schema-type'], value);
    assert.equal(covered(text, findings[0]), value);
  }
});

test('rule settings change severities and turn rules off', () => {
  const text = episode(line('Hello.', 159, "'2:38'"));
  assert.equal(check(text, { rules: { 'time-mismatch': 'hint' } })[0].severity, 'hint');
  assert.deepEqual(check(text, { rules: { 'time-mismatch': 'off' } }), []);
});

/** The corpus's case, in our own words: `37:567` with sec 2787 = 37×60+567, between lines at 2275 and 2320. */
const typoEpisode = (before: number, after: number) =>
  episode(line('Before.', before, "'" + `${Math.floor(before / 60)}:${String(before % 60).padStart(2, '0')}` + "'") + line('Typo.', 2787, '37:567') + line('After.', after, "'" + `${Math.floor(after / 60)}:${String(after % 60).padStart(2, '0')}` + "'"));

test('time-malformed whose sec shares the typo and is out of line: uncertain, both readings offered, fix-all leaves it', () => {
  const text = typoEpisode(2275, 2320);
  const finding = check(text).find((f) => f.rule === 'time-malformed')!;
  assert.equal(covered(text, finding), '37:567');
  assert.equal(finding.uncertain, true);
  assert.equal(finding.message, "time '37:567' is malformed: seconds must be two digits, 00–59; sec 2787 is 46:27 (sec 2787 = 37×60+567, so sec may come from the same typo: the neighbouring timed lines are at 2275 before and 2320 after; not fixed automatically)");
  assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe, f.isPreferred ?? false]), [
    ['Recompute time from sec (46:27)', false, false],
    ["Set time to '37:56' and sec to 2276 (the label's own digits, in line with the neighbouring timed lines)", false, false],
    ["Set time to '37:57' and sec to 2277 (the label's own digits, in line with the neighbouring timed lines)", false, false],
  ]);
  const [, fromDigits] = finding.fixes;
  assert.equal(applyEdits(text, fromDigits.edits), text.replace('  sec: 2787\n  time: 37:567', "  sec: 2276\n  time: '37:56'"));
  const run = fixAllToFixedPoint(text, check(text), (t) => check(t));
  assert.equal(run.text, text);
  assert.deepEqual(run.edits, []);
});

test('time-malformed whose sec shares the typo: repeated lines with the same sec are not its neighbours, and no neighbour means uncertain', () => {
  const twice = episode(line('Before.', 2275, "'37:55'") + line('Typo.', 2787, '37:567') + line('Same.', 2787, '37:567') + line('After.', 2320, "'38:40'"));
  const findings = check(twice).filter((f) => f.rule === 'time-malformed');
  assert.deepEqual(findings.map((f) => [f.uncertain, /at 2275 before and 2320 after/.test(f.message)]), [[true, true], [true, true]]);
  const alone = check(episode(line('Typo.', 2787, '37:567')))[0];
  assert.equal(alone.uncertain, true);
  assert.match(alone.message, /there is no neighbouring timed line to check it against; not fixed automatically\)$/);
  assert.deepEqual(alone.fixes.map((f) => f.title), ['Recompute time from sec (46:27)']);
});

test('time-malformed whose sec shares the typo near miss: sec in line with its neighbours is certain, and fix-all writes it', () => {
  const text = typoEpisode(2780, 2800);
  const finding = check(text).find((f) => f.rule === 'time-malformed')!;
  assert.equal(finding.uncertain, undefined);
  assert.match(finding.message, /\(sec 2787 = 37×60\+567, in line with the neighbouring timed lines at 2780 before and 2800 after\)$/);
  assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Recompute time from sec (46:27)', true]]);
  const run = fixAllToFixedPoint(text, check(text), (t) => check(t));
  assert.equal(run.text, text.replace('time: 37:567', "time: '46:27'"));
});

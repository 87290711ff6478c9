import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, collectFixAll, fixAllAction, parseEpisode, quickFixes } from '../../server/src/core';
import { applyFix, check, episode } from '../helpers';

const item = (sec: string, time: string) => `- line: Hello.\n  sec: ${sec}\n  time: ${time}\n  who: Host\n`;

test('Recompute time from sec replaces only the label, single-quoted', () => {
  const text = episode(item('159', "'2:38'"));
  assert.equal(applyFix(text, 'time-mismatch', 'Recompute time'), text.replace("'2:38'", "'2:39'"));
});

test('Recompute time keeps double quotes and writes hours as H:MM:SS', () => {
  const text = episode(item('3608', '"60:08"'));
  assert.equal(applyFix(text, 'time-noncanonical'), text.replace('"60:08"', '"1:00:08"'));
});

test('Recompute time fixes a plain malformed value and a value broken over lines', () => {
  const typo = episode(item('2787', '37:567'));
  assert.equal(applyFix(typo, 'time-malformed'), typo.replace('37:567', "'46:27'"));
  const broken = episode(item('586', "'9:\n\n    46'"));
  assert.equal(applyFix(broken, 'time-malformed'), broken.replace("'9:\n\n    46'", "'9:46'"));
});

test('time-mismatch also offers Recompute sec from time, not preferred and not in fix-all', () => {
  const text = episode(item('159', "'2:38'"));
  const [finding] = check(text);
  assert.deepEqual(finding.fixes.map((f) => [f.title, f.isPreferred === true, f.safe]), [
    ['Recompute time from sec (2:39)', true, true],
    ['Recompute sec from time (158)', false, false],
  ]);
  assert.equal(applyFix(text, 'time-mismatch', 'Recompute sec'), text.replace('sec: 159', 'sec: 158'));
});

test('time-missing inserts one time line at the item indentation; sec-missing inserts sec before time', () => {
  const noTime = episode('- line: Hello.\n  sec: 1864\n  who: Host\n');
  assert.equal(applyFix(noTime, 'time-missing'), noTime.replace('  sec: 1864\n', "  sec: 1864\n  time: '31:04'\n"));
  const noSec = episode("- line: Hello.\n  time: '1:02:03'\n  who: Host\n");
  assert.equal(applyFix(noSec, 'sec-missing'), noSec.replace("  time: '1:02:03'\n", "  sec: 3723\n  time: '1:02:03'\n"));
  const timeFirst = episode("- time: '0:07'\n  line: Hello.\n  who: Host\n");
  assert.equal(applyFix(timeFirst, 'sec-missing'), timeFirst.replace("- time: '0:07'\n", "- time: '0:07'\n  sec: 7\n"));
});

test('inserted lines use the file\'s CRLF line breaks', () => {
  const text = episode('- line: Hello.\n  sec: 5\n  who: Host\n').replace(/\n/g, '\r\n');
  assert.equal(applyFix(text, 'time-missing'), text.replace('  sec: 5\r\n', "  sec: 5\r\n  time: '0:05'\r\n"));
});

test('item-unknown-key renames the key only', () => {
  const text = episode("- line: Hello.\n  sec: 5\n  tiem: '0:05'\n  who: Host\n");
  assert.equal(applyFix(text, 'item-unknown-key'), text.replace('tiem:', 'time:'));
});

test('item-duplicate deletes the untimed copy, and the pasted header with it', () => {
  const sentence = 'A sentence long enough to be a real duplicate.';
  const timed = `- line: ${sentence}\n  sec: 10\n  time: '0:10'\n  who: Host\n`;
  const plain = episode(`- line: ${sentence}\n${timed}`);
  assert.equal(applyFix(plain, 'item-duplicate'), episode(timed));
  const block = episode(`- header: Intro\n- line: ${sentence}\n- header: Intro\n${timed}`);
  assert.equal(applyFix(block, 'item-duplicate'), episode(`- header: Intro\n${timed}`));
  const headers = episode(`- header: Intro\n- header: Intro\n${timed}`);
  assert.equal(applyFix(headers, 'item-duplicate'), episode(`- header: Intro\n${timed}`));
});

test('item-duplicate between two untimed copies keeps the one with a speaker', () => {
  const sentence = 'A sentence long enough to be a real duplicate.';
  const text = episode(`- line: ${sentence}\n- line: ${sentence}\n  who: Host\n`);
  assert.equal(applyFix(text, 'item-duplicate'), episode(`- line: ${sentence}\n  who: Host\n`));
});

test('who-variant renames to the majority spelling; who-suspicious strips the punctuation', () => {
  const lines = ['Alexey', 'Alexey', 'Alexey', 'Alexa'].map((who, i) => `- line: Line ${i}.\n  sec: ${i}\n  time: '0:0${i}'\n  who: ${who}\n`).join('');
  const text = episode(lines);
  assert.equal(applyFix(text, 'who-variant'), text.replace('who: Alexa\n', 'who: Alexey\n'));
  const colon = episode("- line: Hi.\n  sec: 1\n  time: '0:01'\n  who: 'Theo:'\n");
  assert.equal(applyFix(colon, 'who-suspicious'), colon.replace("'Theo:'", "'Theo'"));
});

test('fix-all fixes every safe finding in one edit list, and a second run changes nothing', () => {
  const sentence = 'A sentence long enough to be a real duplicate.';
  const text = episode(
    `- header: Intro\n- line: ${sentence}\n- header: Intro\n- line: ${sentence}\n  sec: 10\n  time: '0:11'\n  who: Host\n` +
      "- line: Second.\n  sec: 3608\n  time: '60:08'\n  who: Hostt\n- line: Third.\n  sec: 3700\n  who: Host\n- line: Fourth.\n  sec: 3710\n  time: '1:01:50'\n  who: Host\n",
  );
  const edits = collectFixAll(check(text));
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, episode(
    `- header: Intro\n- line: ${sentence}\n  sec: 10\n  time: '0:10'\n  who: Host\n` +
      "- line: Second.\n  sec: 3608\n  time: '1:00:08'\n  who: Host\n- line: Third.\n  sec: 3700\n  time: '1:01:40'\n  who: Host\n- line: Fourth.\n  sec: 3710\n  time: '1:01:50'\n  who: Host\n",
  ));
  // Left: the hour between 0:10 and 1:00:08 with nine words (speech-rate), which no fix can mend.
  assert.deepEqual(check(fixed).map((f) => [f.rule, f.fixes.length]), [['speech-rate', 0]]);
  assert.deepEqual(collectFixAll(check(fixed)), []);
});

test('fix-all deletes a repeated item without the line it would insert after it (that line would land in the item above)', () => {
  const line = '- line: Soup is data, and data is soup, said the chef.\n  sec: 6\n';
  const text = `---\ntranscript:\n${line}${line}---\n`;
  const fixed = applyEdits(text, collectFixAll(check(text)));
  assert.equal(fixed, `---\ntranscript:\n${line}  time: '0:06'\n---\n`);
  assert.deepEqual(collectFixAll(check(fixed)), []);
});

test('quick fixes come with "fix all of this kind" when the rule fires more than once', () => {
  const text = episode(item('10', "'0:11'") + item('20', "'0:21'").replace('Hello.', 'Again.'));
  const findings = check(text);
  const actions = quickFixes(findings, { start: findings[0].start, end: findings[0].start });
  assert.deepEqual(actions.map((a) => a.title), ['Recompute time from sec (0:10)', 'Recompute sec from time (11)', 'Fix all time-mismatch problems in this file (2)']);
  assert.equal(applyEdits(text, actions[2].edits), text.replace("'0:11'", "'0:10'").replace("'0:21'", "'0:20'"));
  assert.equal(fixAllAction(findings)?.edits.length, 2);
  assert.equal(fixAllAction(check(episode(item('10', "'0:10'")))), undefined);
});

test('a file that does not parse: fix-all holds only the repair of the broken value, nothing from inside its item', () => {
  const text = episode("- line: 'unclosed\n  sec: 10\n  time: '0:11'\n");
  const at = text.indexOf("'unclosed") + "'unclosed".length;
  assert.deepEqual(collectFixAll(check(text)), [{ start: at, end: at, newText: "'" }]);
  assert.equal(parseEpisode(text).syntaxErrors.length > 0, true);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, parseEpisode, parseShiftAmount, shiftLabel, shiftTimes, ShiftAmount } from '../../server/src/core';
import { episode } from '../helpers';
import { allotmentEpisode } from './allotmentFixture';

function shift(text: string, at: string, amount: ShiftAmount) {
  const outcome = shiftTimes(parseEpisode(text, 'file:///e.md'), text.indexOf(at), amount);
  return { ...outcome, text: applyEdits(text, outcome.edits) };
}

test('shift from an item on: every sec and time after it move, duration follows the last sec, nothing else changes', () => {
  const text = allotmentEpisode();
  const result = shift(text, 'So how', { delta: 7 });
  assert.equal(result.ok, true);
  assert.equal(result.message, 'Shifted 2 timed items from 1:10 on by +7 s. duration is now PT00H01M20S.');
  assert.equal(result.text, text
    .replace('duration: PT00H01M13S', 'duration: PT00H01M20S')
    .replace("  sec: 70\n  time: '1:10'", "  sec: 77\n  time: '1:17'")
    .replace("  sec: 123\n  time: '2:03'", "  sec: 130\n  time: '2:10'"));
  assert.equal(result.edits.length, 5, 'one edit per value: sec, time (twice) and duration');
});

test('shift by -1:30 written as minutes, from the first item: duration unchanged, plain 0:ss labels stay plain', () => {
  const text = allotmentEpisode().replace('  sec: 50\n  time: 0:50', "  sec: 150\n  time: '2:30'").replace('  sec: 55\n  time: 0:55', "  sec: 155\n  time: '2:35'")
    .replace("  sec: 70\n  time: '1:10'", "  sec: 170\n  time: '2:50'").replace("  sec: 123\n  time: '2:03'", "  sec: 223\n  time: '3:43'");
  const amount = parseShiftAmount('-1:30') as ShiftAmount;
  assert.deepEqual(amount, { delta: -90 });
  const result = shift(text, 'Lesson 1', amount);
  assert.equal(result.text, text
    .replace("  sec: 150\n  time: '2:30'", '  sec: 60\n  time: \'1:00\'').replace("  sec: 155\n  time: '2:35'", "  sec: 65\n  time: '1:05'")
    .replace("  sec: 170\n  time: '2:50'", "  sec: 80\n  time: '1:20'").replace("  sec: 223\n  time: '3:43'", "  sec: 133\n  time: '2:13'"));
  assert.match(result.message, /^Shifted 4 timed items from 2:30 on by −90 s \(1:30\)\.$/);
  // Into the first minute: written plain, the way the site's PyYAML scripts write 0:ss.
  const back = shift(result.text, 'Lesson 1', { delta: -10 });
  assert.match(back.text, /  sec: 50\n  time: 0:50\n/);
});

test('=12:34 moves the first timed item of the selection to that time and the rest with it', () => {
  const text = allotmentEpisode();
  const amount = parseShiftAmount('=2:00') as ShiftAmount;
  assert.deepEqual(amount, { to: 120 });
  const result = shift(text, 'header: Lesson 3', amount);
  assert.equal(result.ok, true);
  assert.match(result.text, /  sec: 120\n  time: '2:00'\n  who: Ingrid\n/);
  assert.match(result.text, /  sec: 173\n  time: '2:53'\n/);
  assert.match(result.text, /duration: PT00H02M03S\n/);
});

test('a shift that makes a sec negative is refused, naming the item', () => {
  const text = allotmentEpisode();
  const result = shift(text, 'Welcome', { delta: -51 });
  assert.equal(result.ok, false);
  assert.deepEqual(result.edits, []);
  assert.equal(result.message, 'Cannot shift by −51 s: the line "Welcome to the allotment…" (line 23) is at 0:50 (50 s) and would move to -1 s.');
});

test('a shift that puts the first moved item before the timed line ahead of it is refused, naming both', () => {
  const text = allotmentEpisode();
  const result = shift(text, 'Thanks', { delta: -6 });
  assert.equal(result.ok, false);
  assert.equal(result.message, 'Cannot shift by −6 s: the line "Thanks, glad to be here." (line 27) would move to 0:49 (sec 49), before the line "Welcome to the allotment…" (line 23) at 0:50 (sec 50).');
  // Down to the same second is still in order.
  assert.equal(shift(text, 'Thanks', { delta: -5 }).ok, true);
});

test('non-canonical labels keep their spelling, malformed ones are left alone and counted, double quotes stay', () => {
  const text = episode(
    "- line: One.\n  sec: 3608\n  time: '60:08'\n  who: A\n- line: Two.\n  sec: 3620\n  time: 37:567\n  who: B\n" +
    '- line: Three.\n  sec: 3630\n  time: "1:00:30"\n  who: A\n- line: Four.\n  time: \'1:00:40\'\n  who: B\n',
  );
  const result = shift(text, 'One.', { delta: 7 });
  assert.equal(result.text, text.replace("sec: 3608\n  time: '60:08'", "sec: 3615\n  time: '60:15'").replace('sec: 3620', 'sec: 3627')
    .replace('sec: 3630\n  time: "1:00:30"', 'sec: 3637\n  time: "1:00:37"').replace("time: '1:00:40'", "time: '1:00:47'"));
  assert.equal(result.message, 'Shifted 4 timed items from 1:00:08 on by +7 s. 1 time label that is not a time (M:SS) left as written.');
  assert.equal(shift(result.text, 'One.', { delta: -7 }).text, text, '+7 then -7 gives the same bytes');
});

test('shiftLabel: canonical stays canonical across the hour, other spellings keep their shape', () => {
  assert.equal(shiftLabel('59:58', 7), '1:00:05');
  assert.equal(shiftLabel('1:00:05', -7), '59:58');
  assert.equal(shiftLabel('02:39', 7), '02:46');
  assert.equal(shiftLabel('0:02:39', 7), '0:02:46');
  assert.equal(shiftLabel('9:\n46', 7), undefined);
});

test('nothing to do, no transcript, a syntax error, or a cursor outside the transcript: a message and no edits', () => {
  const text = allotmentEpisode();
  assert.deepEqual(shift(text, 'Welcome', { delta: 0 }), { ok: true, message: 'Nothing to shift: the amount is 0 s.', edits: [], moved: 0, text });
  assert.equal(shift(text, 'title:', { delta: 5 }).message, 'Put the cursor on a transcript item: times move from that item to the end.');
  assert.equal(shift('# Notes\n', 'Notes', { delta: 5 }).ok, false);
  assert.match(shift(text.replace('  who: Rosa\n', '  who: [Rosa\n'), 'Welcome', { delta: 5 }).message, /does not parse/);
  assert.equal(shift(text, 'And the rest', { to: 30 }).message, 'No timed item from the line "And the rest of that answer…" (line 40) on: nothing to move to 0:30.');
});

test('parseShiftAmount: +7, -1:30, =12:34, 90s, and what it refuses', () => {
  assert.deepEqual(parseShiftAmount('+7'), { delta: 7 });
  assert.deepEqual(parseShiftAmount(' - 1:30 '), { delta: -90 });
  assert.deepEqual(parseShiftAmount('+90s'), { delta: 90 });
  assert.deepEqual(parseShiftAmount('=12:34'), { to: 754 });
  assert.deepEqual(parseShiftAmount('=1:02:03'), { to: 3723 });
  assert.ok('error' in parseShiftAmount('7'));
  assert.ok('error' in parseShiftAmount('+1:75'));
  assert.ok('error' in parseShiftAmount('+abc'));
  assert.ok('error' in parseShiftAmount(''));
});

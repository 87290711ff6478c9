import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatTime, parseTime } from '../../server/src/core';

test('formatTime writes M:SS below an hour and H:MM:SS from an hour', () => {
  assert.equal(formatTime(0), '0:00');
  assert.equal(formatTime(5), '0:05');
  assert.equal(formatTime(159), '2:39');
  assert.equal(formatTime(3599), '59:59');
  assert.equal(formatTime(3600), '1:00:00');
  assert.equal(formatTime(3608), '1:00:08');
  assert.equal(formatTime(5146), '1:25:46');
});

test('parseTime reads M:SS with any minutes and H:MM:SS', () => {
  assert.deepEqual(parseTime('2:39'), { ok: true, seconds: 159 });
  assert.deepEqual(parseTime('02:39'), { ok: true, seconds: 159 });
  assert.deepEqual(parseTime('60:08'), { ok: true, seconds: 3608 });
  assert.deepEqual(parseTime('0:02:39'), { ok: true, seconds: 159 });
  assert.deepEqual(parseTime('1:00:42'), { ok: true, seconds: 3642 });
});

test('parseTime rejects out-of-range fields, missing digits and broken values', () => {
  assert.equal(parseTime('37:567').ok, false);
  assert.equal(parseTime('2:60').ok, false);
  assert.equal(parseTime('2:5').ok, false);
  assert.equal(parseTime('1:60:00').ok, false);
  assert.equal(parseTime('1:5:00').ok, false);
  assert.equal(parseTime('9:\n46').ok, false);
  assert.match((parseTime('9:\n46') as { reason: string }).reason, /broken across lines/);
  assert.equal(parseTime('').ok, false);
  assert.equal(parseTime('2:39 ').ok, false);
  assert.equal(parseTime('1:2:3:4').ok, false);
});

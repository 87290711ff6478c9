import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { RULE_IDS, RULES } from '../../server/src/core';

test('the registry documents every rule id once, in the order of the id list', () => {
  assert.deepEqual(RULES.map((rule) => rule.id), [...RULE_IDS]);
});

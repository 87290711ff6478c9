import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parse } from 'yaml';
import { itemYaml, transcriptYaml, yamlString } from '../../server/src/core/convert/itemYaml';

const readBack = (scalar: string, version: '1.1' | '1.2'): unknown => (parse(`k: ${scalar}\n`, { version }) as { k: unknown }).k;

test('yamlString keeps ordinary speech plain, as the site writes it', () => {
  assert.equal(yamlString('Hi everyone, welcome to our event.'), 'Hi everyone, welcome to our event.');
  assert.equal(yamlString('Alexey'), 'Alexey');
  assert.equal(yamlString('Café analytics — queues'), 'Café analytics — queues');
});

test('yamlString quotes what YAML would read otherwise', () => {
  assert.equal(yamlString('22'), "'22'");
  assert.equal(yamlString('1:11'), "'1:11'");
  assert.equal(yamlString('yes'), "'yes'");
  assert.equal(yamlString('Off'), "'Off'");
  assert.equal(yamlString('Alexey:'), "'Alexey:'");
  assert.equal(yamlString('Intro: why queues'), "'Intro: why queues'");
  assert.equal(yamlString('Topic #1'), "'Topic #1'");
  assert.equal(yamlString('- a dash first'), "'- a dash first'");
  assert.equal(yamlString("It's 'quoted'"), "It's 'quoted'");
  assert.equal(yamlString("'quoted' first"), "'''quoted'' first'");
  assert.equal(yamlString('"double" first'), `'"double" first'`);
  assert.equal(yamlString('trailing space '), "'trailing space '");
  assert.equal(yamlString(''), "''");
  assert.equal(yamlString('two\nlines'), '"two\\nlines"');
  assert.equal(yamlString('tab\there'), '"tab\\there"');
  assert.equal(yamlString('bell\u0007 and \u2028'), '"bell\\u0007 and \\u2028"');
});

test('every value yamlString writes reads back as the same string in YAML 1.2 and 1.1', () => {
  const values = [
    'plain', '22', '0:30', '1:00:42', '2024-01-01', 'null', '~', 'True', 'y', 'N', '.inf', '-.5', '0x1F', '1e3', '@handle', '`tick`',
    '%percent', '&anchor', '*alias', '!tag', '|pipe', '>fold', '[flow]', '{map}', ',comma', '? key', 'key: value', 'a #b', 'a#b',
    'ends:', "it's", '"', "'", '\\', 'back\\slash "q"', ' lead', 'trail ', 'x\u0085y', 'x\uFEFFy', 'emoji 🎙️ ok', '=', '<<', 'é',
  ];
  for (const value of values) {
    const scalar = yamlString(value);
    assert.equal(readBack(scalar, '1.2'), value, `1.2: ${JSON.stringify(value)} written as ${scalar}`);
    assert.equal(readBack(scalar, '1.1'), value, `1.1: ${JSON.stringify(value)} written as ${scalar}`);
  }
});

test('itemYaml writes the site newer style: line, sec, time quoted, who', () => {
  assert.equal(
    itemYaml({ line: 'Welcome: all of you.', sec: 159, who: 'Alexey' }),
    "- line: 'Welcome: all of you.'\n  sec: 159\n  time: '2:39'\n  who: Alexey\n",
  );
  assert.equal(itemYaml({ line: 'And more.', who: 'Alexey' }, '\r\n'), '- line: And more.\r\n  who: Alexey\r\n');
  assert.equal(itemYaml({ header: 'Queues: why' }, '\n', '  '), "  - header: 'Queues: why'\n");
  assert.equal(itemYaml({ line: 'x', sec: 3642, time: '1:00:42' }), "- line: x\n  sec: 3642\n  time: '1:00:42'\n");
});

test('transcriptYaml reads back as the items it was given', () => {
  const items = [{ header: 'Intro' }, { line: '22', sec: 0, who: 'Guest: Ana' }, { line: 'More.', who: 'Guest: Ana' }];
  const text = transcriptYaml(items);
  assert.deepEqual(parse(text), { transcript: [{ header: 'Intro' }, { line: '22', sec: 0, time: '0:00', who: 'Guest: Ana' }, { line: 'More.', who: 'Guest: Ana' }] });
});

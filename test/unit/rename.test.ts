import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, applyEdits, DEFAULT_CONFIG, parseEpisode, prepareRename, renameSpeaker, renameSpeakerEdits, TextEdit } from '../../server/src/core';
import { episode } from '../helpers';
import { allotmentEpisode } from './allotmentFixture';

const TEXT = allotmentEpisode();
const MODEL = parseEpisode(TEXT, 'file:///e.md');

test('prepareRename on a who value (or its key): the scalar and the name as placeholder', () => {
  const target = prepareRename(MODEL, TEXT.indexOf('who: Rosa') + 6);
  assert.ok(target && 'span' in target);
  assert.equal(TEXT.slice(target.span.start, target.span.end), 'Rosa');
  assert.equal(target.placeholder, 'Rosa');
  assert.deepEqual(prepareRename(MODEL, TEXT.indexOf('who: Rosa')), target);
});

test('prepareRename elsewhere says what can be renamed; outside an episode nothing', () => {
  assert.deepEqual(prepareRename(MODEL, TEXT.indexOf('Welcome')), { error: 'Only a speaker can be renamed here: put the cursor on a who value.' });
  assert.deepEqual(prepareRename(MODEL, TEXT.indexOf('Lesson 1')), { error: 'Only a speaker can be renamed here: put the cursor on a who value.' });
  assert.equal(prepareRename(parseEpisode('# Notes\nwho: Rosa\n'), 12), undefined);
});

test('rename: every who of that speaker, nothing else', () => {
  const result = renameSpeaker(MODEL, TEXT.indexOf('who: Rosa') + 6, 'Rosa Quill');
  assert.ok(result && 'edits' in result);
  assert.equal(result.count, 3);
  assert.equal(applyEdits(TEXT, result.edits), TEXT.replace(/who: Rosa\n/g, 'who: Rosa Quill\n'));
});

test('rename keeps quotes, adds them when YAML needs them, and refuses an empty or multi-line name', () => {
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: 'Sam'\n- line: B.\n  sec: 2\n  time: '0:02'\n  who: Sam\n- line: C.\n  sec: 3\n  time: '0:03'\n  who: \"Sam\"\n");
  const model = parseEpisode(text);
  const result = renameSpeaker(model, text.indexOf("'Sam'"), "Sam: O'Neil");
  assert.ok(result && 'edits' in result);
  assert.equal(applyEdits(text, result.edits), text.replace("who: 'Sam'", "who: 'Sam: O''Neil'").replace('who: Sam\n', "who: 'Sam: O''Neil'\n").replace('who: "Sam"', 'who: "Sam: O\'Neil"'));
  assert.equal(applyEdits(text, (renameSpeaker(model, text.indexOf('who: Sam'), '  Samuel ') as { edits: TextEdit[] }).edits), text.replace("'Sam'", "'Samuel'").replace('who: Sam\n', 'who: Samuel\n').replace('"Sam"', '"Samuel"'));
  assert.deepEqual(renameSpeaker(model, text.indexOf('who: Sam'), '  '), { error: 'A speaker name cannot be empty.' });
  assert.deepEqual(renameSpeaker(model, text.indexOf('who: Sam'), 'A\nB'), { error: 'A speaker name must be one line.' });
});

test('the who-variant quick fix and rename build the same edit', () => {
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: Rosa\n- line: B.\n  sec: 2\n  time: '0:02'\n  who: Rosa\n- line: C.\n  sec: 3\n  time: '0:03'\n  who: Rossa\n");
  const model = parseEpisode(text);
  const finding = analyze(model, DEFAULT_CONFIG).find((f) => f.rule === 'who-variant')!;
  assert.deepEqual(finding.fixes[0].edits, renameSpeakerEdits(model, 'Rossa', 'Rosa').edits);
  assert.equal(applyEdits(text, finding.fixes[0].edits), text.replace('Rossa', 'Rosa'));
});

test('rename refuses control characters and line separators, naming the character', () => {
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: Sam\n");
  const model = parseEpisode(text);
  const at = text.indexOf('who: Sam');
  for (const [name, code] of [['Sa\u0000m', '0000'], ['Sa\u0085m', '0085'], ['Sa\u2028m', '2028'], ['\u001b[31mSam', '001B'], ['Sa\u007fm', '007F']]) {
    assert.deepEqual(renameSpeaker(model, at, name), { error: `A speaker name cannot hold control characters or line separators (it holds U+${code}).` }, JSON.stringify(name));
  }
});

test('rename quotes names YAML 1.1 (PyYAML) or 1.2 would read as another type', () => {
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: Sam\n");
  const model = parseEpisode(text);
  const renamed = (name: string) => applyEdits(text, (renameSpeaker(model, text.indexOf('who: Sam'), name) as { edits: TextEdit[] }).edits).replace(text.slice(0, text.indexOf('who: Sam')), '').split('\n')[0];
  assert.deepEqual(['Yes', 'off', 'y', '2024-01-01', '1:30', '=', '<<', '.inf', '0x1F', '-5', 'Sam 2'].map(renamed),
    ["who: 'Yes'", "who: 'off'", "who: 'y'", "who: '2024-01-01'", "who: '1:30'", "who: '='", "who: '<<'", "who: '.inf'", "who: '0x1F'", "who: '-5'", 'who: Sam 2']);
});

test('the who-variant fix writes a name holding NEL or a line separator escaped, double-quoted', () => {
  const text = episode("- line: A.\n  sec: 1\n  time: '0:01'\n  who: \"Ro\\x85sa\"\n- line: B.\n  sec: 2\n  time: '0:02'\n  who: \"Ro\\x85sa\"\n- line: C.\n  sec: 3\n  time: '0:03'\n  who: Ro\u0085ssa\n");
  const finding = analyze(parseEpisode(text), DEFAULT_CONFIG).find((f) => f.rule === 'who-variant');
  assert.ok(finding, 'who-variant');
  assert.equal(applyEdits(text, finding.fixes[0].edits), text.replace('who: Ro\u0085ssa', 'who: "Ro\\u0085sa"'));
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { check, covered, episode, rulesOf } from '../helpers';

const timed = (text: string, sec: number, who = 'Host') => {
  const m = Math.floor(sec / 60);
  return `- line: ${text}\n  sec: ${sec}\n  time: '${m}:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;
};

test('yaml-syntax: an unclosed quote is reported on the broken value, and nothing inside its item', () => {
  const text = episode("- line: 'unclosed\n  sec: 5\n");
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f)]), [['yaml-syntax', "'unclosed"]]);
  assert.match(findings[0].message, /^the front matter does not parse: /);
});

test('yaml-syntax: front matter without a closing line', () => {
  const findings = check('---\ntitle: x\ntranscript:\n- header: A\n');
  assert.equal(findings[0].rule, 'yaml-syntax');
  assert.equal(findings[0].message, "the front matter does not parse: the front matter has no closing '---' line");
  assert.deepEqual([findings[0].start, findings[0].end], [0, 3]);
});

test('files that are not episodes get nothing', () => {
  assert.deepEqual(check('# Just markdown\n\n- line: x\n'), []);
  assert.deepEqual(check('---\ntitle: no transcript\nsec: -1\n---\nBody\n'), []);
  assert.deepEqual(check("---\ntitle: 'broken\n---\n"), []);
});

test('a file in a _podcast folder is an episode even without a transcript', () => {
  const findings = check('---\ntitle: x\nseason: four\n---\n', {}, 'file:///site/_podcast/ep.md');
  assert.deepEqual(rulesOf(findings), ['schema-type']);
});

test('schema-type on top-level keys', () => {
  const text = '---\ntitle: x\nseason: four\nepisode: 2\nguests: alice\nids: abc\nlinks: []\ntranscript: hello\n---\n';
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, covered(text, f)]), [
    ['schema-type', 'four'], ['schema-type', 'alice'], ['schema-type', 'abc'], ['schema-type', '[]'], ['schema-type', 'hello'],
  ]);
  assert.equal(findings[0].message, "season must be a whole number, not 'four'");
  assert.equal(findings[4].message, "transcript must be a list of items, not 'hello'");
  assert.equal(check('---\ntranscript: null\n---\n')[0].message, 'transcript must be a list of items, not empty');
});

test('item-shape: not a map, both header and line, neither', () => {
  const text = episode("- just a string\n- header: Both\n  line: Text\n  who: Host\n- who: Host\n  sec: 4\n  time: '0:04'\n");
  const findings = check(text).filter((f) => f.rule === 'item-shape');
  assert.deepEqual(findings.map((f) => covered(text, f)), ['just a string', 'header', 'who']);
});

test('item-unknown-key suggests the nearest key; no suggestion when nothing is close', () => {
  const text = episode("- line: Hi.\n  sec: 4\n  tiem: '0:04'\n  speaker: Host\n");
  const findings = check(text).filter((f) => f.rule === 'item-unknown-key');
  assert.equal(findings[0].message, "unknown key 'tiem' in a transcript item; did you mean 'time'?");
  assert.equal(covered(text, findings[0]), 'tiem');
  assert.equal(findings[1].message, "unknown key 'speaker' in a transcript item (known keys: line, header, sec, time, who)");
  assert.equal(findings[1].fixes.length, 0);
});

test('item-duplicate: the same line twice, across a repeated header, and the same header twice', () => {
  const copy = '- line: A sentence long enough to be a real duplicate.\n';
  const text = episode(`- header: Intro\n${copy}- header: Intro\n${timed('A sentence long enough to be a real duplicate.', 10)}- header: Next\n- header: Next\n${timed('Something else.', 20)}`);
  const findings = check(text).filter((f) => f.rule === 'item-duplicate');
  assert.deepEqual(findings.map((f) => f.message), [
    'line "A sentence long enough to be a real…" repeats the next line (this copy has no time)',
    'header "Next" repeats the previous header',
  ]);
});

test('item-duplicate near miss: a short answer by two speakers, and lines apart', () => {
  assert.deepEqual(rulesOf(check(episode(timed('Bye.', 10, 'Host') + timed('Bye.', 11, 'Guest')))), []);
  const text = episode(timed('A sentence long enough to be a real duplicate.', 10) + timed('Other.', 12) + timed('A sentence long enough to be a real duplicate.', 14));
  assert.deepEqual(check(text), []);
});

test('header-hidden: a header followed by another header, or by untimed lines only', () => {
  const text = episode(`- header: Podcast Introduction\n- header: Background\n${timed('Hi.', 5)}- header: Untimed section\n- line: No time here.\n  who: Host\n- header: Last\n${timed('End.', 9)}`);
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, covered(text, f)]), [
    ['header-hidden', 'hint', 'Podcast Introduction'],
    ['header-hidden', 'hint', 'Untimed section'],
  ]);
});

test('youtube-id-invalid: a malformed id, and an id that differs from links.youtube', () => {
  const bad = episode(timed('Hi.', 5), 'ids:\n  youtube: NfAJAr7FvyY&t\nlinks:\n  youtube: https://www.youtube.com/watch?v=NfAJAr7FvyY&t\n');
  const [finding] = check(bad);
  assert.equal(finding.rule, 'youtube-id-invalid');
  assert.equal(covered(bad, finding), 'NfAJAr7FvyY&t');
  const differs = episode(timed('Hi.', 5), 'ids:\n  youtube: AbCdEfGhIjK\nlinks:\n  youtube: https://youtube.com/watch?v=ZZZZZZZZZZZ\n');
  const [other] = check(differs);
  assert.equal(other.message, "links.youtube points at video 'ZZZZZZZZZZZ' but ids.youtube is 'AbCdEfGhIjK'");
  assert.equal(covered(differs, other), 'https://youtube.com/watch?v=ZZZZZZZZZZZ');
});

test('keys after the transcript are read as metadata, not items', () => {
  const text = `---\ntitle: x\ntranscript:\n${timed('Hi.', 5)}context: some context\nseason: x\n---\n`;
  assert.deepEqual(rulesOf(check(text)), ['schema-type']);
});

test('double-quoted values with \\u escapes are read as text', () => {
  const text = episode(`- header: "Santiago\\u2019s background"\n- line: "It was \\u201Cgreat\\u201D, really\\\n    \\ great."\n  sec: 5\n  time: '0:05'\n  who: Santiago\n`);
  assert.deepEqual(check(text), []);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, parseEpisode } from '../../server/src/core';
import { insertChapters, placeChapters } from '../../server/src/core/chapters/insertChapters';
import { Chapter, readChapterList } from '../../server/src/core/chapters/readChapters';
import { ConvertError } from '../../server/src/core/convert/types';
import { episode } from '../helpers';

/** Issue 19: a chapter list made the episode's headers, placed as the site's inserter places them, only header items edited. */

const line = (text: string, sec?: number, who = 'Guest') =>
  sec === undefined ? `- line: ${text}\n  who: ${who}\n` : `- line: ${text}\n  sec: ${sec}\n  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'\n  who: ${who}\n`;

function insert(transcript: string, list: string | Chapter[], keepHeaders = false) {
  const text = episode(transcript);
  const chapters = typeof list === 'string' ? readChapterList(list).chapters : list;
  const outcome = insertChapters(parseEpisode(text, 'file:///w/_podcast/e.md'), chapters, { keepHeaders });
  assert.equal(applyEdits(text, outcome.edits), outcome.text, 'the edits make the text returned');
  return { before: text, ...outcome };
}

test('placement: before the first timed line at or after the chapter; the 0:00 intro before a transcript starting at 2:39 covers no line', () => {
  const transcript = line('Welcome.', 159) + line('First.', 200) + line('Second.', 260);
  const result = insert(transcript, '00:00:00 Podcast Introduction\n00:02:39 Guest Background\n00:03:00 Topic: one\n');
  assert.equal(result.text, episode('- header: Podcast Introduction'.slice(0, 0) + '- header: Guest Background\n' + line('Welcome.', 159) + "- header: 'Topic: one'\n" + line('First.', 200) + line('Second.', 260)));
  assert.deepEqual(result.coverNoLine, [{ sec: 0, title: 'Podcast Introduction', line: 1 }]);
  assert.deepEqual(result.inserted.map((c) => c.title), ['Guest Background', 'Topic: one']);
  assert.equal(result.removed, 0);
});

test("placement: the site's rule for untimed continuation items (after the timed line's sec and up to the next timed line's: before the first untimed item)", () => {
  const content = [{ sec: 100 }, {}, {}, { sec: 200 }, {}, { sec: 300 }, {}];
  const chapters = [100, 150, 200, 201, 300, 301, 999].map((sec) => ({ sec, title: String(sec) }));
  assert.deepEqual(placeChapters(content, chapters), [0, 1, 1, 4, 4, 6, 6]);
  // Untimed items before any timed line take no chapter.
  assert.deepEqual(placeChapters([{}, { sec: 50 }], [{ sec: 0, title: 'a' }]), [1]);
  // After the last line: at the end.
  assert.deepEqual(placeChapters([{ sec: 5 }], [{ sec: 6, title: 'a' }]), [1]);
});

test('placement when sec runs back: the first timed line at or after the chapter from where the previous chapter went', () => {
  const content = [{ sec: 10 }, { sec: 100 }, { sec: 50 }, { sec: 200 }];
  assert.deepEqual(placeChapters(content, [10, 60, 120].map((sec) => ({ sec, title: '' }))), [0, 1, 3]);
  const transcript = line('a', 10) + line('b', 100) + line('c', 50) + line('d', 200);
  const result = insert(transcript, '00:00:10 A\n00:01:00 B\n00:02:00 C\n');
  assert.equal(result.text, episode('- header: A\n' + line('a', 10) + '- header: B\n' + line('b', 100) + line('c', 50) + '- header: C\n' + line('d', 200)));
});

test('an untimed continuation item takes a chapter, and a chapter with no timed line before the next covers no line', () => {
  const transcript = line('Timed.', 100) + line('Continued.') + line('More.') + line('Next.', 200);
  const result = insert(transcript, '00:01:40 Start\n00:02:00 Cont\n00:02:30 Also cont\n');
  // 2:00 and 2:30 both go before the continuation item (after 1:40, up to 3:20): only the later is written.
  assert.equal(result.text, episode('- header: Start\n' + line('Timed.', 100) + '- header: Also cont\n' + line('Continued.') + line('More.') + line('Next.', 200)));
  assert.deepEqual(result.coverNoLine.map((c) => c.title), ['Cont']);
});

test('chapters after the last line go at the end, where they cover no line', () => {
  const result = insert(line('a', 10), '00:00:10 A\n00:05:00 Too late\n');
  assert.equal(result.text, episode('- header: A\n' + line('a', 10)));
  assert.deepEqual(result.coverNoLine.map((c) => c.title), ['Too late']);
});

test('replace: the old header items are removed (whole lines), every other byte unchanged; the same list again changes nothing', () => {
  const transcript = "- header: Old one # a comment\n" + line('a', 10) + "# kept comment\n- header:\n    Old two\n" + line('b', 70) + line('c', 130);
  const result = insert(transcript, '00:00:10 Old one\n00:02:10 New\n');
  assert.equal(result.text, episode("- header: Old one # a comment\n" + line('a', 10) + '# kept comment\n' + line('b', 70) + '- header: New\n' + line('c', 130)));
  assert.equal(result.removed, 1);
  assert.deepEqual(result.edits.map((e) => e.newText), ['', '- header: New\n']);
  const again = insert(result.text.slice(result.text.indexOf('transcript:\n') + 'transcript:\n'.length, result.text.indexOf('---\nBody')), '00:00:10 Old one\n00:02:10 New\n');
  assert.deepEqual(again.edits, []);
});

test('keep: the episode\'s headers stay; chapters merged by time; one landing on an existing header\'s place covers no line', () => {
  const transcript = '- header: Existing\n' + line('a', 10) + line('b', 70) + line('c', 130);
  const result = insert(transcript, '00:00:05 Same place\n00:01:10 Added\n', true);
  assert.equal(result.text, episode('- header: Existing\n' + line('a', 10) + '- header: Added\n' + line('b', 70) + line('c', 130)));
  assert.deepEqual(result.coverNoLine.map((c) => c.title), ['Same place']);
  assert.equal(result.removed, 0);
});

test('quoting as YAML needs: ": ", " #", quotes, a leading "-", a YAML 1.1 word, a number', () => {
  const titles = ['Topic: one', 'C# #1 and more #tags', '"Data" isn\'t "AI"', '- leading dash?', 'yes', '2024 plans'];
  const list = titles.map((title, i) => ({ sec: 10 * (i + 1), title }));
  const transcript = [10, 20, 30, 40, 50, 60].map((sec) => line(`at ${sec}`, sec)).join('');
  const result = insert(transcript, list);
  const headers = parseEpisode(result.text).transcript!.items.filter((i) => i.kind === 'header').map((i) => i.header);
  assert.deepEqual(headers, titles);
  assert.match(result.text, /^- header: 'Topic: one'$/m);
  assert.match(result.text, /^- header: 'C# #1 and more #tags'$/m);
  assert.match(result.text, /^- header: '"Data" isn''t "AI"'$/m);
  assert.match(result.text, /^- header: '- leading dash\?'$/m);
  assert.match(result.text, /^- header: 'yes'$/m);
  assert.match(result.text, /^- header: '2024 plans'$/m);
});

test('CRLF files stay CRLF; an indented list keeps its indent', () => {
  const text = "---\r\ntitle: T\r\ntranscript:\r\n  - line: a\r\n    sec: 10\r\n  - header: Old\r\n  - line: b\r\n    sec: 70\r\n---\r\nBody\r\n";
  const outcome = insertChapters(parseEpisode(text), readChapterList('00:00:10 A\r\n00:01:10 B\r\n').chapters);
  assert.equal(outcome.text, "---\r\ntitle: T\r\ntranscript:\r\n  - header: A\r\n  - line: a\r\n    sec: 10\r\n  - header: B\r\n  - line: b\r\n    sec: 70\r\n---\r\nBody\r\n");
});

test('refused: a front matter that does not parse, no transcript, anchors', () => {
  const refuse = (text: string, message: RegExp) => assert.throws(() => insertChapters(parseEpisode(text, 'file:///w/_podcast/e.md'), [{ sec: 0, title: 'A' }]), (e: unknown) => e instanceof ConvertError && message.test(e.message));
  refuse(episode("- line: 'unclosed\n  sec: 1\n"), /does not parse/);
  refuse('---\ntitle: T\n---\n', /no transcript/);
  refuse(episode('- &a line: x\n  sec: 1\n- line: y\n  sec: 2\n'), /anchors/);
});

test('keep: a chapter that would leave an existing header no timed line is not written', () => {
  // The header stands before an untimed opening line; a chapter before the first timed line would hide it.
  const transcript = '- header: Cold open\n' + line('An untimed opening.') + line('a', 10) + line('b', 70);
  const result = insert(transcript, '00:00:05 Would hide it\n00:01:00 Fine\n', true);
  assert.equal(result.text, episode('- header: Cold open\n' + line('An untimed opening.') + line('a', 10) + '- header: Fine\n' + line('b', 70)));
  assert.deepEqual(result.coverNoLine.map((c) => c.title), ['Would hide it']);
});

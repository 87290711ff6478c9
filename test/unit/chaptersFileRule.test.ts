import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { chaptersFileFindings, chaptersFilePath, mergeConfigs, parseEpisode, readConfig, ruleSetting } from '../../server/src/core';
import { episode } from '../helpers';

/** chapters-file-mismatch (issue 19): the episode's chapter file against its headers; off by default. */

const item = (text: string, sec: number) => `- line: ${text}\n  sec: ${sec}\n  who: Guest\n`;
const TEXT = episode(`- header: Podcast Introduction\n- header: Guest Background\n${item('Hello.', 159)}${item('Go on.', 200)}- header: Feature Stores\n${item('So.', 754)}- header: Only here\n${item('End.', 900)}`);
const on = mergeConfigs(readConfig({ rules: { 'chapters-file-mismatch': 'warning' }, chapters: { filePattern: '../podcast-timestamps/{name}.txt' } }).config);
const FILE = 'podcast-timestamps/e.txt';

function findings(list: string, config = on) {
  const model = parseEpisode(TEXT, 'file:///site/_podcast/e.md');
  return chaptersFileFindings(model, config, { name: FILE, text: list }).map((f) => [TEXT.slice(f.start, f.end), f.severity, f.message]);
}

test('off by default; the pattern is read from the configuration and resolved per episode', () => {
  assert.equal(ruleSetting(mergeConfigs(), 'chapters-file-mismatch'), 'off');
  assert.deepEqual(findings('00:00:00 Something else\n', mergeConfigs()), []);
  assert.equal(on.chaptersFilePattern, '../podcast-timestamps/{name}.txt');
  assert.equal(chaptersFilePath(on.chaptersFilePattern!, 's22e04-name.md'), '../podcast-timestamps/s22e04-name.txt');
  assert.deepEqual(readConfig({ chapters: { filePattern: '/abs/{name}.txt' } }).problems, ['"chapters.filePattern" must be a path relative to the episode\'s folder holding {name}, e.g. "../podcast-timestamps/{name}.txt"']);
  assert.deepEqual(readConfig({ chapters: { filePattern: 'no-name.txt' } }).problems.length, 1);
});

test('agreeing: the list places its chapters where the headers are (the hidden intro aside): no finding', () => {
  assert.deepEqual(findings('00:00:00 Podcast Introduction\n00:02:39 Guest Background\n00:12:00 Feature Stores\n00:15:00 Only here\n'), []);
});

test('disagreeing: a header not in the file, one the file puts elsewhere, a chapter that is no header, a line that is no chapter', () => {
  assert.deepEqual(findings('00:02:39 Guest Background\n00:03:00 Feature Stores\n00:14:00 New topic\nnot a chapter\n'), [
    ['transcript', 'warning', `${FILE} line 4 is not a chapter (HH:MM:SS Topic): not a chapter`],
    ['transcript', 'warning', `${FILE} has 1 chapter that is no header here: "New topic" (00:14:00)`],
    ['Feature Stores', 'warning', `header "Feature Stores" is not where ${FILE} puts it: the file starts it at 00:03:00, the header's first timed line is at 00:12:34`],
    ['Only here', 'warning', `header "Only here" is not in ${FILE}`],
  ]);
});

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { documentLinks, formatDuration, hoverAt, parseDuration, parseEpisode } from '../../server/src/core';
import { applyFix, check, covered, rulesOf } from '../helpers';
import { META, allotmentEpisode } from './allotmentFixture';

const meta = (rule: string, text: string) => check(text).filter((f) => f.rule === rule);

test('duration-mismatch: fires when duration is not last sec - first sec, with the numbers; the fix writes the site spelling', () => {
  assert.deepEqual(meta('duration-mismatch', allotmentEpisode()), [], 'near miss: 123 - 50 = 73 s = PT00H01M13S');
  const text = allotmentEpisode().replace('PT00H01M13S', 'PT00H01M10S');
  const [finding] = meta('duration-mismatch', text);
  assert.equal(finding.severity, 'warning');
  assert.equal(covered(text, finding), 'PT00H01M10S');
  assert.equal(finding.message, 'duration PT00H01M10S is 70 s but the transcript runs 73 s (1:13: last sec 123 − first sec 50)');
  assert.equal(finding.fixes[0].title, 'Set duration to PT00H01M13S (last sec − first sec)');
  assert.equal(applyFix(text, 'duration-mismatch'), allotmentEpisode());
  assert.equal(finding.fixes[0].safe, false, 'not in fix-all: its deletions can move the last sec');
});

test('duration-mismatch: times that run backwards from first to last are left to sec-order', () => {
  const text = allotmentEpisode().replace('  sec: 123\n  time: \'2:03\'', '  sec: 20\n  time: \'0:20\'');
  assert.deepEqual(meta('duration-mismatch', text), []);
  assert.ok(rulesOf(check(text)).includes('sec-order'));
});

test('duration-mismatch: a value that is not a duration, and quoting kept', () => {
  const text = allotmentEpisode().replace('duration: PT00H01M13S', "duration: '73 seconds'");
  const [finding] = meta('duration-mismatch', text);
  assert.equal(finding.message, "duration '73 seconds' is not an ISO 8601 duration like PT01H02M03S; the transcript runs 73 s (1:13: last sec 123 − first sec 50)");
  assert.equal(applyFix(text, 'duration-mismatch'), allotmentEpisode().replace('duration: PT00H01M13S', "duration: 'PT00H01M13S'"));
  assert.deepEqual(meta('duration-mismatch', allotmentEpisode().replace('duration: PT00H01M13S', 'duration: PT1M13S')), [], 'another spelling of the same length is fine');
});

test('parseDuration and formatDuration follow the site: hours always, zero minutes or seconds left out', () => {
  assert.equal(formatDuration(3923), 'PT01H05M23S');
  assert.equal(formatDuration(3635), 'PT01H35S');
  assert.equal(formatDuration(3900), 'PT01H05M');
  assert.equal(formatDuration(59), 'PT00H59S');
  for (const s of [0, 59, 60, 3599, 3600, 3635, 3900, 5146]) assert.equal(parseDuration(formatDuration(s)), s);
  assert.equal(parseDuration('PT'), undefined);
  assert.equal(parseDuration('1:05:23'), undefined);
});

test('clip-mismatch: url t= differs from startOffset, url without t=, another video, end before start', () => {
  assert.deepEqual(meta('clip-mismatch', allotmentEpisode()), [], 'near miss: the fixture clips agree');
  const text = allotmentEpisode(undefined, META
    .replace('AbCdEfGhIjK&t=50', 'AbCdEfGhIjK&t=51')
    .replace('url: https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70', 'url: https://www.youtube.com/watch?v=ZyXwVuTsRqP&t=70')
    .replace('endOffset: 123', 'endOffset: 60'));
  const findings = meta('clip-mismatch', text);
  assert.deepEqual(findings.map((f) => f.message), [
    "clip 'Opening': the url starts the video at t=51 (0:51) but startOffset is 50 (0:50)",
    "clip 'Soil sensors': the url is for video 'ZyXwVuTsRqP' but ids.youtube is 'AbCdEfGhIjK'",
    "clip 'Soil sensors' ends at 1:00 (endOffset 60), before it starts at 1:10 (startOffset 70)",
  ]);
  assert.equal(covered(text, findings[0]), 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=51');
  assert.equal(covered(text, findings[2]), '60');
  const noT = allotmentEpisode(undefined, META.replace('AbCdEfGhIjK&t=70', 'AbCdEfGhIjK'));
  assert.deepEqual(meta('clip-mismatch', noT).map((f) => f.message), ["clip 'Soil sensors': the url has no t=, so it opens the video at 0:00, but startOffset is 70 (1:10)"]);
  assert.deepEqual(meta('clip-mismatch', allotmentEpisode(undefined, META.replace('&t=70', '&t=1m10s'))), [], 't=1m10s is 70 s');
});

test('clip-mismatch: overlapping clips are fine; with an invalid ids.youtube only youtube-id-invalid speaks', () => {
  assert.deepEqual(meta('clip-mismatch', allotmentEpisode(undefined, META.replace('endOffset: 70', 'endOffset: 90'))), []);
  const badId = allotmentEpisode(undefined, META.replace('  youtube: AbCdEfGhIjK\n', '  youtube: AbCdEfGhIjK&t\n'));
  assert.deepEqual(rulesOf(check(badId)).filter((r) => r === 'clip-mismatch' || r === 'youtube-id-invalid'), ['youtube-id-invalid']);
});

test('clips get hovers and links like lines: the video at startOffset from the validated id', () => {
  const text = allotmentEpisode();
  const model = parseEpisode(text);
  const hover = hoverAt(model, text.indexOf('Soil sensors\n'))!;
  assert.equal(hover.markdown, '**Clip:** Soil sensors\n\n1:10 – 2:03 (53 s), startOffset 70, endOffset 123.\n\n[Open video at 1:10](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70)');
  assert.equal(text.slice(hover.span.start, hover.span.end), 'name: Soil sensors');
  const links = documentLinks(model).filter((l) => l.span.start < text.indexOf('transcript:'));
  assert.deepEqual(links.map((l) => [text.slice(l.span.start, l.span.end), l.url, l.tooltip]), [
    ['50', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=50', 'Open video at 0:50'],
    ['70', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70', 'Open video at 1:10'],
    ['70', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=70', 'Open video at 1:10'],
    ['123', 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=123', 'Open video at 2:03'],
  ]);
  // On startOffset the value is itself the link to 1:10: the hover does not repeat it; on endOffset (2:03) it does.
  assert.equal(hoverAt(model, text.indexOf('startOffset: 70') + 13)!.markdown, '**Clip:** Soil sensors\n\n1:10 – 2:03 (53 s), startOffset 70, endOffset 123.');
  assert.match(hoverAt(model, text.indexOf('endOffset: 123') + 11)!.markdown, /\[Open video at 1:10\]/);
  const hostile = allotmentEpisode(undefined, META.replace('name: Opening', "name: '[x](command:evil) <b>'"));
  assert.equal(hoverAt(parseEpisode(hostile), hostile.indexOf('[x]'))!.markdown.split('\n\n')[0], '**Clip:** \\[x\\]\\(command\\:evil\\) \\<b\\>');
});

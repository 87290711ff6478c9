import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, parseEpisode } from '../../server/src/core';
import { insertLineAtPlayer, itemAtSecond, mediaHints, parseTimeInput, PlayerEdit, secondAt, setTimeFromPlayer } from '../../server/src/core/features/player';
import { folderRules, NameRule, pickMediaName, sameNameRule } from '../../client/src/player/mediaNames';
import { allotmentEpisode, TRANSCRIPT } from './allotmentFixture';

/** The media player's transcript side (issue 13), on the fictional allotment episode (powerFixture.ts). */

const TEXT = allotmentEpisode();
const model = (text = TEXT) => parseEpisode(text, 'file:///garden/allotment.md');
const at = (needle: string, text = TEXT) => {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture holds ${needle}`);
  return offset;
};
const firstWordsAt = (text: string, offset: number) => text.slice(offset, offset + 20);
function applied(result: PlayerEdit, text = TEXT): string {
  assert.equal(result.ok, true, result.message);
  return applyEdits(text, result.ok ? result.edits : []);
}

test('item at a second: the timed item with the latest sec ≤ t, continuation lines included in its span', () => {
  const m = model();
  const spoken = (t: number) => {
    const hit = itemAtSecond(m, t);
    return hit && { line: hit.item.line, sec: hit.sec, before: hit.before ?? false };
  };
  assert.deepEqual(spoken(50), { line: 'Welcome to the allotment show, where data meets dirt.', sec: 50, before: false });
  assert.deepEqual(spoken(54), { line: 'Welcome to the allotment show, where data meets dirt.', sec: 50, before: false });
  assert.deepEqual(spoken(55), { line: 'Thanks, glad to be here.', sec: 55, before: false });
  assert.deepEqual(spoken(122), { line: 'So how do the sensors report moisture to the database?', sec: 70, before: false });
  assert.deepEqual(spoken(5000), { line: 'Every ten minutes, over a cheap radio link.', sec: 123, before: false });
  // Before the first timed line: that line, marked as such.
  assert.deepEqual(spoken(3), { line: 'Welcome to the allotment show, where data meets dirt.', sec: 50, before: true });
  // The answer at 2:03 runs on into its untimed continuation: both are highlighted.
  const last = itemAtSecond(m, 130)!;
  assert.equal(TEXT.slice(last.span.start, last.span.end), TRANSCRIPT.slice(TRANSCRIPT.indexOf('- line: Every ten')));
});

test('item at a second where a line runs back in time: the latest sec reached, so the mistake does not hold the highlight', () => {
  // 50, 55, 52 (a slip for 70), 123: from 0:55 on, "Thanks" is being spoken until 2:03, except at 0:52–0:54.
  const text = allotmentEpisode(TRANSCRIPT.replace('sec: 70', 'sec: 52'));
  const lineAt = (t: number) => itemAtSecond(model(text), t)?.item.line;
  assert.equal(lineAt(53), 'So how do the sensors report moisture to the database?');
  assert.equal(lineAt(60), 'Thanks, glad to be here.');
  assert.equal(lineAt(122), 'Thanks, glad to be here.');
  assert.equal(lineAt(123), 'Every ten minutes, over a cheap radio link.');
  // Equal seconds: the later in the file. Before every line: the earliest one, marked as such.
  const tied = allotmentEpisode(TRANSCRIPT.replace('sec: 70', 'sec: 55'));
  assert.equal(itemAtSecond(model(tied), 60)?.item.line, 'So how do the sensors report moisture to the database?');
  const early = allotmentEpisode(TRANSCRIPT.replace('sec: 70', 'sec: 20'));
  const before = itemAtSecond(model(early), 10);
  assert.deepEqual([before?.item.line, before?.sec, before?.before], ['So how do the sensors report moisture to the database?', 20, true]);
});

test('item at a second: nothing for a file that is not an episode or has no timed line', () => {
  assert.equal(itemAtSecond(parseEpisode('# Notes\n', 'file:///notes.md'), 10), undefined);
  assert.equal(itemAtSecond(model(allotmentEpisode('- header: Only a header\n')), 10), undefined);
});

test('second at the cursor: any line of an item, a header its first timed line, a continuation the previous timed line', () => {
  const m = model();
  const secAt = (needle: string) => secondAt(m, at(needle))?.sec;
  assert.equal(secAt('Thanks, glad'), 55);
  assert.equal(secAt('  time: 0:55'), 55);
  assert.equal(secAt('  who: Rosa\n- header'), 55);
  assert.equal(secAt('Lesson 3 Soil'), 70);
  assert.equal(secAt('And the rest'), 123);
  assert.equal(secAt('title: The allotment'), undefined, 'outside the transcript');
  // The span is the timed item the second comes from (what gets highlighted).
  const header = secondAt(m, at('Lesson 3 Soil'))!;
  assert.equal(firstWordsAt(TEXT, header.span.start), '- line: So how do th');
});

test('Go to Time input: seconds, M:SS, H:MM:SS; anything else is explained', () => {
  assert.deepEqual(parseTimeInput('754'), { sec: 754 });
  assert.deepEqual(parseTimeInput(' 754s '), { sec: 754 });
  assert.deepEqual(parseTimeInput('12:34'), { sec: 754 });
  assert.deepEqual(parseTimeInput('1:02:03'), { sec: 3723 });
  assert.deepEqual(parseTimeInput('12:75'), { error: "'12:75' is not a time: type 12:34, 1:02:03 or a number of seconds (754)." });
  assert.deepEqual(parseTimeInput(''), { error: "'' is not a time: type 12:34, 1:02:03 or a number of seconds (754)." });
  assert.deepEqual(parseTimeInput('-5'), { error: "'-5' is not a time: type 12:34, 1:02:03 or a number of seconds (754)." });
});

test('media hints: the valid YouTube id, season and episode', () => {
  assert.deepEqual(mediaHints(model()), { youtube: 'AbCdEfGhIjK', season: undefined, episode: undefined });
  const text = allotmentEpisode(TRANSCRIPT, 'season: 4\nepisode: 1\nids:\n  youtube: not-an-id\n');
  assert.deepEqual(mediaHints(model(text)), { youtube: undefined, season: 4, episode: 1 });
  assert.equal(mediaHints(parseEpisode('# Notes\n', 'file:///notes.md')), undefined);
});

test('Set Time From Player: sec and time of the item at the cursor, written as the quick fixes write them, nothing else', () => {
  const result = setTimeFromPlayer(model(), at('  who: Rosa\n- header'), 57);
  assert.equal(result.ok && result.message, 'Set the line "Thanks, glad to be here." (line 27) to 0:57 (sec 57).');
  assert.equal(result.ok && result.warning, undefined);
  assert.equal(applied(result), TEXT.replace('  sec: 55\n  time: 0:55', "  sec: 57\n  time: '0:57'"));
  assert.equal(result.ok && result.edits.length, 2);
  // A double-quoted label stays double-quoted; hours are written H:MM:SS.
  const text = TEXT.replace("time: '1:10'", 'time: "1:10"');
  assert.equal(applied(setTimeFromPlayer(model(text), at('So how'), 3723), text), text.replace('  sec: 70\n  time: "1:10"', '  sec: 3723\n  time: "1:02:03"'));
});

test('Set Time From Player on an untimed continuation line inserts sec and time before who', () => {
  const result = setTimeFromPlayer(model(), at('And the rest'), 130);
  assert.equal(applied(result), TEXT.replace('  who: Rosa\n---', "  sec: 130\n  time: '2:10'\n  who: Rosa\n---"));
});

test('Set Time From Player with only sec, or only time: the missing key is inserted as its quick fix does', () => {
  const onlySec = allotmentEpisode(TRANSCRIPT.replace('  time: 0:55\n', ''));
  assert.equal(applied(setTimeFromPlayer(model(onlySec), at('Thanks', onlySec), 58), onlySec), onlySec.replace('  sec: 55\n', "  sec: 58\n  time: '0:58'\n"));
  const onlyTime = allotmentEpisode(TRANSCRIPT.replace('  sec: 55\n', ''));
  assert.equal(applied(setTimeFromPlayer(model(onlyTime), at('Thanks', onlyTime), 58), onlyTime), onlyTime.replace('  time: 0:55\n', "  sec: 58\n  time: '0:58'\n"));
});

test('Set Time From Player out of order with a neighbour: done, and said', () => {
  const early = setTimeFromPlayer(model(), at('Thanks, glad'), 40);
  assert.equal(early.ok && early.warning, '0:40 (sec 40) is before the line "Welcome to the allotment…" (line 23) at 0:50: the times are now out of order (sec-order).');
  assert.equal(applied(early), TEXT.replace('  sec: 55\n  time: 0:55', "  sec: 40\n  time: '0:40'"));
  const late = setTimeFromPlayer(model(), at('Thanks, glad'), 80);
  assert.equal(late.ok && late.warning, '1:20 (sec 80) is after the line "So how do the sensors report…" (line 32) at 1:10: the times are now out of order (sec-order).');
  // The same second as a neighbour is a convention, not a problem.
  const same = setTimeFromPlayer(model(), at('Thanks, glad'), 70);
  assert.equal(same.ok && same.warning, undefined);
});

test('Set Time From Player at the time the item already has: no edit, a message', () => {
  const result = setTimeFromPlayer(model(), at('So how'), 70);
  assert.deepEqual(result, { ok: true, edits: [], message: 'The line "So how do the sensors report…" (line 32) is already at 1:10 (sec 70).', warning: undefined });
});

test('Set Time From Player refusals: not an episode, broken YAML, outside the transcript, a header, a bad second', () => {
  const refusal = (result: PlayerEdit) => (result.ok ? 'accepted' : result.message);
  assert.equal(refusal(setTimeFromPlayer(parseEpisode('# Notes\n- line: x\n', 'file:///notes.md'), 3, 10)), 'This file is not an episode: its front matter has no transcript.');
  const broken = TEXT.replace('- line: Thanks, glad', "- line: 'Thanks, glad");
  assert.equal(refusal(setTimeFromPlayer(model(broken), at('Welcome', broken), 10)), 'The front matter does not parse: fix the YAML first.');
  assert.equal(refusal(setTimeFromPlayer(model(), at('short: Gardening'), 10)), 'Put the cursor on a transcript item first.');
  assert.equal(refusal(setTimeFromPlayer(model(), at('Notes.'), 10)), 'Put the cursor on a transcript item first.');
  assert.equal(refusal(setTimeFromPlayer(model(), at('Lesson 3'), 10)), 'The header "Lesson 3 Soil sensors" (line 31) is a header, which has no time of its own: put the cursor on a spoken line.');
  for (const bad of [-1, 1.5, Number.NaN]) {
    assert.equal(refusal(setTimeFromPlayer(model(), at('So how'), bad)), `The player's time must be a whole number of seconds, 0 or more (got ${bad}).`);
  }
});

test('Insert Line at Player Time: a new spoken line after the item at the cursor, the other speaker, the cursor in line', () => {
  const result = insertLineAtPlayer(model(), at('  time: 0:50'), 52);
  assert.equal(result.ok && result.message, 'Inserted a line at 0:52 (sec 52) for Rosa after the line "Welcome to the allotment…" (line 23).');
  assert.equal(result.ok && result.warning, undefined);
  const text = applied(result);
  assert.equal(text, TEXT.replace('  who: Ingrid\n- line: Thanks', '  who: Ingrid\n- line: \n  sec: 52\n  time: 0:52\n  who: Rosa\n- line: Thanks'));
  assert.equal(result.ok && text.slice(result.cursor! - 8, result.cursor! + 1), '- line: \n');
  // After Rosa spoke, Ingrid; labels from a minute on are quoted as the site writes them.
  const after = insertLineAtPlayer(model(), at('Thanks, glad'), 61);
  assert.match(applied(after), /  who: Rosa\n- line: \n  sec: 61\n  time: '1:01'\n  who: Ingrid\n- header: Lesson 3/);
  // The label is written as the item at the cursor writes its own: quoted after a quoted one, as the site does.
  const quoted = TEXT.replace('  time: 0:50', "  time: '0:50'");
  assert.match(applied(insertLineAtPlayer(model(quoted), at('Welcome', quoted), 52), quoted), /  who: Ingrid\n- line: \n  sec: 52\n  time: '0:52'\n  who: Rosa\n- line: Thanks/);
  const double = TEXT.replace('  time: 0:50', '  time: "0:50"');
  assert.match(applied(insertLineAtPlayer(model(double), at('Welcome', double), 52), double), /  sec: 52\n  time: "0:52"\n/);
});

test('Insert Line at Player Time after a header, at the end of the transcript, with CRLF and indented items', () => {
  const header = insertLineAtPlayer(model(), at('Lesson 3'), 66);
  assert.match(applied(header), /- header: Lesson 3 Soil sensors\n- line: \n  sec: 66\n  time: '1:06'\n  who: Ingrid\n- line: So how/);
  const end = insertLineAtPlayer(model(), at('And the rest'), 140);
  assert.match(applied(end), /continues here.\n  who: Rosa\n- line: \n  sec: 140\n  time: '2:20'\n  who: Ingrid\n---\n/);
  const crlf = TEXT.replace(/\n/g, '\r\n');
  assert.match(applied(insertLineAtPlayer(model(crlf), at('Thanks', crlf), 56), crlf), /who: Rosa\r\n- line: \r\n  sec: 56\r\n  time: 0:56\r\n  who: Ingrid\r\n- header/);
  const indented = allotmentEpisode(TRANSCRIPT.replace(/^/gm, '  ').replace(/ +$/, ''));
  const result = insertLineAtPlayer(model(indented), at('Thanks', indented), 56);
  assert.match(applied(result, indented), /    who: Rosa\n  - line: \n    sec: 56\n    time: 0:56\n    who: Ingrid\n  - header/);
});

test('Insert Line at Player Time: order warning, no speaker to guess, refusals', () => {
  const early = insertLineAtPlayer(model(), at('Thanks'), 55);
  assert.equal(early.ok && early.warning, undefined, 'the same second as the line before is fine');
  const back = insertLineAtPlayer(model(), at('Thanks'), 20);
  assert.equal(back.ok && back.warning, '0:20 (sec 20) is before the line "Thanks, glad to be here." (line 27) at 0:55: the times are now out of order (sec-order).');
  const ahead = insertLineAtPlayer(model(), at('Thanks'), 200);
  assert.equal(ahead.ok && ahead.warning, '3:20 (sec 200) is after the line "So how do the sensors report…" (line 32) at 1:10: the times are now out of order (sec-order).');
  const lonely = allotmentEpisode('- header: Greeting\n');
  assert.equal(applied(insertLineAtPlayer(model(lonely), at('Greeting', lonely), 5), lonely), lonely.replace('Greeting\n', "Greeting\n- line: \n  sec: 5\n  time: '0:05'\n"));
  const refused = insertLineAtPlayer(model(), at('title:'), 5);
  assert.deepEqual(refused, { ok: false, message: 'Put the cursor on a transcript item first.' });
  assert.equal(insertLineAtPlayer(model(), at('Thanks'), -3).ok, false);
});

test('media names: the episode\'s own name, else in media folders its YouTube id or season/episode; never another episode\'s file', () => {
  const pick = (names: string[], rules: NameRule[]) => {
    for (const rule of rules) {
      const name = pickMediaName(names, rule);
      if (name) return name;
    }
    return undefined;
  };
  const beside = [sameNameRule('sensors-in-the-kitchen')];
  assert.equal(pick(['sensors-in-the-kitchen.md', 'sensors-in-the-kitchen.m4a', 'sensors-in-the-kitchen.mp3'], beside), 'sensors-in-the-kitchen.mp3', 'MP3 before AAC');
  assert.equal(pick(['Sensors-in-the-kitchen.FLAC'], beside), undefined, 'the name must be the same');
  assert.equal(pick(['sensors-in-the-kitchen.WAV'], beside), 'sensors-in-the-kitchen.WAV', 'the extension in any case');
  assert.equal(pick(['sensors-in-the-kitchen-2.mp3', 'sensors-in-the-kitchen.txt', 'kitchen.mp3'], beside), undefined);

  const folder = folderRules('sensors', { youtube: 'Xk3pT9qLm2A', season: 9, episode: 4 });
  assert.equal(pick(['talk-Xk3pT9qLm2A.opus', 's09e04.mp3'], folder), 'talk-Xk3pT9qLm2A.opus', 'the id before season/episode');
  assert.equal(pick(['Xk3pT9qLm2A_final.ogg'], folder), 'Xk3pT9qLm2A_final.ogg');
  assert.equal(pick(['Xk3pT9qLm2AB.mp3', 'aXk3pT9qLm2A.mp3'], folder), undefined, 'the id inside a longer word is another id');
  assert.equal(pick(['podcast-S9E4.ogg'], folder), 'podcast-S9E4.ogg');
  assert.equal(pick(['s09e04.mp3', 'sensors.wav'], folder), 'sensors.wav', 'the same name first');
  assert.equal(pick(['s09e041.mp3', 's109e04.mp3', 's09e14.mp3', 's9e40.mp3', 'xs09e04.mp3'], folder), undefined, 'another episode\'s numbers');
  assert.equal(pick(['s09e04.mp3'], folderRules('sensors', {})), undefined, 'without season/episode nothing but the name');
});

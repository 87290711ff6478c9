import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { assignSpeakers, looksLikeName, ReadCue } from '../../server/src/core/formats/speakers/cueSpeakers';

const cues = (...texts: string[]): ReadCue[] => texts.map((text, i) => ({ start: i, text }));
const whoSaid = (read: ReadCue[]) => assignSpeakers(read).map((cue) => [cue.speaker, cue.text]);

test('speakers: a sentence with a colon stays text (Why: `We\'re here: the final episode!` became a speaker)', () => {
  assert.deepEqual(whoSaid(cues("We're here: the final episode!", 'Plain words.', 'So the answer is: yes', 'So the answer is: no')), [
    [undefined, "We're here: the final episode!"],
    [undefined, 'Plain words.'],
    [undefined, 'So the answer is: yes'],
    [undefined, 'So the answer is: no'],
  ]);
});

test('speakers: a one-off label stays text and carries nothing over (Why: one stray `NAME:` filed hundreds of cues under it)', () => {
  const film = cues('Ann: Where were you?', 'Out.', 'NAME: Mm-hmm, OK.', 'Because: the rain.', ...Array.from({ length: 50 }, (_, i) => `Line ${i}.`), 'Ann: Fine.');
  const read = assignSpeakers(film);
  assert.deepEqual(read.slice(0, 4).map((cue) => [cue.speaker, cue.text]), [
    ['Ann', 'Where were you?'],
    ['Ann', 'Out.'],
    ['Ann', 'NAME: Mm-hmm, OK.'],
    ['Ann', 'Because: the rain.'],
  ]);
  assert.equal(read.filter((cue) => cue.speaker === 'NAME' || cue.speaker === 'Because').length, 0);
  assert.equal(read.filter((cue) => cue.speaker === 'Ann').length, film.length);
});

test('speakers: a name that opens several cues is a speaker, carried over to the unlabelled cues after it', () => {
  assert.deepEqual(whoSaid(cues('Speaker 1: Hi.', 'And more.', 'SPEAKER_00: Yes.', 'Speaker 1: Ok.', 'SPEAKER_00: Bye.')), [
    ['Speaker 1', 'Hi.'],
    ['Speaker 1', 'And more.'],
    ['SPEAKER_00', 'Yes.'],
    ['Speaker 1', 'Ok.'],
    ['SPEAKER_00', 'Bye.'],
  ]);
});

test('speakers: labels on every cue, some again (Zoom), are speakers whatever they look like', () => {
  assert.deepEqual(whoSaid(cues('priya r: Hello.', 'Sam (iPad): Hi!', 'priya r: Shall we?')), [
    ['priya r', 'Hello.'],
    ['Sam (iPad)', 'Hi!'],
    ['priya r', 'Shall we?'],
  ]);
});

test('speakers: labels on every cue, one a placeholder: a name that opens one cue is a speaker too; a sentence is not', () => {
  assert.deepEqual(whoSaid(cues('Speaker 1: Turn the heap weekly.', 'Ilse: Even in winter?')), [
    ['Speaker 1', 'Turn the heap weekly.'],
    ['Ilse', 'Even in winter?'],
  ]);
  assert.deepEqual(whoSaid(cues('Speaker 1: Turn the heap weekly.', "We're here: the final episode!")), [
    ['Speaker 1', 'Turn the heap weekly.'],
    ['Speaker 1', "We're here: the final episode!"],
  ]);
  // Without labels throughout, a one-off name stays text.
  assert.deepEqual(whoSaid(cues('Speaker 1: Turn the heap weekly.', 'Sure.', 'Ilse: Even in winter?')).map(([who]) => who), ['Speaker 1', 'Speaker 1', 'Speaker 1']);
});

test('speakers: a <v> voice always names the speaker; a voice with no words names nobody', () => {
  assert.deepEqual(
    assignSpeakers([
      { start: 0, text: 'Opening words.' },
      { start: 1, text: 'hi there: friend', voice: 'lower case voice' },
      { start: 2, text: '', voice: 'Empty' },
      { start: 3, text: 'Still the voice.' },
    ]).map((cue) => [cue.speaker, cue.text]),
    [
      [undefined, 'Opening words.'],
      ['lower case voice', 'hi there: friend'],
      ['lower case voice', ''],
      ['lower case voice', 'Still the voice.'],
    ],
  );
});

test('looksLikeName: one to four capitalised words, numbers after the first, particles inside', () => {
  for (const name of ['Alexey', 'Priya Raman', 'Dr. Jane Roe', "Sam O'Neil", 'Jean-Luc Picard', 'Speaker 1', 'SPEAKER_00', 'Ludwig van Beethoven', 'Émilie Dubois']) {
    assert.ok(looksLikeName(name), name);
  }
  for (const text of ["We're here", 'So the answer is', 'the host', 'One Two Three Four Five', 'Alexey van', '1 Speaker', 'Note to self']) {
    assert.ok(!looksLikeName(text), text);
  }
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, TextChange, TranscriptLanguageService } from '../../server/src/core';
import { corpusFiles, episode, iterations } from '../helpers';
import { createRandom } from '../random';

/**
 * Differential test of the incremental update: after every random edit, what the service answers
 * from its item-by-item update equals a full analysis of the same text by a fresh service.
 */

const SNIPPETS = ['a', ' ', 'x', '7', ':', "'", '"', '\n', '\n- ', '\n  ', '#', '- ', '  sec: ', '&a ', '*a', '\t', 'é', '🎙', '{', '[', '0:1', ','];

function syntheticEpisode(items: number): string {
  let transcript = '';
  let sec = 0;
  for (let i = 0; i < items; i++) {
    if (i % 6 === 0) { transcript += `- header: Section ${i}\n`; continue; }
    sec += 9;
    const who = i % 2 ? 'Host' : 'Guest';
    if (i % 11 === 0) { transcript += `- line: An untimed continuation number ${i}.\n  who: ${who}\n`; continue; }
    const time = `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
    transcript += `- line: Sentence ${i} is long enough to wrap onto the next physical line of the file,\n    as the real transcripts do.\n  sec: ${sec}\n  time: '${time}'\n  who: ${who}\n`;
  }
  return episode(transcript) + 'Body after.\n';
}

type Random = ReturnType<typeof createRandom>;

/** Typing inside a `line` value: letters, spaces, punctuation, a deleted character. */
function typingEdit(text: string, random: Random): TextChange {
  const anchors = [...text.matchAll(/- line: /g)];
  const start = random.pick(anchors).index! + 8 + random.int(20);
  return random.next() < 0.8 ? { start, end: start, text: random.pick(['a', 'e', ' ', ',', '.', 'x', "'"]) } : { start, end: start + 1, text: '' };
}

/** An edit mostly inside item values, sometimes anywhere, often breaking the structure. */
function randomEdit(text: string, random: Random): TextChange {
  let start: number;
  if (random.next() < 0.7) {
    const anchors = [...text.matchAll(/(line|who|time|sec|header): /g)];
    const anchor = anchors.length ? random.pick(anchors) : undefined;
    start = anchor ? anchor.index! + anchor[0].length + random.int(12) : random.int(text.length);
  } else start = random.int(text.length + 1);
  start = Math.min(start, text.length);
  const kind = random.int(3);
  const end = kind === 1 ? start : Math.min(text.length, start + 1 + random.int(kind === 0 ? 2 : 30));
  return { start, end, text: kind === 2 && random.next() < 0.5 ? '' : random.pick(SNIPPETS) };
}

/**
 * Breaks a value the way people do, or mends it: a quote dropped or added, `: ` typed into a plain
 * value, a continuation line moved to column 0. The next edits often put the same bytes back.
 */
function breakOrRepairEdit(text: string, random: Random): TextChange {
  const quotes = [...text.matchAll(/['"]/g)];
  const roll = random.next();
  if (roll < 0.35 && quotes.length > 0) {
    const at = random.pick(quotes).index!;
    return { start: at, end: at + 1, text: '' };
  }
  if (roll < 0.6) {
    const values = [...text.matchAll(/(?:line|header|who|time): /g)];
    const value = values.length ? random.pick(values) : undefined;
    const at = value ? value.index! + value[0].length + random.int(15) : random.int(text.length);
    return { start: Math.min(at, text.length), end: Math.min(at, text.length), text: random.pick(["'", '"', ': ', ' #', "''"]) };
  }
  const continuations = [...text.matchAll(/\n {4}(?=\S)/g)];
  if (roll < 0.8 && continuations.length > 0) {
    const at = random.pick(continuations).index! + 1;
    return { start: at, end: at + 4, text: '' };
  }
  return randomEdit(text, random);
}

function snapshot(service: TranscriptLanguageService, doc: TextDocument, probe: number) {
  return {
    findings: service.findings(doc),
    symbols: service.symbols(doc),
    folding: service.folding(doc),
    links: service.links(doc),
    hover: service.hover(doc, probe),
  };
}

function runDifferential(name: string, initial: string, edits: number, seed: number, makeEdit = randomEdit): { incremental: number; eligible: number } {
  const random = createRandom(seed);
  const uri = `file:///work/${name}`;
  const service = new TranscriptLanguageService(() => DEFAULT_CONFIG);
  const doc = TextDocument.create(uri, 'markdown', 1, initial);
  service.findings(doc);
  let incremental = 0;
  let eligible = 0;
  for (let i = 0; i < edits; i++) {
    if (i % 10 === 0) {
      // Random edits soon leave a file broken for good: start again from the original every ten.
      TextDocument.update(doc, [{ text: initial }], doc.version + 1);
      service.didChange(uri, doc.version, 'full');
    }
    const before = service.model(doc);
    const count = 1 + (random.next() < 0.2 ? random.int(3) : 0);
    const changes: TextChange[] = [];
    for (let k = 0; k < count; k++) {
      const change = makeEdit(doc.getText(), random);
      changes.push(change);
      TextDocument.update(doc, [{ range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, text: change.text }], doc.version + 1);
    }
    service.didChange(uri, doc.version, changes);
    const probe = random.int(doc.getText().length + 1);
    const actual = snapshot(service, doc, probe);
    const fresh = new TranscriptLanguageService(() => DEFAULT_CONFIG);
    const expected = snapshot(fresh, TextDocument.create(uri, 'markdown', doc.version, doc.getText()), probe);
    assert.deepEqual(actual, expected, `${name}: edit ${i} (seed ${seed}) ${JSON.stringify(changes)}`);
    const after = service.model(doc);
    const parsesLikeBefore = before.syntaxErrors.length === 0 && after.syntaxErrors.length === 0 && after.transcript?.items.length === before.transcript?.items.length;
    if (parsesLikeBefore) eligible++;
    if (before.transcript && after.transcript && before.transcript.items.length > 2 && after.transcript.items.length === before.transcript.items.length) {
      const same = after.transcript.items.filter((item, k) => item === before.transcript!.items[k]).length;
      if (same >= after.transcript.items.length - changes.length) incremental++;
    }
  }
  return { incremental, eligible };
}

const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261125);

test('typing inside lines stays item-local and equals a full analysis', () => {
  const { incremental, eligible } = runDifferential('typing.md', syntheticEpisode(60), 300, SEED, typingEdit);
  console.log(`  typing: ${incremental} of 300 edits stayed item-local (${eligible} left the file parsing with the same items)`);
  // Every edit that keeps the file parsing with the same items must take the item-local path.
  assert.equal(incremental, eligible);
  assert.ok(eligible > 250);
});

test('incremental update equals a full analysis after random edits (synthetic episode)', () => {
  const edits = iterations(300, 600);
  const { incremental } = runDifferential('synthetic.md', syntheticEpisode(60), edits, SEED);
  console.log(`  synthetic: ${incremental} of ${edits} random edits stayed item-local`);
  // More than one in twelve (50 of 600).
  assert.ok(incremental * 12 > edits, `the item-local path was taken only ${incremental} times in ${edits} edits`);
});

test('edits that break values and repair them: the unit-by-unit reading equals a full analysis', () => {
  const quoted = syntheticEpisode(40).replace(/- line: (Sentence \d+) is long/g, "- line: '$1 is long").replace(/as the real transcripts do\./g, "as the real transcripts do.'");
  runDifferential('broken.md', quoted, iterations(100, 250), SEED, breakOrRepairEdit);
});

const corpus = corpusFiles();
test('incremental update equals a full analysis after random edits (real episodes)', { skip: corpus.skip }, () => {
  const random = createRandom(SEED);
  let total = 0;
  // One episode and the first 50 of its edits in npm test; four episodes of 100 edits, the same one first, in test:full.
  const episodes = iterations(1, 4);
  const edits = iterations(50, 100);
  for (let k = 0; k < episodes; k++) {
    const file = random.pick(corpus.files);
    total += runDifferential(file.split('/').pop()!, fs.readFileSync(file, 'utf8'), edits, SEED + k).incremental;
  }
  console.log(`  corpus: ${total} of ${episodes * edits} random edits stayed item-local`);
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { analyze, DEFAULT_CONFIG, EpisodeModel, formatTime, parseEpisode, TranscriptLanguageService } from '../../server/src/core';
import { corpusFiles, episode, iterations, ROOT, sample } from '../helpers';
import { createRandom } from '../random';

/** The item-by-item parse must give exactly the model one parse of the whole front matter gives. */

function plain(model: EpisodeModel): unknown {
  return JSON.parse(JSON.stringify(model, (key, value) => (key === 'localFindings' ? undefined : value)));
}

function assertSameModel(text: string, label: string): void {
  assert.deepEqual(plain(parseEpisode(text, 'file:///x.md')), plain(parseEpisode(text, 'file:///x.md', { itemByItem: false })), label);
}

const corpus = corpusFiles();

// Every real episode in test:full; 40 spread over the corpus in npm test.
test('item-by-item parse equals the whole parse on every real episode', { skip: corpus.skip }, () => {
  for (const file of sample(corpus.files, 40)) assertSameModel(fs.readFileSync(file, 'utf8'), file);
});

test('item-by-item parse equals the whole parse on the sample and on layouts it must handle or decline', () => {
  assertSameModel(fs.readFileSync(`${ROOT}/samples/episode.md`, 'utf8'), 'sample');
  const item = "- line: Hello there,\n    wrapped.\n  sec: 5\n  time: '0:05'\n  who: Host\n";
  const cases = {
    plain: episode(`- header: A\n${item}`),
    crlf: episode(`- header: A\n${item}`).replace(/\n/g, '\r\n'),
    loneCr: episode(`- header: A\n${item}`).replace(/\n/g, '\r'),
    keysAfter: `---\ntitle: x\ntranscript:\n${item}${item}context: after\nseason: 2\n---\n`,
    indentedList: `---\ntranscript:\n  - line: a\n    who: b\n  - header: c\nkey: 1\n---\n`,
    comments: `---\ntranscript:\n# a comment\n${item}\n# between\n${item}  # trailing\ncontext: x\n---\n`,
    commentAfterKey: `---\ntranscript: # the list\n${item}---\n`,
    duplicateKey: `---\ntitle: a\ntranscript:\n${item}title: b\n---\n`,
    anchors: `---\ntranscript:\n- line: &a x\n  who: b\n- line: *a\n---\n`,
    flow: `---\ntranscript: [{line: a}]\n---\n`,
    brokenItem: `---\ntranscript:\n- line: 'unclosed\n  who: b\n${item}---\n`,
    nestedTranscript: `---\nmeta:\n  transcript:\n  - line: x\n---\n`,
    tabs: `---\ntranscript:\n-\tline: x\n---\n`,
    bom: `\uFEFF${episode(item)}`,
    emptyItem: `---\ntranscript:\n-\n${item}---\n`,
    scalarItem: `---\ntranscript:\n- just text\n${item}---\n`,
    continuationAtZero: `---\ntranscript:\n- line: a\nb\n---\n`,
  };
  for (const [name, text] of Object.entries(cases)) assertSameModel(text, name);
});

test('item-by-item parse equals the whole parse after random edits', () => {
  const random = createRandom(7);
  const base = fs.readFileSync(`${ROOT}/samples/episode.md`, 'utf8');
  const pieces = ['\n', '- ', '  ', '#', "'", '"', ':', '-', '\n- line: x\n', '\ncontext: y\n', '&a ', '*a', '[', '\t', '\r', '---', '...'];
  for (let i = 0; i < iterations(500, 3000); i++) {
    let text = base;
    for (let k = 0; k < 1 + random.int(3); k++) {
      const at = 4 + random.int(text.length - 8);
      text = text.slice(0, at) + random.pick(pieces) + text.slice(at + random.int(3));
    }
    assertSameModel(text, `edit ${i}`);
  }
});

test('the size limit: past it one finding says so; transcripts.limits.frontMatterKB raises it, also for the language service', () => {
  // Ten words every three seconds: 200 words a minute, as people speak.
  const items = Array.from({ length: 6000 }, (_, i) => `- line: Line ${i} of a long and fictional conversation about ledgers.\n  sec: ${i * 3}\n  time: '${formatTime(i * 3)}'\n  who: Host\n`).join('');
  const text = episode(items);
  const tooLarge = analyze(parseEpisode(text), DEFAULT_CONFIG);
  assert.deepEqual(tooLarge.map((f) => f.rule), ['yaml-syntax']);
  assert.match(tooLarge[0].message, /too large to check \(\d+ KB; the limit is 512 KB\): raise transcripts.limits.frontMatterKB to check it$/);
  assert.ok(text.length > 600_000);
  assert.deepEqual(analyze(parseEpisode(text, '', { maxFrontMatterKB: 1024 }), DEFAULT_CONFIG), []);
  let config = { ...DEFAULT_CONFIG };
  const service = new TranscriptLanguageService(() => config);
  const doc = { uri: 'file:///big.md', version: 1, getText: () => text };
  assert.equal(service.findings(doc).length, 1);
  config = { ...DEFAULT_CONFIG, frontMatterKB: 1024 };
  assert.deepEqual(service.findings(doc), []);
  assert.equal(service.model(doc).transcript?.items.length, 6000);
});

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, parseDocument, Schema } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { readSimpleItem, readSimpleMap } from '../../server/src/core/parse/simpleYaml';
import { corpusFiles, ROOT, slowCorpusSkip } from '../helpers';
import { createRandom } from '../random';

/**
 * The direct reader of common YAML (parse/simpleYaml.ts) must build exactly the node the YAML
 * parser builds for the same text, or decline. Compared node by node: ranges, values, scalar
 * types and formats, and where an item's list ends.
 */

const schema = new Schema({ resolveKnownTags: true, schema: 'core' });

interface Shape {
  end: number;
  node: unknown;
}

function shapeOf(node: YamlNode | null | undefined): unknown {
  if (isScalar(node)) return { value: node.value, type: node.type, format: node.format, range: node.range };
  if (isMap(node)) return { range: node.range, flow: node.flow, pairs: (node.items as Pair<YamlNode, YamlNode>[]).map((p) => [shapeOf(p.key), shapeOf(p.value)]) };
  if (isSeq(node)) return { range: node.range, flow: node.flow, items: (node.items as YamlNode[]).map(shapeOf) };
  return { other: String(node) };
}

/** What the parser makes of the chunk, when it reads as one clean block item. */
function parsed(chunk: string): Shape | undefined {
  const doc = parseDocument(chunk, { prettyErrors: false, uniqueKeys: true, schema });
  if (doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
  return { end: doc.contents.range![1], node: shapeOf(doc.contents.items[0] as YamlNode) };
}

function direct(chunk: string): Shape | undefined {
  const item = readSimpleItem(chunk, schema);
  return item && { end: item.end, node: shapeOf(item.node) };
}

/** A whole metadata block: the parser's map when it reads cleanly, and the direct reader's. */
function parsedMap(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema });
  return doc.errors.length > 0 || !isMap(doc.contents) ? undefined : shapeOf(doc.contents);
}

function assertSameMapOrDeclined(text: string, label: string): boolean {
  const map = readSimpleMap(text, schema);
  if (map) assert.deepEqual(shapeOf(map), parsedMap(text), `${label}: ${JSON.stringify(text)}`);
  return map !== undefined;
}

/** The metadata of an episode's front matter: its YAML without the transcript's list (a test's own cut). */
function metadataOf(text: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!front) return undefined;
  return front[1].replace(/^transcript:[ \t]*\r?\n(?:(?:[ -][^\n]*)?\n)*/m, 'transcript:\n');
}

/** Reads the same as the parser; returns whether the direct reader took it. */
function assertSameOrDeclined(chunk: string, label: string): boolean {
  const fast = direct(chunk);
  if (fast) assert.deepEqual(fast, parsed(chunk), `${label}: ${JSON.stringify(chunk)}`);
  return fast !== undefined;
}

/** The transcript items of an episode's text, each from its `- ` line to the next (a test's own splitter). */
function itemChunks(text: string): string[] {
  const key = /^transcript:[ \t]*\r?\n/m.exec(text);
  if (!key) return [];
  const chunks: string[] = [];
  for (const line of text.slice(key.index + key[0].length).split(/(?<=\n)/)) {
    if (/^(---|[^\s-])/.test(line)) break;
    if (line.startsWith('- ') || chunks.length === 0) chunks.push(line);
    else chunks[chunks.length - 1] += line;
  }
  return chunks;
}

const item = "- line: Hello there, it's me.\n  sec: 75\n  time: '1:15'\n  who: Host\n";

test('the common shapes are read directly, with the nodes the parser builds', () => {
  const taken = {
    plain: item,
    blankLinesAfter: `${item}\n\n`,
    noFinalLineBreak: item.trimEnd(),
    trailingSpaces: "- line: Trailing spaces   \n  sec: 7  \n  time: '0:07'   \n",
    header: '- header: Introduction and background\n',
    indentedList: "  - line: In an indented list\n    who: Host\n",
    wideDash: '-   line: More spaces after the dash\n    sec: 1\n',
    wrapped: '- line: A long line that a YAML dumper\n    wrapped over three lines, as the site\n    keeps them.\n  sec: 12\n',
    wrappedWithTrailingSpaces: '- line: Folded   \n     with spaces   \n  who: A\n',
    singleQuoted: "- line: 'It''s quoted: with # and : inside'\n",
    singleQuotedWrapped: "- line: 'First part,\n    second part: still quoted'\n  sec: 3\n",
    doubleQuoted: '- line: "Double, \'single\' inside"\n',
    doubleQuotedWrapped: '- line: "A double-quoted line\n    over two lines"\n',
    emptyQuoted: "- line: ''\n  who: \"\"\n",
    numbers: '- sec: 0\n  a: -12\n  b: 0x1F\n  c: 0o17\n  d: 1.50\n  e: 1e3\n  f: .inf\n  g: .NaN\n',
    nullsAndBooleans: '- a: ~\n  b: null\n  c: true\n  d: FALSE\n',
    timeLikeValues: '- time: 1:15\n  t2: 1:02:03\n  t3: 12:00\n',
    hashWithoutSpace: '- line: C# and F#, issue#12\n',
    colonWithoutSpace: '- line: see https://example.com:8080/path and 10:30am\n',
    unicode: '- line: Café — naïve 🎙️ “quotes”\n  who: José\n',
    keyWithDashAndDigit: '- speaker-2: Guest\n',
    blankLineBetweenPairs: '- line: x\n\n  who: y\n',
    nestedMapAndList: '- line: x\n  meta:\n    a: 1\n    b: two\n  tags:\n  - a\n  - b\n  who: y\n',
    emptyValues: '- line: x\n  sec:\n  who:   \n',
    blankLineInWrap: '- line: x\n\n    y\n',
    flowListValue: "- line: x\n  tags: [a, 'b c']\n",
    indicatorsThenText: '- a: -- x\n  b: ?!\n  c: :)\n',
  };
  for (const [name, chunk] of Object.entries(taken)) {
    assert.ok(parsed(chunk), `${name} parses`);
    assert.equal(assertSameOrDeclined(chunk, name), true, `${name} is read directly`);
  }
});

test('what the direct reader leaves to the parser', () => {
  const declined = {
    comment: '- line: x # a comment\n',
    commentLine: '- line: x\n  # a comment\n  who: y\n',
    commentInWrap: '- line: x\n    # not text\n',
    tab: '- line: x\n  who:\ty\n',
    crlf: '- line: x\r\n  who: y\r\n',
    valueOnNextLine: '- line:\n    x\n',
    twoItems: '- line: a\n- line: b\n',
    emptyListItem: '- line: a\n  tags:\n  -\n',
    nestedMap: '- line: x\n  who: a: b\n',
    colonAtEnd: '- line: Alexey:\n',
    anchor: '- line: &a x\n',
    alias: '- line: *a\n',
    tag: '- line: !str 12\n',
    flowMapValue: '- line: {a: b}\n',
    blockScalar: '- line: |\n    x\n',
    dashAndSpaceFirst: '- line: - x\n',
    questionAndSpaceFirst: '- line: ? x\n',
    backslashEscape: '- line: "a \\u2019 b"\n',
    unclosedQuote: "- line: 'never closed\n  who: y\n",
    textAfterQuote: "- line: 'a' b\n",
    duplicateKey: '- line: a\n  line: b\n',
    otherColumn: '- line: a\n   who: b\n',
    controlCharacter: '- line: a\u0007b\n',
    lineSeparator: '- line: a\u2028b\n',
    scalarItem: '- just text\n',
    emptyItem: '-\n',
    nonStringKey: '- true: x\n',
    quotedKey: "- 'line': x\n",
  };
  for (const [name, chunk] of Object.entries(declined)) {
    assert.equal(readSimpleItem(chunk, schema), undefined, name);
  }
});

test('metadata blocks of the common shapes are read directly, with the nodes the parser builds', () => {
  const taken = {
    scalars: "title: 'Quoted: title'\nshort: Plain title\nseason: 6\nepisode: 2\ndateadded: 2021-11-12\nduration: PT01H01M38S\n",
    nested: 'ids:\n  youtube: AbCdEfGhIjK\n  anchor: Some-Show---Guest-e1a5qtd\nlinks:\n  youtube: https://www.youtube.com/watch?v=AbCdEfGhIjK\n',
    compactList: 'guests:\n- someone\n- someone-else\nimage: images/x.jpg\n',
    indentedList: 'topics:\n  - data science\n  - MLOps\nimage: x\n',
    listOfMaps: "quotableClips:\n- name: 'Intro: who we are'\n  startOffset: 0\n  url: https://www.youtube.com/watch?v=AbCdEfGhIjK&t=0\n  endOffset: 118\n- name: Next\n  startOffset: 118\ntranscript:\n",
    wrapped: "description: 'A long description that a dumper\n  wrapped onto a second line.'\nintro: plain text that was\n  wrapped as well\n",
    blankLines: '\ntitle: x\n\n\nseason: 1\n\n',
    emptyValues: 'transcript:\nseason:\n',
    noFinalLineBreak: 'title: x\nseason: 1',
    dashInWrappedItem: 'guests:\n- a\n  - b\n',
    flowLists: "guests: [someone]\ntopics: [ data , 'ML: ops' ,\"x\", 12, true, ]\nempty: []\nimage: x\n",
    blankLinesInWrappedValues: "context: 'First paragraph\n  goes on.\n\n  Second paragraph.\n\n\n  Third.'\nintro: plain\n\n  folded too\n",
  };
  for (const [name, text] of Object.entries(taken)) {
    assert.ok(parsedMap(text), `${name} parses`);
    assert.equal(assertSameMapOrDeclined(text, name), true, `${name} is read directly`);
  }
  const declined = {
    comment: '# a comment\ntitle: x\n',
    nestedFlowList: 'guests: [a, [b]]\n',
    flowMap: 'ids: {youtube: x}\n',
    flowListOverLines: 'guests: [a,\n  b]\n',
    keyInFlowList: 'guests: [a: b]\n',
    textAfterFlowList: 'guests: [a] b\n',
    escapeInFlowList: 'guests: ["a\\tb"]\n',    blockScalar: 'description: |\n  text\n',
    indentedMap: '  title: x\n',
    listAtTop: '- a\n',
    otherColumn: 'ids:\n  a: 1\n   b: 2\n',
    duplicateKey: 'title: a\ntitle: b\n',
    oddKey: 'og:image: x\n',
    deeperThanTheReaderGoes: Array.from({ length: 40 }, (_, depth) => `${' '.repeat(depth * 2)}k${depth}:\n`).join('') + `${' '.repeat(80)}leaf: 1\n`,
  };
  for (const [name, text] of Object.entries(declined)) assert.equal(readSimpleMap(text, schema), undefined, name);
});

const corpus = corpusFiles();

test('the metadata of every real episode: read directly as the parser reads it, or declined', { skip: corpus.skip }, () => {
  let blocks = 0;
  let taken = 0;
  for (const file of corpus.files) {
    const metadata = metadataOf(fs.readFileSync(file, 'utf8'));
    if (metadata === undefined) continue;
    blocks++;
    if (assertSameMapOrDeclined(metadata, file)) taken++;
  }
  // 202 front matters (one file has a stray line before its `---`); all but the site's template,
  // whose `guests: [{{ guest }}]` is a flow list, are read directly.
  assert.equal(blocks, 202);
  assert.equal(taken, 201);
});

test('every item of the real episodes: read directly as the parser reads it, or declined', { skip: slowCorpusSkip(corpus) }, () => {
  let items = 0;
  let taken = 0;
  for (const file of corpus.files) {
    for (const chunk of itemChunks(fs.readFileSync(file, 'utf8'))) {
      items++;
      if (assertSameOrDeclined(chunk, file)) taken++;
    }
  }
  // All but the 4 items with backslash escapes in double quotes are read directly.
  assert.equal(items, 33_034);
  assert.equal(taken, 33_030);
});

test('random edits of items: whatever is read directly reads as the parser reads it', () => {
  const random = createRandom(11);
  const sample = itemChunks(fs.readFileSync(`${ROOT}/samples/episode.md`, 'utf8'));
  const pieces = [' ', '  ', '\n', '\n    ', '\n  ', ':', ': ', '#', ' #', "'", "''", '"', '\\', '-', '- ', '?', '&', '*', '!', '|', '>',
    '[', '{', ',', '%', '@', '`', '\t', '\r', '~', 'null', 'true', '0', '12', '.5', '1e3', '0x', 'é', '\u2028', '\u0085', 'key: v\n  '];
  let taken = 0;
  for (let i = 0; i < 4000; i++) {
    let chunk = random.pick(sample);
    for (let k = 0; k < 1 + random.int(3); k++) {
      const at = 2 + random.int(Math.max(1, chunk.length - 2));
      chunk = chunk.slice(0, at) + random.pick(pieces) + chunk.slice(at + random.int(2));
    }
    if (assertSameOrDeclined(chunk, `edit ${i}`)) taken++;
  }
  // The edits must leave the direct reader plenty to take, or the property says little.
  assert.ok(taken > 1000, `${taken} of 4000 edited items read directly`);
});

test('random edits of metadata: whatever is read directly reads as the parser reads it', () => {
  const random = createRandom(12);
  const base = [
    "title: 'Sensors: a title'\nshort: Sensors\nguests:\n- someone\n- someone-else\nseason: 9\nids:\n  youtube: AbCdEfGhIjK\n",
    "hosts: [someone, 'some one']\n",
    "description: A long description that a dumper\n  wrapped onto a second line.\ntopics:\n  - data\n  - 'MLOps'\n",
    "quotableClips:\n- name: 'Intro: who'\n  startOffset: 0\n  endOffset: 118\n- name: Next\n  startOffset: 118\ntranscript:\nduration: PT6M41S\n",
  ].join('');
  const pieces = [' ', '  ', '\n', '\n  ', '\n- ', '\n  - ', ':', ': ', '#', ' #', "'", '"', '-', '- ', '[', '{', '&', '*', '!', '|', '\t', '\r',
    '~', 'null', '12', '\nkey:', '\nkey:\n', '\n  key: v', 'é', ']', ', ', ' [a, b]', '[]', "'a'"];
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    let text = base;
    for (let k = 0; k < 1 + random.int(3); k++) {
      const at = random.int(text.length);
      text = text.slice(0, at) + random.pick(pieces) + text.slice(at + random.int(2));
    }
    if (assertSameMapOrDeclined(text, `edit ${i}`)) taken++;
  }
  assert.ok(taken > 500, `${taken} of 3000 edited metadata blocks read directly`);
});

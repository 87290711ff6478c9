import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

/**
 * Broken front matter over the protocol: the built server on stdio, a real LSP client. The syntax
 * errors stay local (the time-mismatch elsewhere is still reported), `yaml-syntax` carries repair
 * quick fixes, fix-all (`source.fixAll.transcripts`) applies the unambiguous ones and leaves an
 * ambiguous value to a person, and outline and hover keep working on the unbroken items.
 */

const URI = 'file:///tmp/protocol-repair/lantern-hour.md';
const TEXT = `---
title: The Lantern Hour
ids:
  youtube: LaNtErNhOuR
links:
  youtube: https://www.youtube.com/watch?v=LaNtErNhOuR
intro: "Tonight Odile — keeper of "Low Tide," and host of the harbour choir — tells us about the lamps."
transcript:
- header: 'Lamp Club: "Oil and Wick" and how it started
- line: Welcome back to the harbour.
  sec: 12
  time: '0:12'
  who: Odile
- header: Q&A: what comes next
- line: Who lit the first lamp?
  sec: 75
  time: '1:14'
  who: Marek
- header: Closing
- line: Thanks for listening.
  sec: 130
  time: '2:10'
  who: Odile
---
Recorded at the harbour.
`;

/** What fix-all must give: the three repairs and the time fix, every other byte as it was. */
const FIXED = TEXT
  .replace('"Low Tide,"', '\\"Low Tide,\\"')
  .replace("started\n", "started'\n")
  .replace('- header: Q&A: what comes next', "- header: 'Q&A: what comes next'")
  .replace("time: '1:14'", "time: '1:15'");

/** An unclosed value that starts with a quotation: the first quote may close it early or be text. */
const AMBIGUOUS_URI = 'file:///tmp/protocol-repair/wicks.md';
const AMBIGUOUS = TEXT.replace('- header: Closing\n', '- header: "Wicks", she said, "are patience\n');

let client: TestClient;

before(async () => {
  client = await TestClient.start();
});
after(async () => {
  await client.stopCleanly();
});

const range = (line: number, from: number, to: number, endLine = line): Range => ({ start: { line, character: from }, end: { line: endLine, character: to } });
const insert = (line: number, character: number, newText: string): TextEdit => ({ range: range(line, character, character), newText });

async function opened(uri: string, text: string): Promise<Diagnostic[]> {
  client.open(uri, text, 1);
  return (await client.diagnosticsFor(uri, 1)).diagnostics;
}

async function codeActions(uri: string, at: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: at, context: { diagnostics, ...(only ? { only } : {}) },
  })) as CodeAction[];
}

function applied(uri: string, text: string, action: CodeAction): string {
  const edits = action.edit!.changes![uri];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
}

test('a broken episode: yaml-syntax at each broken value, and the time-mismatch elsewhere is still reported', async () => {
  const diagnostics = await opened(URI, TEXT);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range, d.severity, d.source]), [
    ['yaml-syntax', range(6, 7, 104), 1, 'transcripts'],
    ['yaml-syntax', range(8, 10, 55), 1, 'transcripts'],
    ['yaml-syntax', range(13, 10, 30), 1, 'transcripts'],
    ['time-mismatch', range(16, 8, 14), 1, 'transcripts'],
  ]);
  assert.deepEqual(diagnostics.map((d) => d.message), [
    'the front matter does not parse: Unexpected scalar at node end (in intro); the rest of the front matter is checked',
    `the front matter does not parse: Missing closing 'quote (in header 'Lamp Club: "Oil and Wick"…'); the rest of the front matter is checked`,
    "the front matter does not parse: Nested mappings are not allowed in compact mappings (in header 'Q&A: what comes next'); the rest of the front matter is checked",
    "time '1:14' is 74 s but sec is 75 s (1:15)",
  ]);
});

test('codeAction on the unclosed header: the preferred repair closes its quote, and nothing else', async () => {
  const diagnostics = (await client.diagnosticsFor(URI, 1)).diagnostics;
  const header = diagnostics[1];
  const actions = await codeActions(URI, header.range, [header]);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    [`Close the quote of header 'Lamp Club: "Oil and Wick"…'`, 'quickfix', true],
    ['Fix all yaml-syntax problems in this file (3)', 'quickfix', false],
    ['Fix all transcript problems', 'source.fixAll.transcripts', false],
  ]);
  assert.deepEqual(actions[0].diagnostics, [header]);
  assert.deepEqual(actions[0].edit!.changes![URI], [insert(8, 55, "'")]);
  assert.equal(applied(URI, TEXT, actions[0]), TEXT.replace("started\n", "started'\n"));
});

test('codeAction on the intro and on the plain header: escape the inner quotes, quote the value', async () => {
  const diagnostics = (await client.diagnosticsFor(URI, 1)).diagnostics;
  const [intro] = await codeActions(URI, diagnostics[0].range, [diagnostics[0]]);
  assert.deepEqual([intro.title, intro.isPreferred], ['Escape 2 inner quotes in intro', true]);
  assert.deepEqual(intro.edit!.changes![URI], [insert(6, 34, '\\'), insert(6, 44, '\\')]);
  const [quote] = await codeActions(URI, diagnostics[2].range, [diagnostics[2]]);
  assert.deepEqual([quote.title, quote.isPreferred], ["Quote the header 'Q&A: what comes next'", true]);
  assert.deepEqual(quote.edit!.changes![URI], [insert(13, 10, "'"), insert(13, 30, "'")]);
});

test('fix-all (only: source.fixAll.transcripts) gives one action: the repairs and the time fix, exactly', async () => {
  const diagnostics = (await client.diagnosticsFor(URI, 1)).diagnostics;
  const actions = await codeActions(URI, range(0, 0, 0), [], ['source.fixAll.transcripts']);
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all transcript problems', 'source.fixAll.transcripts']]);
  assert.deepEqual(actions[0].diagnostics, diagnostics);
  assert.deepEqual(actions[0].edit!.changes![URI], [
    insert(6, 34, '\\'), insert(6, 44, '\\'), insert(8, 55, "'"), insert(13, 10, "'"), insert(13, 30, "'"),
    { range: range(16, 8, 14), newText: "'1:15'" },
  ]);
  assert.equal(applied(URI, TEXT, actions[0]), FIXED);

  // The fixed text, sent as the next version, leaves nothing to report.
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: FIXED }] });
  assert.deepEqual((await client.diagnosticsFor(URI, 2)).diagnostics, []);
  client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: TEXT }] });
  assert.equal((await client.diagnosticsFor(URI, 3)).diagnostics.length, 4);
});

test('documentSymbol still lists the header of an unbroken item, and its lines', async () => {
  const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
  // The two broken headers cannot be read: their lines stand at the top level; 'Closing' keeps its line.
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.children?.length ?? 0]), [
    ['Odile · 0:12 — Welcome back to the harbour.', '', 9, 0],
    ['Marek · 1:15 — Who lit the first lamp?', '', 14, 0],
    ['Closing', '2:10', 18, 1],
  ]);
  assert.deepEqual(symbols[2].selectionRange, range(18, 10, 17));
  assert.deepEqual(symbols[2].children!.map((c) => [c.name, c.range.start.line]), [['Odile · 2:10 — Thanks for listening.', 19]]);
});

test('hover works on an unbroken line of a broken episode', async () => {
  const doc = TextDocument.create(URI, 'markdown', 3, TEXT);
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: URI }, position: doc.positionAt(TEXT.indexOf('Thanks for listening')),
  })) as Hover;
  assert.deepEqual(hover.contents, {
    kind: 'markdown', value: '**Odile**\n\nAt 2:10 (sec 130).\n\n[Open video at 2:10](https://www.youtube.com/watch?v=LaNtErNhOuR&t=130)',
  });
});

test('an ambiguous break: several repairs, none preferred, and fix-all leaves that value alone', async () => {
  const diagnostics = await opened(AMBIGUOUS_URI, AMBIGUOUS);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
    ['yaml-syntax', 6, 7], ['yaml-syntax', 8, 10], ['yaml-syntax', 13, 10], ['time-mismatch', 16, 8], ['yaml-syntax', 18, 10],
  ]);
  const wicks = diagnostics[4];
  assert.deepEqual(wicks.range, range(18, 10, 42));
  const actions = await codeActions(AMBIGUOUS_URI, wicks.range, [wicks]);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    [`Escape 2 inner quotes and close the quote of header '"Wicks", she said, "are…'`, 'quickfix', false],
    [`Quote the header '"Wicks", she said, "are…'`, 'quickfix', false],
    ['Fix all transcript problems', 'source.fixAll.transcripts', false],
  ]);
  // No 'Fix all yaml-syntax problems' here: this value has no repair that fix-all would make.
  // Both readings parse; they differ in what the header says.
  const line18 = (action: CodeAction) => applied(AMBIGUOUS_URI, AMBIGUOUS, action).split('\n')[18];
  assert.equal(line18(actions[0]), '- header: "Wicks\\", she said, \\"are patience"');
  assert.equal(line18(actions[1]), `- header: '"Wicks", she said, "are patience'`);

  const [fixAll] = await codeActions(AMBIGUOUS_URI, range(0, 0, 0), [], ['source.fixAll.transcripts']);
  assert.ok(fixAll.edit!.changes![AMBIGUOUS_URI].every((e) => e.range.start.line !== 18 && e.range.end.line !== 18));
  assert.equal(applied(AMBIGUOUS_URI, AMBIGUOUS, fixAll), FIXED.replace('- header: Closing\n', '- header: "Wicks", she said, "are patience\n'));
});

test('a closed value that quotes two phrases ("Soup", she said, "is data") is ambiguous too: escape, or quote it whole', async () => {
  const uri = 'file:///tmp/protocol-repair/soup.md';
  const text = TEXT.replace('- header: Closing\n', '- header: "Soup", she said, "is data"\n');
  const soup = (await opened(uri, text)).find((d) => d.range.start.line === 18)!;
  assert.deepEqual([soup.code, soup.range], ['yaml-syntax', range(18, 10, 37)]);
  const actions = await codeActions(uri, soup.range, [soup]);
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
    [`Escape 2 inner quotes in header '"Soup", she said, "is…'`, 'quickfix', false],
    [`Quote the header '"Soup", she said, "is…'`, 'quickfix', false],
    ['Fix all transcript problems', 'source.fixAll.transcripts', false],
  ]);
  assert.deepEqual(actions[0].edit!.changes![uri], [insert(18, 15, '\\'), insert(18, 28, '\\')]);
  assert.deepEqual(actions[1].edit!.changes![uri], [insert(18, 10, "'"), insert(18, 37, "'")]);
  const [fixAll] = await codeActions(uri, range(0, 0, 0), [], ['source.fixAll.transcripts']);
  assert.equal(applied(uri, text, fixAll), FIXED.replace('- header: Closing\n', '- header: "Soup", she said, "is data"\n'));
});

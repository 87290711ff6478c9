import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, DEFAULT_CONFIG, documentLinks, documentSymbols, foldingSpans, hoverAt, parseEpisode, TranscriptLanguageService } from '../../server/src/core';
import { SymbolKind } from 'vscode-languageserver';
import { toDiagnostic, toDocumentSymbol, toFoldingRanges, toSymbol } from '../../server/src/convert';
import { episode } from '../helpers';

const TRANSCRIPT =
  "- header: Introduction\n- line: Welcome to the show, a long opening line that wraps\n    onto a second line.\n  sec: 159\n  time: '2:39'\n  who: Host\n" +
  "- line: And it goes on without a time.\n  who: Host\n- line: Thanks.\n  sec: 200\n  time: '3:20'\n  who: Guest\n" +
  "- header: Career\n- line: Tell us more.\n  sec: 388\n  time: '6:28'\n  who: Host\n";
const TEXT = episode(TRANSCRIPT);
const model = parseEpisode(TEXT, 'file:///e.md');

test('outline: one symbol per header with its time range, spoken lines as children, their words in the name (Go to Symbol searches names)', () => {
  const symbols = documentSymbols(model);
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.children.map((c) => `${c.name} | ${c.detail}`)]), [
    ['Introduction', '2:39 – 3:20', ['Host · 2:39 — Welcome to the show, a long opening line that wraps onto a second line. | ', 'Host · – — And it goes on without a time. | ', 'Guest · 3:20 — Thanks. | ']],
    ['Career', '6:28', ['Host · 6:28 — Tell us more. | ']],
  ]);
  assert.equal(TEXT.slice(symbols[0].selectionRange.start, symbols[0].selectionRange.end), 'Introduction');
  assert.ok(TEXT.slice(symbols[0].range.start, symbols[0].range.end).endsWith('who: Guest'));
});

test("outline kinds: headers are String as Markdown's own headings are (not the {} namespace), and so are their lines", () => {
  const doc = TextDocument.create('file:///e.md', 'markdown', 1, TEXT);
  const symbols = documentSymbols(model).map((s) => toDocumentSymbol(doc, s));
  assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.children!.map((c) => c.kind)]), [
    ['Introduction', SymbolKind.String, [SymbolKind.String, SymbolKind.String, SymbolKind.String]],
    ['Career', SymbolKind.String, [SymbolKind.String]],
  ]);
  assert.equal(toSymbol('Career', 'file:///e.md', symbols[1].range, 'Test episode').kind, SymbolKind.String);
});

test('a long spoken line\'s symbol carries its first 80 characters, cut at a word', () => {
  const said = 'We measured every fridge in the building for a month, and the numbers surprised everyone who looked at them closely.';
  const long = parseEpisode(episode(`- line: ${said}\n  sec: 4\n  time: '0:04'\n  who: Priya\n`));
  assert.deepEqual(documentSymbols(long).map((s) => s.name), ['Priya · 0:04 — We measured every fridge in the building for a month, and the numbers surprised…']);
});

test('folding: each section and each multi-line item', () => {
  const doc = TextDocument.create('file:///e.md', 'markdown', 1, TEXT);
  const ranges = toFoldingRanges(doc, foldingSpans(model)).map((r) => `${r.startLine}-${r.endLine}`);
  // Lines (0-based): 7 header Introduction, 8-12 first line item, 13-14, 15-18, 19 header Career, 20-23.
  assert.deepEqual(ranges.sort(), ['13-14', '15-18', '20-23', '7-18', '8-12', '19-23'].sort());
});

test('hover on a line: speaker, time and the video link at its second', () => {
  const hover = hoverAt(model, TEXT.indexOf('Thanks.'))!;
  assert.equal(hover.markdown, '**Guest**\n\nAt 3:20 (sec 200).\n\n[Open video at 3:20](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=200)');
  assert.equal(TEXT.slice(hover.span.start, hover.span.end), 'line: Thanks.');
});

test('hover on a continuation line uses the previous timed line and says so; a header uses its first timed line', () => {
  assert.equal(hoverAt(model, TEXT.indexOf('without a time'))!.markdown,
    "**Host**\n\nUntimed continuation: uses the previous timed line's time, 2:39 (sec 159).\n\n[Open video at 2:39](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=159)");
  assert.equal(hoverAt(model, TEXT.indexOf('Career'))!.markdown,
    '**Section:** Career\n\nSection starts at 6:28 (sec 388), its first timed line.\n\n[Open video at 6:28](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=388)');
  assert.match(hoverAt(model, TEXT.indexOf('sec: 159'))!.markdown, /t=159\)$/);
  assert.equal(hoverAt(model, TEXT.indexOf('title')), undefined);
});

test('hover on a time value that links to its own sec: the link says "Open video at" once, the hover does not repeat it', () => {
  // VS Code shows the document link's tooltip ("Open video at 3:20") in the same hover box as the hover.
  const onTime = hoverAt(model, TEXT.indexOf("'3:20'") + 2)!;
  assert.equal(onTime.markdown, '**Guest**\n\nAt 3:20 (sec 200).');
  assert.deepEqual(documentLinks(model).filter((l) => TEXT.slice(l.span.start, l.span.end) === "'3:20'").map((l) => l.tooltip), ['Open video at 3:20']);
  // A time label that disagrees with sec (time-mismatch): its link and the hover both open sec, so once too.
  const mismatch = episode("- line: Hello.\n  sec: 27\n  time: '0:28'\n  who: Priya\n");
  const hover = hoverAt(parseEpisode(mismatch), mismatch.indexOf("'0:28'") + 1)!.markdown;
  assert.equal(hover, '**Priya**\n\nAt 0:27 (sec 27).');
  // The time of an untimed line is not its own link target: the hover keeps its link.
  const untimed = episode("- line: Hello.\n  sec: 27\n  time: '0:27'\n  who: Priya\n- line: More.\n  time: '0:40'\n  who: Priya\n");
  assert.match(hoverAt(parseEpisode(untimed), untimed.indexOf("'0:40'") + 1)!.markdown, /\[Open video at 0:27\]\(https:\/\/www\.youtube\.com\/watch\?v=AbCdEfGhIjK&t=27\)$/);
});

test('hover without a valid id says so and has no link', () => {
  const noId = parseEpisode(episode(TRANSCRIPT, 'ids:\n  youtube: not-an-id\n'));
  const markdown = hoverAt(noId, noId.text.indexOf('Thanks.'))!.markdown;
  assert.equal(markdown, '**Guest**\n\nAt 3:20 (sec 200).\n\nNo valid YouTube id in `ids.youtube`, so no video link.');
});

test('hover text from the file is escaped: no link, image, HTML or command can form', () => {
  const hostile = parseEpisode(episode("- header: '[click](command:workbench.action.quit) <img src=x onerror=alert(1)>'\n- line: x\n  sec: 5\n  time: '0:05'\n  who: '![i](javascript:alert(1)) **bold** https://evil.example'\n"));
  const header = hoverAt(hostile, hostile.text.indexOf('click'))!.markdown;
  assert.equal(header.split('\n\n')[0], '**Section:** \\[click\\]\\(command\\:workbench\\.action\\.quit\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>');
  const who = hoverAt(hostile, hostile.text.indexOf('sec: 5'))!.markdown;
  assert.equal(who.split('\n\n')[0], '**\\!\\[i\\]\\(javascript\\:alert\\(1\\)\\) \\*\\*bold\\*\\* https\\:\\/\\/evil\\.example**');
  assert.equal((who.match(/\]\(/g) ?? []).length, 1, 'the only link is the video link');
});

test('document links: every time value opens the video at its sec', () => {
  const links = documentLinks(model);
  assert.deepEqual(links.map((l) => [TEXT.slice(l.span.start, l.span.end), l.url, l.tooltip]), [
    ["'2:39'", 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=159', 'Open video at 2:39'],
    ["'3:20'", 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=200', 'Open video at 3:20'],
    ["'6:28'", 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=388', 'Open video at 6:28'],
  ]);
});

test('positions are UTF-16: an emoji before a bad value', () => {
  const text = episode("- line: 🎙️ Hello 🎙️\n  sec: 159\n  time: '2:38'\n  who: 🎙️Host\n- line: x\n  sec: 160\n  time: '2:40'\n  who: 🎙️Host\n");
  const doc = TextDocument.create('file:///e.md', 'markdown', 1, text);
  const finding = analyze(parseEpisode(text), DEFAULT_CONFIG).find((f) => f.rule === 'time-mismatch')!;
  assert.deepEqual(toDiagnostic(doc, finding).range, { start: { line: 9, character: 8 }, end: { line: 9, character: 14 } });
  const oneLine = episode("- {line: \"🎙️\", sec: 159, time: '2:38', who: Host}\n");
  const lineDoc = TextDocument.create('file:///e.md', 'markdown', 1, oneLine);
  const f2 = analyze(parseEpisode(oneLine), DEFAULT_CONFIG).find((f) => f.rule === 'time-mismatch')!;
  // "- {line: "🎙️", sec: 159, time: " is 31 UTF-16 units: 🎙 is a surrogate pair, U+FE0F one more.
  assert.deepEqual(toDiagnostic(lineDoc, f2).range, { start: { line: 7, character: 32 }, end: { line: 7, character: 38 } });
});

test('positions with CRLF line endings', () => {
  const text = episode("- line: Hello.\n  sec: 159\n  time: '2:38'\n  who: Host\n").replace(/\n/g, '\r\n');
  const doc = TextDocument.create('file:///e.md', 'markdown', 1, text);
  const finding = analyze(parseEpisode(text), DEFAULT_CONFIG)[0];
  assert.deepEqual(toDiagnostic(doc, finding).range, { start: { line: 9, character: 8 }, end: { line: 9, character: 14 } });
});

test('the language service parses once per version and recomputes findings when the config object changes', () => {
  let config = { rules: {}, toleranceSeconds: 0 };
  const service = new TranscriptLanguageService(() => config);
  const doc = { uri: 'file:///e.md', version: 1, getText: () => TEXT };
  const first = service.model(doc);
  assert.equal(service.model(doc), first);
  assert.equal(service.findings(doc), service.findings(doc));
  const before = service.findings(doc);
  config = { rules: { 'header-hidden': 'off' }, toleranceSeconds: 0 };
  assert.notEqual(service.findings(doc), before);
  assert.notEqual(service.model({ ...doc, version: 2 }), first);
  service.forget(doc.uri);
});

test('outline of a long transcript: sections only, then groups, within the symbol budget', () => {
  const long = parseEpisode(episode(Array.from({ length: 12 }, (_, h) =>
    `- header: Part ${h + 1}\n` + Array.from({ length: 3 }, (_, i) => `- line: Line ${h}.${i}\n  sec: ${h * 10 + i}\n  time: '0:${String(h * 10 + i).padStart(2, '0')}'\n  who: Host\n`).join('')).join('')));
  assert.equal(documentSymbols(long).length, 12);
  assert.equal(documentSymbols(long).reduce((n, s) => n + s.children.length, 0), 36);
  const sectionsOnly = documentSymbols(long, 20);
  assert.deepEqual(sectionsOnly.slice(0, 2).map((s) => [s.name, s.detail, s.children.length]), [
    ['Part 1', '0:00 – 0:02 · 3 lines (not listed: long transcript)', 0],
    ['Part 2', '0:10 – 0:12 · 3 lines (not listed: long transcript)', 0],
  ]);
  const grouped = documentSymbols(long, 8);
  assert.deepEqual(grouped.map((g) => [g.name, g.detail, g.children.map((c) => c.name)]), [
    ['Sections 1–12', 'Part 1 … Part 12 (5 not listed: long transcript)', ['Part 1', 'Part 2', 'Part 3', 'Part 4', 'Part 5', 'Part 6', 'Part 7']],
  ]);
});

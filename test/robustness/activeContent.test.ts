import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentLink, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { documentLinks, hoverAt, parseEpisode, videoAt } from '../../server/src/core';
import { ROOT } from '../helpers';
import { TestClient } from '../protocol/lspClient';
import { VIDEO_URL } from './reference';

/**
 * Nothing active from file text: whatever a `line`, `who` or header holds (Markdown links, HTML,
 * `command:` or `javascript:` URIs, images, autolinks) reaches a hover as plain text; the only link
 * anywhere is a YouTube watch URL with a validated 11-character id and an integer second.
 */

const PAYLOADS = [
  '[click](https://evil.example/x)',
  '[run](command:workbench.action.terminal.new)',
  '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '[js](javascript:alert(1))',
  '[x](<command:y>)',
  '\\[x](command:z)',
  '[ref][1]\n\n[1]: https://evil.example',
  '![pic](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="command:x">a</a>',
  '<script>alert(1)</script>',
  '<!-- hidden -->',
  '<https://evil.example>',
  'https://evil.example/path',
  'www.evil.example',
  'evil@example.com',
  'mailto:a@evil.example',
  '&lt;script&gt; &#106;avascript:alert(1) &amp;',
  '`code` ``more``',
  '*em* _em_ **strong** ~~strike~~',
  '# heading\n> quote\n- list\n| table |',
  '$(zap) $(terminal)',
  'line\\\nbreak',
  'plain, ordinary text',
];

/** Double-quoted YAML holds anything. */
const q = (s: string) => JSON.stringify(s);

function hostileEpisode(youtube = 'AbCdEfGhIjK'): string {
  const items = PAYLOADS.map((p, i) => `- header: ${q(`H ${p}`)}\n- line: ${q(`L ${p}`)}\n  sec: ${i * 10}\n  time: '${Math.floor(i / 6)}:${String((i * 10) % 60).padStart(2, '0')}'\n  who: ${q(`W ${p}`)}\n`);
  const clips = PAYLOADS.map((p, i) => `- name: ${q(`C ${p}`)}\n  startOffset: ${i * 10}\n  endOffset: ${i * 10 + 5}\n  url: ${q(i % 2 ? 'javascript:alert(1)' : `https://evil.example/${i}`)}\n`);
  return `---\ntitle: ${q('[t](command:x)')}\nids:\n  youtube: ${q(youtube)}\nlinks:\n  youtube: ${q('javascript:alert(1)')}\nquotableClips:\n${clips.join('')}transcript:\n${items.join('')}---\n`;
}

/** The one link a hover may hold, at its very end. */
const VIDEO_LINK = /\[Open video at \d+:\d\d(?::\d\d)?\]\((https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d+)\)$/;

/** Textual CommonMark-ish checks, without a renderer: no link, image or raw HTML can start anywhere. */
function textualProblems(markdown: string): string[] {
  const problems: string[] = [];
  // The product's own words may name a key in a code span; file text never makes one.
  const rest = markdown.replace(VIDEO_LINK, '').replace(/`ids\.youtube`/g, '');
  if (rest.includes('](')) problems.push('a `](` other than the video link');
  // A character is active unless an odd number of backslashes precede it.
  const unescaped = (c: string) => [...rest.matchAll(new RegExp(`(\\\\*)\\${c}`, 'g'))].some((m) => m[1].length % 2 === 0);
  for (const c of ['<', '[', '!', '&', '`']) if (unescaped(c)) problems.push(`a raw '${c}'`);
  if (/\r|\n(?!\n)/.test(rest.replace(/\n\n/g, ''))) problems.push('a line break inside file text');
  return problems;
}

/** marked (what VS Code renders hovers with) when this install has it: the HTML may hold no tag but p, strong, em and the video link. */
let marked: ((markdown: string) => string) | undefined;
let markedSkip: string | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('marked') as { marked: { parse(s: string, o?: object): string } };
  marked = (s) => m.marked.parse(s, { async: false, gfm: true });
} catch (error) {
  markedSkip = `marked is not installed (${String(error).split('\n')[0]}); rendering check skipped, textual check still runs`;
}

function renderedProblems(markdown: string): string[] {
  if (!marked) return [];
  const html = marked(markdown).replace(/<code>ids\.youtube<\/code>/g, '');
  const problems: string[] = [];
  for (const tag of html.matchAll(/<\s*([a-zA-Z0-9]+)([^>]*)>/g)) {
    const [, name, attributes] = tag;
    if (['p', 'strong', 'em'].includes(name) && attributes.trim() === '') continue;
    if (name === 'a') {
      const href = /^\s+href="([^"]*)"\s*$/.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
      if (href !== undefined && VIDEO_URL.test(href)) continue;
    }
    problems.push(`rendered HTML has <${name}${attributes}>`);
  }
  if ((html.match(/<a /g) ?? []).length > 1) problems.push('more than one link');
  return problems;
}

function hoverProblems(markdown: string): string[] {
  return [...textualProblems(markdown), ...renderedProblems(markdown)];
}

test('hovers show file text as plain text: links, HTML, URIs and images are escaped (core)', (t) => {
  if (markedSkip) t.diagnostic(markedSkip);
  const text = hostileEpisode();
  const model = parseEpisode(text, 'file:///active/episode.md');
  let hovers = 0;
  // Every spot of every line: transcript items, quotable clips, metadata.
  const doc = TextDocument.create('file:///active/episode.md', 'markdown', 1, text);
  for (let line = 0; line < doc.lineCount; line++) {
    const start = doc.offsetAt({ line, character: 0 });
    const end = doc.offsetAt({ line: line + 1, character: 0 });
    for (const offset of [start, start + 3, Math.floor((start + end) / 2), end - 1]) {
      const hover = hoverAt(model, offset);
      if (!hover) continue;
      hovers++;
      assert.deepEqual(hoverProblems(hover.markdown), [], `line ${line}: ${hover.markdown}`);
      const links = [...hover.markdown.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
      assert.ok(links.length <= 1 && links.every((l) => VIDEO_URL.test(l)), hover.markdown);
    }
  }
  assert.ok(hovers >= PAYLOADS.length * 5 * 4, `only ${hovers} hovers`);
});

test('the renderer check is not blind: it flags what an unescaped payload would render', (t) => {
  if (!marked) return t.skip(markedSkip);
  assert.notDeepEqual(renderedProblems('**[run](command:x)**'), []);
  assert.notDeepEqual(renderedProblems('<img src=x>'), []);
  assert.notDeepEqual(renderedProblems('www.evil.example'), []);
  assert.notDeepEqual(textualProblems('**a** [x](y)'), []);
  assert.deepEqual(hoverProblems('**Ana**\n\nAt 0:10 (sec 10).\n\n[Open video at 0:10](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=10)'), []);
});

test('links and video URLs come only from a valid ids.youtube and an integer second', () => {
  const good = parseEpisode(hostileEpisode(), 'file:///active/good.md');
  const links = documentLinks(good);
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link.url, VIDEO_URL);
  for (const bad of ['javascript:alert(1)', 'AbCdEfGhIj', 'AbCdEfGhIjKL', 'AbCdEf<b>IjK', 'AbCdEfGh&t=', 'Ab%20dEfGhIj', '[x](command:y', 'AbCdEfGhI\u0000K', 'АbCdEfGhIjK']) {
    const model = parseEpisode(hostileEpisode(bad), 'file:///active/bad.md');
    assert.deepEqual(documentLinks(model), [], `ids.youtube ${JSON.stringify(bad)}`);
    const line = model.transcript!.items.find((i) => i.line !== undefined)!;
    assert.equal(videoAt(model, line.span.start + 2), undefined, `videoAt with ids.youtube ${JSON.stringify(bad)}`);
    const hover = hoverAt(model, line.span.start + 2)!;
    assert.doesNotMatch(hover.markdown, /\]\(/, `hover with ids.youtube ${JSON.stringify(bad)}`);
    assert.deepEqual(hoverProblems(hover.markdown), []);
  }
});

test('through the server: every hover is plain untrusted markdown with at most the video link; links are video URLs', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///active/server.md';
    const text = hostileEpisode();
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    const model = parseEpisode(text, uri);
    for (const item of model.transcript!.items) {
      for (const field of item.fields) {
        const position = doc.positionAt((field.valueSpan ?? field.keySpan).start + 1);
        const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover;
        assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents, JSON.stringify(hover));
        const contents = hover.contents as MarkupContent & { isTrusted?: unknown; supportHtml?: unknown };
        assert.equal(contents.kind, 'markdown');
        assert.equal(contents.isTrusted, undefined, 'never trusted');
        assert.equal(contents.supportHtml, undefined, 'never HTML');
        assert.deepEqual(hoverProblems(contents.value), [], contents.value);
      }
    }
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    assert.ok(links.length > 0);
    for (const link of links) assert.match(link.target!, VIDEO_URL);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|js|mjs|cjs|json)$/.test(entry.name) ? [full] : [];
  });
}

test('no isTrusted or supportHtml anywhere in client/ or server/ source (vscode.workspace.isTrusted, the workspace\'s trust, is read, never set)', () => {
  const files = [...sourceFiles(path.join(ROOT, 'client')), ...sourceFiles(path.join(ROOT, 'server'))];
  assert.ok(files.length > 10, `only ${files.length} source files found`);
  const offenders = files.filter((f) => /(?<!vscode\.workspace\.)isTrusted|supportHtml/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
  assert.deepEqual(offenders, []);
});

test('no command: URI in client/ or server/ source: none written as a string, a URI or a Markdown link', () => {
  const client = sourceFiles(path.join(ROOT, 'client/src'));
  assert.ok(client.length > 0);
  // An object key `command: '…'` (a CodeLens, a status item) runs a fixed command and is fine; a
  // `command:` URI in a string, a template or a link could carry arguments from the document, and is not.
  for (const file of [...client, ...sourceFiles(path.join(ROOT, 'server/src'))]) {
    assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /["'`<]command:|\]\(command:/, path.relative(ROOT, file));
  }
});

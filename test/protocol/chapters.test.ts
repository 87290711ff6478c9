import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CHAPTER_PROMPT_REQUEST, ChapterPromptResult, EXPORT_TRANSCRIPT_REQUEST, ExportTranscriptResult, INSERT_CHAPTERS_REQUEST, InsertChaptersResult,
} from '../../server/src/protocol';
import { TestClient } from './lspClient';

/** Chapters over the protocol (issue 19), as another editor would use them: insert, the prompt, the chapter exports, the chapters-file rule. */

const item = (text: string, sec: number, time: string) => `- line: ${text}\n  sec: ${sec}\n  time: '${time}'\n  who: Guest\n`;
const TEXT = `---\r\ntitle: Made up\r\ntranscript:\r\n- header: Old\r\n${item('Hello there.', 159, '2:39')}${item('Go on.', 200, '3:20')}${item('Feature stores.', 754, '12:34')}---\r\nBody.\r\n`.replace(/(?<!\r)\n/g, '\r\n');
const URI = 'file:///site/_podcast/e.md';
let client: TestClient;
let dir: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapters-protocol-'));
  client = await TestClient.start();
  client.open(URI, TEXT, 2);
  await client.diagnosticsFor(URI, 2);
});
after(async () => {
  await client.stopCleanly();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = <R>(method: string, params: object, uri = URI) => client.connection.sendRequest<R>(method, { textDocument: { uri }, ...params });

test('insertChapters: edits of header items only (CRLF kept), what covers no line, lines that are not chapters', async () => {
  const result = await request<InsertChaptersResult>(INSERT_CHAPTERS_REQUEST, { chapters: '0:00 Intro\n2:39 - Welcome\nnot one\n12:00 Feature stores: why\n' });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.version, 2);
  assert.deepEqual(result.coverNoLine, [{ sec: 0, title: 'Intro', line: 1 }]);
  assert.deepEqual(result.inserted, [{ sec: 159, title: 'Welcome', line: 2 }, { sec: 720, title: 'Feature stores: why', line: 4 }]);
  assert.deepEqual(result.notChapters, [{ line: 3, text: 'not one' }]);
  assert.equal(result.removed, 1);
  const doc = TextDocument.create(URI, 'markdown', 2, TEXT);
  const edited = TextDocument.applyEdits(doc, result.edits);
  assert.equal(edited, TEXT.replace('- header: Old\r\n', '- header: Welcome\r\n').replace("- line: Feature stores.", "- header: 'Feature stores: why'\r\n- line: Feature stores."));
});

test('insertChapters from a model: talk ignored, times past the end dropped and said; refusals as messages', async () => {
  const result = await request<InsertChaptersResult>(INSERT_CHAPTERS_REQUEST, { fromModel: true, chapters: 'Here you go:\n00:03:20 Going on\n01:00:00 Beyond\nHope this helps!' });
  assert.ok(result.ok);
  assert.deepEqual(result.inserted.map((c) => c.title), ['Going on']);
  assert.deepEqual(result.notChapters, []);
  assert.deepEqual(result.warnings, ['"Beyond" at 01:00:00 starts after the transcript ends (00:12:34): left out', '2 lines of the answer that are not chapters ignored']);
  assert.deepEqual(await request(INSERT_CHAPTERS_REQUEST, { fromModel: true, chapters: 'I cannot help with that.' }), { ok: false, message: 'The answer holds no chapter list (no HH:MM:SS Topic lines).' });
  assert.deepEqual(await request(INSERT_CHAPTERS_REQUEST, { chapters: '{"chapters": 3}' }), { ok: false, message: 'Cannot read the chapter list: Podcasting 2.0 chapters JSON needs a "chapters" list ({"version":"1.2.0","chapters":[{"startTime":0,"title":"…"}]}).' });
  assert.deepEqual(await request(INSERT_CHAPTERS_REQUEST, { chapters: '0:00 A' }, 'file:///closed.md'), { ok: false, message: 'The document is not open in the language server.' });
  client.open('file:///site/_podcast/broken.md', "---\ntranscript:\n- line: 'open\n---\n", 1);
  assert.deepEqual(await request(INSERT_CHAPTERS_REQUEST, { chapters: '0:00 A' }, 'file:///site/_podcast/broken.md'),
    { ok: false, message: 'Cannot insert the chapters: the front matter does not parse; fix it first (transcript-lint names the problem).' });
});

test('chapterPrompt: the site-style request on the transcript\'s own times', async () => {
  const result = await request<ChapterPromptResult>(CHAPTER_PROMPT_REQUEST, {});
  assert.ok(result.ok);
  assert.match(result.prompt, /At most 30 chapters/);
  assert.match(result.prompt, /\nEpisode: Made up\n\nTRANSCRIPT:\n\[00:02:39\] Guest: Hello there\.\n\[00:03:20\] Guest: Go on\.\n\[00:12:34\] Guest: Feature stores\.\n$/);
});

test('exportTranscript: the chapter formats', async () => {
  const youtube = await request<ExportTranscriptResult>(EXPORT_TRANSCRIPT_REQUEST, { format: 'youtube', introTitle: 'Start' });
  assert.deepEqual(youtube, {
    ok: true, text: '00:00 Start\n02:39 Old\n', extension: '.youtube.txt',
    warnings: ['YouTube needs at least 3 chapters; this list has 2'],
  });
  const chapters = await request<ExportTranscriptResult>(EXPORT_TRANSCRIPT_REQUEST, { format: 'chapters' });
  assert.deepEqual(chapters, { ok: true, text: '00:02:39 Old\n', extension: '.txt', warnings: [] });
});

test('chapters-file-mismatch: the chapter file beside the episode read through the host, with the rule on in .transcriptlintrc.json', async () => {
  fs.mkdirSync(path.join(dir, '_podcast'));
  fs.mkdirSync(path.join(dir, 'podcast-timestamps'));
  fs.writeFileSync(path.join(dir, '.transcriptlintrc.json'), JSON.stringify({ rules: { 'chapters-file-mismatch': 'warning' }, chapters: { filePattern: '../podcast-timestamps/{name}.txt' } }));
  fs.writeFileSync(path.join(dir, 'podcast-timestamps/ep.txt'), '00:02:39 Old\n00:12:00 Missing here\n');
  const uri = pathToFileURL(path.join(dir, '_podcast/ep.md')).href;
  const folder = pathToFileURL(dir).href;
  const inFolder = await TestClient.start(undefined, { workspaceFolders: [{ uri: folder, name: 'site' }] });
  try {
    inFolder.open(uri, TEXT, 1);
    const published = await inFolder.diagnosticsFor(uri, 1);
    assert.deepEqual(published.diagnostics.filter((d) => d.code === 'chapters-file-mismatch').map((d) => [d.range.start.line, d.message]), [
      [2, 'podcast-timestamps/ep.txt has 1 chapter that is no header here: "Missing here" (00:12:00)'],
    ]);
    // The file changed: the next check reads it again.
    fs.writeFileSync(path.join(dir, 'podcast-timestamps/ep.txt'), '00:02:39 Old\n');
    inFolder.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT }] });
    assert.deepEqual((await inFolder.diagnosticsFor(uri, 2)).diagnostics.filter((d) => d.code === 'chapters-file-mismatch'), []);
  } finally {
    await inFolder.stopCleanly();
  }
});

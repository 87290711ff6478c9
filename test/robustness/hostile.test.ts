import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, DEFAULT_CONFIG, formatTime, mergeConfigs, parseEpisode } from '../../server/src/core';
import { TestClient } from '../protocol/lspClient';
import { ServerProbe } from './differential';
import { randomEdit, Rng } from './fuzzLib';

/**
 * Hostile input: each document is answered (diagnostics for its version and every request), with
 * answers equal to a fresh analysis, the server alive afterwards and its memory bounded; then a few
 * random incremental edits on it must hold to the same.
 */

/**
 * A hang guard, not a speed check (speed is `npm run bench`'s): a blow-up such as a quadratic scan of
 * 100,000 items takes minutes, while every case answers in well under a second on an idle machine and
 * in about 2 s on a machine loaded by other work.
 */
const BUDGET_MS = 10_000;
/** Resident memory of the server process, at most (the machine has 24 GiB; one document must not take more than this). */
const RSS_LIMIT_MB = 512;

let probe: ServerProbe;
let caseNumber = 0;

before(async () => {
  probe = new ServerProbe(await TestClient.start(), new Rng(606), 20_000);
});
after(async () => {
  assert.equal(await probe.client.stop(), 0, 'the server exits cleanly after all of it');
});

function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined; // Not Linux: no /proc.
  }
}

const ids = 'ids:\n  youtube: AbCdEfGhIjK\n';
const episode = (transcript: string, head = ids) => `---\ntitle: Hostile\n${head}transcript:\n${transcript}---\nBody.\n`;
const item = (i: number) => `- line: Line number ${i} of a very long episode.\n  sec: ${i}\n  time: '${formatTime(i)}'\n  who: Host\n`;

function manyItems(count: number, make: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(make(i));
  return parts.join('');
}

function billionLaughs(): string {
  let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghijklm') {
    yaml += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return `---\n${yaml}transcript:\n- line: *m\n  who: *m\n  sec: *m\n  time: *m\n- *m\n---\n`;
}

const CASES: { name: string; text: () => string; uri?: string }[] = [
  { name: 'an empty file', text: () => '' },
  { name: 'an empty file in a _podcast folder', text: () => '', uri: 'file:///hostile/_podcast/empty.md' },
  { name: 'front matter without a closing ---', text: () => `---\n${ids}transcript:\n- line: Unclosed.\n  sec: 1\n  time: '0:01'\n  who: Ana\n` },
  { name: 'only an opening ---', text: () => '---' },
  { name: 'transcript: null', text: () => `---\n${ids}transcript: null\n---\n` },
  { name: 'transcript: a scalar where a list belongs', text: () => `---\n${ids}transcript: hello\n---\n` },
  { name: 'scalars and lists where maps belong', text: () => `---\nids: 5\nlinks: [a, b]\nguests: no\nseason: x\ntranscript:\n- just a string\n- 42\n- [a, b]\n- line: [a, b]\n  who: {a: b}\n  sec: [1]\n  time: {t: 1}\n---\n` },
  { name: 'a 10 MB file (a transcript of 10 MB)', text: () => episode(manyItems(110_000, item)) },
  { name: 'a 10 MB file (the Markdown body)', text: () => episode(item(1)) + 'Body text, long. '.repeat(600_000) },
  { name: 'a 100,000-item transcript', text: () => episode(manyItems(100_000, (i) => `- line: L${i}\n`)) },
  { name: 'a 100,000-item transcript of one-character items', text: () => episode(manyItems(100_000, () => '- a\n')) },
  { name: 'a single 1 MB line in the front matter', text: () => episode(`- line: ${'word '.repeat(200_000)}\n  sec: 1\n  time: '0:01'\n  who: Ana\n`) },
  { name: 'a single 1 MB line in the body', text: () => episode(item(1)) + 'x'.repeat(1_000_000) },
  { name: 'a single 1 MB line of flow items', text: () => episode(`- line: [${'a, '.repeat(330_000)}a]\n`) },
  { name: '10,000 levels of nested flow sequences', text: () => episode(`- line: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`) },
  { name: '10,000 levels of nested flow maps', text: () => episode(`- line: ${'{a: '.repeat(10_000)}b${'}'.repeat(10_000)}\n`) },
  { name: '10,000 unclosed flow sequences', text: () => episode(`- line: ${'['.repeat(10_000)}\n`) },
  { name: '10,000 levels of nested block sequences', text: () => episode(`${'- '.repeat(10_000)}a\n`) },
  { name: 'an alias bomb (billion laughs)', text: billionLaughs },
  { name: 'NUL bytes and other control characters', text: () => episode(`- line: "a\\0b"\n  who: A\u0000na\n  sec: 1\n  time: '0:01\u0007'\n- line: \u001b[31mred\u001b[0m \u0008\u007f\u0085\n  who: Ana\n`) },
  { name: 'unpaired UTF-16 surrogates', text: () => episode(`- line: a\ud800b\n  who: \udc00Ana\n  sec: 1\n  time: '\ud83d'\n- line: ok 😀\n  who: Ana\ud83d\n  sec: 2\n  time: '0:02'\n`) },
  { name: 'a byte-order mark', text: () => `\ufeff${episode(item(1) + item(2))}` },
  { name: 'CRLF line endings', text: () => episode(item(1) + item(0)).replace(/\n/g, '\r\n') },
  { name: 'lone CR line endings', text: () => episode(item(1) + item(0)).replace(/\n/g, '\r') },
  { name: 'mixed line endings', text: () => episode(item(1) + item(2) + item(3)).replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3]) },
  { name: 'tabs in indentation', text: () => episode("- line: Tabbed.\n\tsec: 1\n\ttime: '0:01'\n-\tline: Also.\n  who:\tAna\n") },
  { name: 'duplicate keys', text: () => `---\n${ids}transcript:\n- line: One.\n  line: Two.\n  sec: 1\n  sec: 2\ntranscript: []\nids: {}\n---\n` },
  { name: 'sec of 10^20', text: () => episode("- line: Huge.\n  sec: 100000000000000000000\n  time: '0:01'\n  who: Ana\n") },
  { name: 'sec of -1', text: () => episode("- line: Negative.\n  sec: -1\n  time: '0:01'\n  who: Ana\n") },
  { name: 'sec of 1.5', text: () => episode("- line: Fraction.\n  sec: 1.5\n  time: '0:01'\n  who: Ana\n") },
  { name: 'sec of "12" (a string)', text: () => episode("- line: Quoted.\n  sec: \"12\"\n  time: '0:12'\n  who: Ana\n") },
  { name: 'sec of 1e3, 0x10, .inf, .nan, 9007199254740993', text: () => episode(['1e3', '0x10', '.inf', '.nan', '9007199254740993'].map((s, i) => `- line: Odd ${i}.\n  sec: ${s}\n  time: '0:01'\n  who: Ana\n`).join('')) },
  { name: 'time of 10^20 seconds and an hour count past the safe integers', text: () => episode("- line: Far.\n  sec: 1\n  time: '99999999999999999999:00'\n  who: Ana\n- line: Farther.\n  sec: 2\n  time: '99999999999999999999:00:00'\n  who: Ana\n") },
];

for (const c of CASES) {
  test(`hostile input: ${c.name}`, { timeout: 120_000 }, async () => {
    const uri = c.uri ?? `file:///hostile/case-${++caseNumber}.md`;
    const text = c.text();
    const config = mergeConfigs();
    const started = Date.now();
    probe.client.open(uri, text, 1);
    let doc = TextDocument.create(uri, 'markdown', 1, text);
    const problems = await probe.check(uri, doc, config);
    const elapsed = probe.lastAnsweredAt - started;
    assert.deepEqual(problems, [], `${c.name}: answers on open`);
    assert.ok(elapsed <= BUDGET_MS, `${c.name}: answered in ${elapsed} ms, over ${BUDGET_MS} ms`);
    // Typing into it: small incremental edits, each answered within the budget too.
    const rng = new Rng(caseNumber);
    for (let i = 0; i < 3; i++) {
      const edit = randomEdit(rng, doc.getText(), [{ name: 'self', text: doc.getText().slice(0, 2000) }]);
      const changes = 'full' in edit
        ? [{ text: edit.full }]
        : [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }];
      const editStarted = Date.now();
      doc = probe.change(uri, doc, changes);
      const editProblems = await probe.check(uri, doc, config);
      assert.deepEqual(editProblems, [], `${c.name}: after edit ${i + 1} (${edit.kind})`);
      assert.ok(probe.lastAnsweredAt - editStarted <= BUDGET_MS, `${c.name}: edit ${i + 1} answered in ${probe.lastAnsweredAt - editStarted} ms`);
    }
    assert.deepEqual(await probe.close(uri), []);
    assert.ok(probe.alive, 'the server is still running');
    const rss = rssMb(probe.client.child.pid!);
    console.log(`${c.name}: ${text.length.toLocaleString('en')} chars, answered in ${elapsed} ms, server RSS ${rss?.toFixed(0) ?? '?'} MB`);
    if (rss !== undefined) assert.ok(rss < RSS_LIMIT_MB, `${c.name}: server RSS ${rss.toFixed(0)} MB`);
  });
}

test('past the parser limits the file gets one yaml-syntax finding saying why, and nothing else', () => {
  const reasons = [
    [episode(manyItems(110_000, item)), /too large to check \(\d[\d,]* KB; the limit is 512 KB\)/],
    [episode(manyItems(100_000, () => '- a\n')), /too long to check \(over 20,000 lines\)/],
    [episode(`- line: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), /nested too deeply to check \(over 500 levels/],
    [episode(`${'- '.repeat(10_000)}a\n`), /nested too deeply to check \(a line indented over 1000 columns\)/],
  ] as const;
  for (const [text, reason] of reasons) {
    const findings = analyze(parseEpisode(text, 'file:///hostile/limit.md'), DEFAULT_CONFIG);
    assert.deepEqual(findings.map((f) => f.rule), ['yaml-syntax']);
    assert.match(findings[0].message, reason);
  }
  // Brackets in text are not nesting: a thousand '[laughs' in lines stay checkable.
  const brackets = episode(manyItems(1000, (i) => `- line: '[laughs [${i}'\n  sec: ${i}\n  time: '${formatTime(i)}'\n  who: Host\n`));
  assert.deepEqual(analyze(parseEpisode(brackets, 'file:///hostile/brackets.md'), DEFAULT_CONFIG), []);
});

test('a document that grows past the limits by incremental pastes, and back', { timeout: 60_000 }, async () => {
  const uri = 'file:///hostile/growing.md';
  const text = episode(item(1) + item(2) + item(3));
  probe.client.open(uri, text, 1);
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), []);
  const inside = text.indexOf('Line number 2') + 4;
  for (const paste of ['word '.repeat(120_000), '['.repeat(600) + ']'.repeat(600), `\n${' '.repeat(1200)}x`]) {
    const at = doc.positionAt(inside);
    doc = probe.change(uri, doc, [{ range: { start: at, end: at }, text: paste }]);
    assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), [], `after pasting ${paste.length} characters into a line`);
    doc = probe.change(uri, doc, [{ range: { start: at, end: doc.positionAt(inside + paste.length) }, text: '' }]);
    assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), [], 'after deleting the paste again');
  }
  assert.deepEqual(await probe.close(uri), []);
});

test('a document that shrinks from hostile to ordinary by incremental edits', { timeout: 60_000 }, async () => {
  const uri = 'file:///hostile/shrinking.md';
  const text = episode(manyItems(100_000, (i) => `- line: L${i}\n`));
  probe.client.open(uri, text, 1);
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), []);
  // Delete all but the first few items, then grow it back a little.
  const cut = text.indexOf('- line: L5\n');
  doc = probe.change(uri, doc, [{ range: { start: doc.positionAt(cut), end: doc.positionAt(text.indexOf('---\nBody')) }, text: '' }]);
  assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), []);
  doc = probe.change(uri, doc, [{ range: { start: doc.positionAt(cut), end: doc.positionAt(cut) }, text: manyItems(5, item) }]);
  assert.deepEqual(await probe.check(uri, doc, mergeConfigs()), []);
  assert.deepEqual(await probe.close(uri), []);
});

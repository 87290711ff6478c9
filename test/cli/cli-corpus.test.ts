import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { analyze, findFrontMatter, mergeConfigs, parseEpisode } from '../../server/src/core';
import { CORPUS, countByRule, JsonReport, lint } from './helpers';
import { FULL_ONLY, NO_CORPUS } from '../helpers';

/**
 * The 203 real episodes of ../shared/corpus/podcast (when this clone sits beside ../shared): the
 * exact counts of the rules issue, the language server's positions, and --fix on a copy.
 */

const skip = fs.existsSync(CORPUS) ? FULL_ONLY : NO_CORPUS;

const EXPECTED: Record<string, [count: number, files?: number]> = {
  'time-malformed': [3, 2],
  'time-noncanonical': [4, 1],
  'time-missing': [1],
  'time-mismatch': [0],
  'sec-missing': [0],
  'sec-order': [54, 43],
  'item-duplicate': [609],
  'who-missing': [449],
  'header-hidden': [379],
  'line-is-speaker': [45],
  'youtube-id-invalid': [1],
  'duration-mismatch': [0],
  'clip-mismatch': [0],
  // The one pasted transcript (FINDINGS P), reported on both files.
  'transcript-copy': [2, 2],
};

/** An empty config file, so no .transcriptlintrc.json above the corpus can change the defaults. */
function defaultsConfig(t: { after(fn: () => void): void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-lint-corpus-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'defaults.json'), '{}');
  return path.join(dir, 'defaults.json');
}

function lintJson(args: string[], cwd: string): { code: number | null; report: JsonReport; ms: number } {
  const started = process.hrtime.bigint();
  const run = lint(['--format', 'json', ...args], cwd);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.notEqual(run.code, 2, run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, ms };
}

const SITE_RULES = new Set(['name-spelling', 'term-spelling']);

test('corpus: --format json gives the exact counts per rule, exits 1, at the language server\'s positions', { skip }, (t) => {
  const config = defaultsConfig(t);
  const { code, report, ms } = lintJson(['--config', config, CORPUS], os.tmpdir());
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).length;
  t.diagnostic(`checked ${files} files in ${ms.toFixed(0)} ms (child process, start-up included): ${((files * 1000) / ms).toFixed(0)} files/s`);
  assert.equal(code, 1);
  const counts = countByRule(report);
  for (const [rule, [count, fileCount]] of Object.entries(EXPECTED)) {
    assert.equal(counts.get(rule)?.count ?? 0, count, rule);
    if (fileCount !== undefined) assert.equal(counts.get(rule)?.files.size, fileCount, `${rule} files`);
  }
  // _template.md (Liquid placeholders in its front matter) is the one template, skipped and counted.
  assert.equal(report.summary.templatesSkipped, 1);
  assert.equal(report.summary.filesChecked + report.summary.filesSkipped + report.summary.templatesSkipped, files);
  assert.equal(report.files.length, report.summary.filesChecked);

  // Every diagnostic where the language server puts it: the core's offsets through TextDocument.positionAt.
  for (const file of report.files) {
    const absolute = path.join(CORPUS, path.basename(file.path));
    const text = fs.readFileSync(absolute, 'utf8');
    const uri = pathToFileURL(absolute).href;
    const doc = TextDocument.create(uri, 'markdown', 0, text);
    const expected = analyze(parseEpisode(text, uri), mergeConfigs()).filter((f) => !SITE_RULES.has(f.rule)).map((f) => {
      const [start, end] = [doc.positionAt(f.start), doc.positionAt(f.end)];
      return `${f.rule} ${f.severity} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${f.message}`;
    });
    // transcript-copy compares files, and the spelling rules take their words from the whole site (other
    // episodes, the people files, the dictionaries): one file's analysis cannot have them (test/unit/terms.test.ts).
    const single = file.diagnostics.filter((d) => d.rule !== 'transcript-copy' && !SITE_RULES.has(d.rule));
    assert.deepEqual(single.map((d) => `${d.rule} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`), expected, file.path);
  }
});

/** `time` as the site's import scripts write it from `sec`. */
function label(sec: number): string {
  const [h, m, s] = [Math.floor(sec / 3600), Math.floor((sec % 3600) / 60), sec % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

type Item = Record<string, unknown>;

function frontMatterData(text: string): { data: Record<string, unknown>; body: string } {
  const fm = findFrontMatter(text)!;
  return { data: parse(text.slice(fm.contentStart, fm.contentEnd)), body: text.slice(fm.contentEnd) };
}

const bare = (who: unknown) => String(who).trim().replace(/[:.]+$/, '');

/**
 * What --fix may do to a transcript, and nothing else: every item with `sec` gets `time` =
 * label(sec) (recomputed or inserted); a `who` may change only to its own spelling without a
 * trailing ':'/'.', or to a spelling used more often in the file; an item may disappear only
 * when a copy of it remains: an item of the same kind and text that holds every key and value
 * the removed one had (so no speaker or time is lost; a `who` holding speech, the import artifact
 * that who-suspicious reports, may go). Returns the number of items removed.
 */
function assertOnlyIntendedChanges(original: Item[], fixed: Item[], name: string): number {
  const spellings = new Map<string, number>();
  for (const item of original) if (item.who !== undefined) spellings.set(bare(item.who), (spellings.get(bare(item.who)) ?? 0) + 1);
  const expected = original.map((item) => (typeof item.sec === 'number' ? { ...item, time: label(item.sec) } : item));
  const textKey = (item: Item) => `${item.header !== undefined ? 'header' : 'line'}:${String(item.header ?? item.line).trim()}`;
  const kept = new Map<string, Item[]>();
  for (const item of fixed) kept.set(textKey(item), [...(kept.get(textKey(item)) ?? []), item]);
  const isSpeech = (who: unknown) => String(who).length > 40 || String(who).trim().split(/\s+/).length > 4;
  const holds = (copy: Item, item: Item) =>
    Object.entries(item).every(([key, value]) => key === 'line' || key === 'header' || (key === 'who' && isSpeech(value)) || isDeepEqual(copy[key], value));
  const sameApartFromWho = (o: Item, f: Item): boolean => {
    if (!isDeepEqual({ ...o, who: undefined }, { ...f, who: undefined })) return false;
    if (o.who === f.who) return true;
    if (o.who === undefined || f.who === undefined) return false;
    return f.who === bare(o.who) || (spellings.get(String(f.who)) ?? 0) > (spellings.get(bare(o.who)) ?? 0);
  };
  let j = 0;
  let removed = 0;
  for (const item of expected) {
    if (j < fixed.length && sameApartFromWho(item, fixed[j])) {
      j++;
      continue;
    }
    const copies = kept.get(textKey(item)) ?? [];
    assert.ok(copies.some((copy) => holds(copy, item)), `${name}: item ${JSON.stringify(item).slice(0, 120)} was removed but no full copy of it is left`);
    removed++;
  }
  assert.equal(j, fixed.length, `${name}: fixed items from ${j} on do not come from the original`);
  return removed;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

test('corpus: --fix on a copy repairs every fixable finding and changes only the intended values', { skip }, (t) => {
  const config = defaultsConfig(t);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-lint-corpus-fix-'));
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }));
  fs.cpSync(CORPUS, copy, { recursive: true });

  const before = lintJson(['--config', config, '.'], copy).report;
  const fixRun = lintJson(['--fix', '--quiet', '--config', config, '.'], copy);
  t.diagnostic(`--fix over the corpus: ${fixRun.report.summary.fixed} problems in ${fixRun.report.summary.filesFixed} files, ${fixRun.ms.toFixed(0)} ms`);
  assert.equal(fixRun.code, 1); // the invalid YouTube id has no fix
  const after = lintJson(['--config', config, '.'], copy);
  const fixableLeft = after.report.files.flatMap((f) => f.diagnostics.filter((d) => d.fixable).map((d) => `${f.path}:${d.line} ${d.rule}`));
  assert.deepEqual(fixableLeft, []);
  const countsBefore = countByRule(before);
  const countsAfter = countByRule(after.report);
  for (const rule of ['time-noncanonical', 'time-missing', 'item-duplicate', 'who-variant', 'yaml-syntax']) {
    assert.equal(countsAfter.get(rule)?.count ?? 0, 0, rule);
  }
  // The one time-malformed label fixed (9:46 broken over lines); the two `37:567` whose sec shares the typo left for a person.
  assert.deepEqual([countsBefore.get('time-malformed')?.count, countsAfter.get('time-malformed')?.count], [3, 2]);
  // Findings no fix touches stay.
  for (const rule of ['sec-order', 'line-is-speaker', 'youtube-id-invalid']) assert.equal(countsAfter.get(rule)?.count, countsBefore.get(rule)?.count, rule);
  t.diagnostic(`after --fix: ${[...countsAfter].map(([rule, c]) => `${rule} ${c.count}`).join(', ')}`);
  // The 447 untimed copies without `who` went with their duplicates; the copies with `who` stayed (3d7f81a).
  assert.equal(countsAfter.get('who-missing')?.count, 2);

  let changed = 0;
  let removed = 0;
  for (const name of fs.readdirSync(CORPUS).sort()) {
    const original = fs.readFileSync(path.join(CORPUS, name), 'utf8');
    const fixed = fs.readFileSync(path.join(copy, name), 'utf8');
    const fixedHere = Object.values(fixRun.report.files.find((f) => f.path === name)?.fixed ?? {}).reduce((a, b) => a + b, 0);
    if (fixedHere === 0) {
      assert.equal(fixed, original, `${name} has nothing to fix but was changed`);
      continue;
    }
    changed++;
    const o = frontMatterData(original);
    const f = frontMatterData(fixed);
    assert.equal(f.body, o.body, `${name}: the Markdown after the front matter changed`);
    assert.deepEqual({ ...f.data, transcript: undefined }, { ...o.data, transcript: undefined }, `${name}: metadata changed`);
    removed += assertOnlyIntendedChanges(o.data.transcript as Item[], f.data.transcript as Item[], name);
  }
  assert.equal(changed, fixRun.report.summary.filesFixed);
  t.diagnostic(`${changed} files changed, ${removed} repeated items removed`);
  assert.ok(removed >= (countsBefore.get('item-duplicate')?.count ?? 0));
});

import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test, TestContext } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import { analyze, applyEdits, DEFAULT_CONFIG, Finding, findFrontMatter, fixAllToFixedPoint, parseEpisode, renameSpeaker, TextEdit } from '../../server/src/core';
import { dropUnparsableFlowFixes } from '../../server/src/core/rules/flowFixes';
import { lint } from '../cli/helpers';
import { TestClient } from '../protocol/lspClient';

/**
 * The adversarial inputs of issue 28, one row each: what an attacker or an unlucky paste can put in
 * an episode, and what must hold. Fast: every row runs in `npm test`.
 */

const findingsOf = (text: string): Finding[] => analyze(parseEpisode(text, 'file:///adversarial/ep.md'), DEFAULT_CONFIG);
const fixAll = (text: string) => fixAllToFixedPoint(text, findingsOf(text), findingsOf);

const tempDirs: string[] = [];
after(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function tempFile(name: string, content: string | Buffer): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adversarial-'));
  tempDirs.push(dir);
  fs.writeFileSync(path.join(dir, name), content);
  return { dir, file: path.join(dir, name) };
}

/** The front matter as PyYAML reads it (JSON), or why it cannot; undefined without python3-yaml. */
const PYYAML = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
function pyYaml(file: string): string | undefined {
  if (!PYYAML) return undefined;
  const script = [
    'import sys, json, yaml',
    "text = open(sys.argv[1], encoding='utf-8-sig', newline='').read()",
    "body = text.split('---', 1)[1]",
    "end = body.find('\\n---')",
    'try:',
    '    print(json.dumps(yaml.safe_load(body[:end]), sort_keys=True, default=str))',
    'except yaml.YAMLError as error:',
    "    print('refused: ' + str(error).splitlines()[0])",
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

function yamlPackage(text: string): unknown {
  const fm = findFrontMatter(text.replace(/^\uFEFF/, ''))!;
  return parse(text.replace(/^\uFEFF/, '').slice(fm.contentStart, fm.contentEnd));
}

const flowEpisode = (maps: number) => {
  const items: string[] = [];
  for (let i = 0; i < maps; i++) items.push(`{line: L${i}, sec: ${i}}`);
  return `---\ntitle: Flow\ntranscript: [${items.join(', ')}]\n---\n`;
};

interface Row {
  name: string;
  timeout?: number;
  run: (t: TestContext) => void | Promise<void>;
}

/** Marks a row skipped, saying why, when PyYAML is not there to compare with (its yaml-package checks still ran). */
function withoutPyYaml(t: TestContext): boolean {
  if (PYYAML) return false;
  t.skip('python3-yaml is not installed (apt-get install python3-yaml): only the yaml package was compared');
  return true;
}

const ROWS: Row[] = [
  {
    name: 'fix-all on a one-line flow transcript of 19,000 maps (498 KB) answers over stdio, within the limits, and the server lives',
    timeout: 180_000,
    run: async () => {
      const text = flowEpisode(19_000);
      assert.ok(text.length > 490_000 && text.length < 512 * 1024, `${text.length} characters`);
      const client = await TestClient.start();
      const uri = 'file:///adversarial/flow.md';
      client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1, 120_000);
      // Every map lacks time and who: two findings each, all published.
      assert.equal(published.diagnostics.length, 38_000);
      const fixAllActions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
      // The fixed text would pass the size limit, so fix-all offers nothing rather than a text it cannot check.
      assert.deepEqual(fixAllActions, []);
      const quick = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: { start: { line: 2, character: 24 }, end: { line: 2, character: 24 } }, context: { diagnostics: [], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(quick.map((a) => a.title), ['Insert time from sec (0:00)', 'Fix all time-missing problems in this file (19000)']);
      assert.deepEqual(quick[0].edit!.changes![uri], [{ range: { start: { line: 2, character: 30 }, end: { line: 2, character: 30 } }, newText: ", time: '0:00'" }]);
      await client.stopCleanly();
    },
  },
  {
    name: '"Insert time from sec" on a flow-style item writes flow style, and fix-all leaves YAML that parses',
    run: () => {
      const text = "---\ntitle: Flow item\ntranscript:\n- {line: a, sec: 1, who: P}\n- line: b\n  sec: 2\n  time: '0:02'\n  who: P\n---\n";
      const [finding] = findingsOf(text);
      assert.deepEqual([finding.rule, finding.fixes[0].title, finding.fixes[0].safe], ['time-missing', 'Insert time from sec (0:01)', true]);
      const fixed = "---\ntitle: Flow item\ntranscript:\n- {line: a, sec: 1, time: '0:01', who: P}\n- line: b\n  sec: 2\n  time: '0:02'\n  who: P\n---\n";
      assert.equal(applyEdits(text, finding.fixes[0].edits), fixed);
      assert.equal(fixAll(text).text, fixed);
      assert.deepEqual(findingsOf(fixed), []);
      // sec-missing in a `[…]` list: sec goes in before time, in the list's style.
      const list = "---\ntranscript: [{line: a, time: '0:05', who: P}, {line: b, sec: 6, time: '0:06', who: P}]\n---\n";
      assert.equal(fixAll(list).text, "---\ntranscript: [{line: a, sec: 5, time: '0:05', who: P}, {line: b, sec: 6, time: '0:06', who: P}]\n---\n");
    },
  },
  {
    name: 'a fix whose result does not parse on a flow item is never offered; deleting an item of a [...] list is left to a person',
    run: () => {
      const text = "---\ntranscript:\n- {line: a, sec: 1, time: '0:01', who: P}\n---\n";
      const model = parseEpisode(text);
      const at = text.indexOf('who: P') + 'who: P'.length;
      const blockLine = { title: 'A block line in a flow map', edits: [{ start: at, end: at, newText: '\n  note: x' }], safe: true };
      const comma = { title: 'A plain comma', edits: [{ start: at - 1, end: at, newText: 'Smith, J' }], safe: true };
      const flowStyle = { title: 'Flow style', edits: [{ start: at, end: at, newText: ", line2: x" }], safe: true };
      const finding: Finding = { rule: 'who-variant', severity: 'warning', message: 'test', start: at - 1, end: at, fixes: [blockLine, comma, flowStyle] };
      // `line2` is no item key: only the result that keeps the item's keys is kept, and here none does.
      assert.deepEqual(dropUnparsableFlowFixes(model, [finding])[0].fixes.map((f) => f.title), []);
      const renamed = { ...flowStyle, title: 'Rename', edits: [{ start: at - 1, end: at, newText: "'Smith, J'" }] };
      assert.deepEqual(dropUnparsableFlowFixes(model, [{ ...finding, fixes: [renamed] }])[0].fixes.map((f) => f.title), ['Rename']);
      const duplicate = "---\ntranscript: [{line: Same., sec: 1, time: '0:01', who: P}, {line: Same., sec: 1, time: '0:01', who: P}]\n---\n";
      const repeated = findingsOf(duplicate).find((f) => f.rule === 'item-duplicate')!;
      assert.deepEqual(repeated.fixes, []);
    },
  },
  {
    name: '--fix with one lone CR line break in an LF file leaves it byte for byte, and PyYAML reads it as before',
    run: () => {
      const text = "---\ntitle: CR\ntranscript:\n- line: One.\n  sec: 1\n  time: '0:01'\n  who: Ana\n- line: Two.\n  sec: 2\r  time: '0:02'\n  who: Ana\n---\n";
      const { dir, file } = tempFile('cr.md', text);
      const before = pyYaml(file);
      const run = lint(['--fix', 'cr.md'], dir);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), text);
      assert.match(run.stdout, /not fixed: the front matter still does not parse; 1 YAML error needs a human/);
      if (before !== undefined) assert.match(before, /"sec": 2, "time": "0:02"/);
    },
  },
  {
    name: '--fix keeps the byte-order mark and every byte outside the fix; PyYAML and yaml read the same data apart from the fixed value',
    run: (t) => {
      const text = "---\ntitle: BOM\ntranscript:\n- line: One.\n  sec: 2\n  time: '00:02'\n  who: Ana\n---\nBody.\n";
      const { dir, file } = tempFile('bom.md', `\uFEFF${text}`);
      const beforePy = pyYaml(file);
      const run = lint(['--fix', 'bom.md'], dir);
      assert.equal(run.code, 0, run.stderr + run.stdout);
      const bytes = fs.readFileSync(file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.toString('utf8'), `\uFEFF${text.replace("'00:02'", "'0:02'")}`);
      assert.deepEqual(yamlPackage(bytes.toString('utf8')), { ...(yamlPackage(text) as object), transcript: [{ line: 'One.', sec: 2, time: '0:02', who: 'Ana' }] });
      if (withoutPyYaml(t)) return;
      assert.equal(pyYaml(file), beforePy!.replace('"time": "00:02"', '"time": "0:02"'));
    },
  },
  {
    name: 'NUL and ESC in a plain scalar: control-character, and --fix writes what PyYAML now reads as the same string yaml read',
    run: (t) => {
      const text = "---\ntitle: Controls\ntranscript:\n- line: A\u0000B \u001b[31mred\n  sec: 1\n  time: '0:01'\n  who: Ana\n---\n";
      const { dir, file } = tempFile('nul.md', text);
      const before = pyYaml(file);
      const run = lint(['--fix', 'nul.md'], dir);
      assert.equal(run.code, 0, run.stdout);
      const fixed = fs.readFileSync(file, 'utf8');
      if (before !== undefined) assert.match(before, /^refused: /);
      assert.equal(fixed, text.replace('line: A\u0000B \u001b[31mred', 'line: "A\\u0000B \\u001B[31mred"'));
      assert.equal((yamlPackage(fixed) as { transcript: { line: string }[] }).transcript[0].line, 'A\u0000B \u001b[31mred');
      if (withoutPyYaml(t)) return;
      assert.equal(JSON.parse(pyYaml(file)!).transcript[0].line, 'A\u0000B \u001b[31mred');
    },
  },
  {
    name: 'renaming a speaker refuses control and line-separator characters, and what it writes PyYAML reads back as the name',
    run: (t) => {
      const text = "---\ntranscript:\n- line: A.\n  sec: 1\n  time: '0:01'\n  who: Sam\n---\n";
      const model = parseEpisode(text);
      const at = text.indexOf('Sam');
      for (const bad of ['\u0000', '\u0085', '\u2028', '\u001b']) {
        const result = renameSpeaker(model, at, `Sa${bad}m`);
        assert.ok(result && 'error' in result && /control characters or line separators/.test(result.error), JSON.stringify(bad));
      }
      for (const name of ['Yes', 'off', '2024-01-01', '1:30', 'Smith, J', '[Host]']) {
        const result = renameSpeaker(model, at, name) as { edits: TextEdit[] };
        const { file } = tempFile('renamed.md', applyEdits(text, result.edits));
        assert.equal((yamlPackage(fs.readFileSync(file, 'utf8')) as { transcript: { who: unknown }[] }).transcript[0].who, name, name);
        if (PYYAML) assert.equal(JSON.parse(pyYaml(file)!).transcript[0].who, name, `PyYAML: ${name}`);
      }
      withoutPyYaml(t);
    },
  },
  {
    name: 'a file with 150,000 findings: the text report prints them all',
    timeout: 120_000,
    run: () => {
      const { dir } = tempFile('many.md', `---\ntranscript: [${'a, '.repeat(149_999)}a]\n---\n`);
      const run = lint(['many.md'], dir);
      assert.equal(run.code, 1, run.stderr.slice(0, 500));
      const lines = run.stdout.split('\n').filter((line) => line.startsWith('many.md:'));
      assert.equal(lines.length, 150_000);
      assert.match(lines[0], /^many\.md:2:14 +error +item-shape +a transcript item must be a map/);
    },
  },
];

for (const row of ROWS) test(`adversarial: ${row.name}`, { timeout: row.timeout ?? 60_000 }, (t) => row.run(t));

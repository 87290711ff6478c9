import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPOSITORY_URL, RULES, ruleDocsUrl } from '../../server/src/core';
import { toDiagnostic } from '../../server/src/convert';
import { ROOT, check, episode } from '../helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('every registered rule has its page, docs/rules/<id>.md, with what it checks, why, a failing and a fixed example, and options', () => {
  const missing: string[] = [];
  for (const rule of RULES) {
    const page = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);
    if (!fs.existsSync(page)) {
      missing.push(`${rule.id}: no docs/rules/${rule.id}.md`);
      continue;
    }
    const text = fs.readFileSync(page, 'utf8');
    assert.ok(text.startsWith(`# \`${rule.id}\``), `${rule.id}: the page's title names the rule`);
    for (const section of ['## What it checks', '## Why', '## Example', '## Options']) {
      assert.ok(text.includes(`\n${section}\n`), `docs/rules/${rule.id}.md has no "${section}"`);
    }
    // The example: a paragraph starting "Fails" before the failing text, one starting "Fixed" before the fixed one.
    assert.match(text, /\n\nFails\b[^\n]*\n[\s\S]*\n\nFixed\b/, `docs/rules/${rule.id}.md: no "Fails…" then "Fixed…" example`);
  }
  assert.deepEqual(missing, []);
  const index = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
  for (const rule of RULES) assert.ok(index.includes(`[\`${rule.id}\`](${rule.id}.md)`), `docs/rules/README.md does not link ${rule.id}`);
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((name) => name !== 'README.md');
  assert.deepEqual(pages.sort(), RULES.map((rule) => `${rule.id}.md`).sort(), 'a page for a rule that is not registered');
});

test('a diagnostic\'s codeDescription opens its rule\'s page, under the repository package.json names', () => {
  assert.equal(manifest.repository.url, `${REPOSITORY_URL}.git`);
  for (const rule of RULES) assert.equal(ruleDocsUrl(rule.id), `${REPOSITORY_URL}/blob/main/docs/rules/${rule.id}.md`);
  const text = episode("- line: Hello there.\n  sec: 159\n  time: '2:38'\n  who: Priya\n- line: Hi.\n  sec: 160\n  time: '2:40'\n");
  const doc = TextDocument.create('file:///episode.md', 'markdown', 1, text);
  const diagnostics = check(text).map((finding) => toDiagnostic(doc, finding));
  assert.deepEqual(diagnostics.map((d) => [d.code, d.codeDescription?.href]), [
    ['time-mismatch', `${REPOSITORY_URL}/blob/main/docs/rules/time-mismatch.md`],
    ['who-missing', `${REPOSITORY_URL}/blob/main/docs/rules/who-missing.md`],
  ]);
});

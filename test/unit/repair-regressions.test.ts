import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyze, applyEdits, collectFixAll, DEFAULT_CONFIG, findFrontMatter, parseEpisode } from '../../server/src/core';
import { ROOT } from '../helpers';

/** Repair defects the property test (test/robustness/repairProperty.ts) found, as fictional fixtures. */

const DIR = path.join(ROOT, 'test/fixtures/repair');
const URI = 'file:///work/_podcast/episode.md';

test('a continuation line moved to column 0 that starts with `word: ` stays in its item; the preferred repair indents it', () => {
  const text = fs.readFileSync(path.join(DIR, 'key-like-continuation.md'), 'utf8');
  const model = parseEpisode(text, URI);
  assert.equal(model.syntaxErrors.length, 1);
  const unit = model.syntaxErrors[0].unit!;
  // The broken unit is the first item only: `was:` is not a new top-level key, and the items after it are read.
  assert.equal(text.slice(unit.span.start, unit.span.end), text.slice(text.indexOf("- line: 'Our"), text.indexOf("\n- line: And")));
  assert.deepEqual(model.transcript!.items.map((item) => item.kind), ['broken', 'line', 'line']);
  const findings = analyze(model, DEFAULT_CONFIG);
  const fixes = findings.filter((f) => f.rule === 'yaml-syntax').flatMap((f) => f.fixes);
  assert.deepEqual(fixes.map((f) => [f.title.split(' ').slice(0, 3).join(' '), f.isPreferred]), [['Indent the continuation', true]]);
  const fixed = applyEdits(text, collectFixAll(findings));
  assert.equal(fixed, text.replace('\nwas: we took', '\n    was: we took'));
  const front = findFrontMatter(fixed)!;
  const data = parseDocument(fixed.slice(front.contentStart, front.contentEnd)).toJSON();
  assert.equal(data.transcript[0].line, 'Our first recipe for the soup tasting club was: we took a broth, counted the onions and wrote it all down.');
});

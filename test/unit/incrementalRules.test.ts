import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, Finding, parseEpisode, RULES, TextChange, TranscriptConfig, TranscriptLanguageService } from '../../server/src/core';
import { RuleContext } from '../../server/src/core/rules/context';
import { ITEM_CHECKS } from '../../server/src/core/rules';
import { incrementalStats } from '../../server/src/core/rules/incremental';
import { episode, iterations } from '../helpers';
import { createRandom } from '../random';

/**
 * Issue 26: a keystroke re-checks only what it touched (item findings cached per item, the messages
 * and fixes of cross-item findings built once per unchanged group of items). Property: after every
 * random edit, the findings the service keeps up to date equal a full check of the same text by a
 * fresh service, on an episode full of cross-item findings: runs of repeated lines and headers
 * (with headers pasted between), lines without who, speaker variants, times running backwards,
 * hidden headers.
 */

function crossItemEpisode(): string {
  const lines: string[] = [];
  let sec = 0;
  const say = (text: string, who?: string, timed = true) => {
    sec += 7;
    lines.push(`- line: ${text}`);
    if (timed) lines.push(`  sec: ${sec}`, `  time: '${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}'`);
    if (who !== undefined) lines.push(`  who: ${who}`);
  };
  for (let block = 0; block < 6; block++) {
    lines.push(`- header: Part ${block}`);
    say(`Block ${block} opens with a sentence long enough to count as a line of its own.`, 'Priya');
    say(`Block ${block} repeats this sentence, which is long enough to be a copy.`, 'Priya');
    lines.push(`- header: Part ${block}`); // the same header pasted between the copies
    say(`Block ${block} repeats this sentence, which is long enough to be a copy.`, 'Priya', block % 2 === 0);
    say(`Nobody is named for this line in block ${block}, a plain transcription gap.`);
    say(`Block ${block} has Priyaa speaking once, a variant of the usual spelling.`, block === 3 ? 'Priyaa' : 'Marco');
    if (block === 2) sec -= 60; // times run backwards here
    if (block === 4) lines.push('- line: Only a time label here, and no seconds at all in this block.', "  time: '0:50'", '  who: Marco');
    say('Marco', 'Priya');
    lines.push(`- header: Empty section ${block}`);
  }
  lines.push('- header: Closing');
  say('And that is the end of the episode, thank you all for listening today.', 'Marco');
  return episode(lines.join('\n') + '\n', 'ids:\n  youtube: AbCdEfGhIjK\nduration: PT00H01M00S\n') + 'Body.\n';
}

type Random = ReturnType<typeof createRandom>;

/** Typing in a value (most keystrokes), sometimes a line break, a quote or a deleted run: edits that stay in one item and edits that do not. */
function edit(text: string, random: Random): TextChange {
  const values = [...text.matchAll(/(?:line|header|who|time|sec): /g)];
  const at = random.pick(values);
  const start = Math.min(text.length, at.index! + at[0].length + random.int(12));
  const roll = random.next();
  if (roll < 0.55) return { start, end: start, text: random.pick(['a', 'e', ' ', 'x', '.', '1']) };
  if (roll < 0.75) return { start, end: Math.min(text.length, start + 1 + random.int(3)), text: '' };
  return { start, end: start, text: random.pick(['\n', '\n  ', "'", ': ', '\n- line: inserted', 'Priya', 'Priyaa']) };
}

/**
 * A line's text made the same as the line before it, or the letter typed last taken out again: the
 * edits that make and unmake copies (a run of copies grows, shrinks, splits or joins).
 */
function copyEdit(text: string, random: Random, last: TextChange | undefined): TextChange {
  if (last && last.text.length === 1 && last.start === last.end && random.next() < 0.5) return { start: last.start, end: last.start + 1, text: '' };
  const values = [...text.matchAll(/^- line: (.*)$/gm)];
  const k = 1 + random.int(values.length - 1);
  const [previous, line] = [values[k - 1], values[k]];
  const start = line.index! + '- line: '.length;
  return { start, end: start + line[1].length, text: previous[1] };
}

function findingsAfterEdits(initial: string, edits: number, seed: number, config: TranscriptConfig, makeCopies = false): { checked: number; local: number } {
  const random = createRandom(seed);
  const uri = 'file:///work/_podcast/cross-item.md';
  const service = new TranscriptLanguageService(() => config);
  const doc = TextDocument.create(uri, 'markdown', 1, initial);
  service.findings(doc);
  let local = 0;
  let lastChange: TextChange | undefined;
  for (let i = 0; i < edits; i++) {
    // A broken file is checked whole every time: start again from the original, so most edits meet a file that parses.
    if (i % 25 === 0 || service.model(doc).syntaxErrors.length > 0) {
      TextDocument.update(doc, [{ text: initial }], doc.version + 1);
      service.didChange(uri, doc.version, 'full');
      service.findings(doc);
    }
    const before = service.model(doc).transcript?.items;
    const change = makeCopies && random.next() < 0.5 ? copyEdit(doc.getText(), random, lastChange) : edit(doc.getText(), random);
    lastChange = change;
    TextDocument.update(doc, [{ range: { start: doc.positionAt(change.start), end: doc.positionAt(change.end) }, text: change.text }], doc.version + 1);
    service.didChange(uri, doc.version, [change]);
    const actual = service.findings(doc);
    const expected = new TranscriptLanguageService(() => config).findings(TextDocument.create(uri, 'markdown', doc.version, doc.getText()));
    assert.deepEqual(actual, expected, `edit ${i} (seed ${seed}): ${JSON.stringify(change)}`);
    const after = service.model(doc).transcript?.items;
    if (before && after && after.filter((item, k) => item === before[k]).length === after.length - 1) local++;
  }
  return { checked: edits, local };
}

test('incremental findings equal a full check after random edits of an episode full of cross-item findings', () => {
  const text = crossItemEpisode();
  const rules = new Set(new TranscriptLanguageService().findings(TextDocument.create('file:///work/_podcast/e.md', 'markdown', 1, text)).map((f) => f.rule));
  // The fixture holds what the cached paths must keep right.
  for (const rule of ['item-duplicate', 'who-missing', 'who-variant', 'sec-order', 'header-hidden', 'line-is-speaker', 'duration-mismatch', 'sec-missing']) assert.ok(rules.has(rule as Finding['rule']), `the fixture has no ${rule}`);
  const edits = iterations(200, 400);
  const { local } = findingsAfterEdits(text, edits, Number(process.env.INCREMENTAL_SEED ?? 20261207), DEFAULT_CONFIG);
  console.log(`  ${local} of ${edits} edits re-read one item only`);
  // More than half (200 of 400).
  assert.ok(local * 2 > edits, `only ${local} of ${edits} edits took the one-item path`);
});

test('incremental findings equal a full check while copies of lines are made and unmade (item-duplicate re-checks the runs around the edit)', () => {
  const stretches = incrementalStats.local.get('checkDuplicates') ?? 0;
  const edits = iterations(200, 400);
  const { local } = findingsAfterEdits(crossItemEpisode(), edits, Number(process.env.INCREMENTAL_SEED ?? 20261208), DEFAULT_CONFIG, true);
  const rechecked = (incrementalStats.local.get('checkDuplicates') ?? 0) - stretches;
  console.log(`  ${local} of ${edits} edits re-read one item only; item-duplicate re-checked a stretch after ${rechecked}`);
  // More than three in eight (150 of 400), and at least one in twenty (20 of 400).
  assert.ok(local * 8 > edits * 3, `only ${local} of ${edits} edits took the one-item path`);
  assert.ok(rechecked * 20 >= edits, `item-duplicate re-checked a stretch after only ${rechecked} of ${edits} edits`);
});

test('incremental findings follow a change of configuration (cached findings are per configuration)', () => {
  const text = crossItemEpisode();
  findingsAfterEdits(text, 60, 7, { ...DEFAULT_CONFIG, rules: { 'item-duplicate': 'error', 'who-missing': 'off' } });
});

test('item checks report only rules the registry marks as item-scoped', () => {
  const model = parseEpisode(crossItemEpisode(), 'file:///work/_podcast/e.md');
  const ctx = new RuleContext(model, DEFAULT_CONFIG);
  for (const item of model.transcript!.items) for (const check of ITEM_CHECKS) check(ctx, item);
  const scopes = new Map(RULES.map((rule) => [rule.id, rule.scope]));
  const reported = [...new Set(ctx.findings.map((f) => f.rule))].sort();
  assert.deepEqual(reported, ['sec-missing', 'who-missing']);
  for (const rule of reported) assert.equal(scopes.get(rule), 'item', rule);
});

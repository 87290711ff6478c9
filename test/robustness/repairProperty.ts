import { isDeepStrictEqual } from 'node:util';
import { applyEdits, DEFAULT_CONFIG, Finding, TextEdit } from '../../server/src/core';
import type { Span } from '../../server/src/core';
import { check, fixText } from '../../server/src/cli/fix';
import { CaseOptions, Episode, fixtureEpisodes, frontMatterData, generateCase, loadEpisodes, RepairCase, Shape, SHAPE_DESCRIPTIONS, SHAPES } from './repairCases';

export { fixtureEpisodes, loadEpisodes, SHAPES };

/**
 * The repair property of issue 11: take a real episode, break one value the way people do, and check
 * the broken file:
 *   1. a `yaml-syntax` finding is there, and every other finding of the unbroken file outside the
 *      broken unit is still reported at the same place (moved by the edit): the error stays local;
 *      no finding but `yaml-syntax` points into the broken unit;
 *   2. after the preferred repair and fix-all (`transcript-lint --fix`), the front matter parses to
 *      the data of the unbroken file after the same fix-all;
 *   3. every repair edit lies inside the broken unit;
 *   4. a preferred repair restores the unbroken data: one that reads something else is counted as wrong.
 * Cases are drawn from a seed (test/random.ts); case `i` of seed `s` depends on nothing else, so one
 * case replays alone (`REPAIR_SEED=s REPAIR_FIRST=i REPAIR_CASES=1`). The corpus text never leaves
 * memory: failures print offsets and a short excerpt only.
 */

export type Outcome = 'preferred' | 'ambiguous' | 'none' | 'wrong';

export interface CaseResult {
  outcome: Outcome;
  /** The preferred repair gives the unbroken text byte for byte. */
  identical: boolean;
  /** Among several readings offered, one restores the unbroken data. */
  originalOffered: boolean;
  /** Broken properties 1–3 (and crashes): each a defect to fix. */
  problems: string[];
}

const URI_DIR = 'file:///corpus/_podcast/';

/** Rules whose findings depend on one item or one value only: a break elsewhere must never silence them. */
const ITEM_LOCAL_RULES = new Set(['schema-type', 'item-unknown-key', 'item-shape', 'time-malformed', 'time-mismatch', 'time-noncanonical', 'time-missing', 'sec-missing', 'who-missing', 'youtube-id-invalid']);

/** Where an unbroken offset lands in the broken text (offsets inside the edit go to its start). */
function mapOffset(edit: TextEdit, offset: number): number {
  if (offset <= edit.start) return offset;
  if (offset >= edit.end) return offset + edit.newText.length - (edit.end - edit.start);
  return edit.start;
}

const fixAllCache = new Map<string, { findings: Finding[]; fixed: unknown }>();

/** The findings of a text and the data after `transcript-lint --fix` (cached: most cases share their unbroken file). */
function unbrokenFacts(text: string, uri: string): { findings: Finding[]; fixed: unknown } {
  const cached = fixAllCache.get(text);
  if (cached) return cached;
  const checked = check(text, uri, DEFAULT_CONFIG);
  const outcome = fixText(checked, uri, DEFAULT_CONFIG);
  const facts = { findings: checked.findings, fixed: frontMatterData(outcome.text) };
  if (fixAllCache.size > 400) fixAllCache.clear();
  fixAllCache.set(text, facts);
  return facts;
}

function excerpt(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 30), at + 50));
}

export function checkCase(c: RepairCase): CaseResult {
  const result: CaseResult = { outcome: 'none', identical: false, originalOffered: false, problems: [] };
  try {
    checkInto(c, result);
  } catch (error) {
    result.problems.push(`crash: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
  return result;
}

function checkInto(c: RepairCase, result: CaseResult): void {
  const uri = URI_DIR + c.file.replace(/ \(window\)$/, '');
  const problems = result.problems;
  const delta = c.edit.newText.length - (c.edit.end - c.edit.start);
  const unit = { start: c.unit.start, end: c.unit.end + delta };
  const unbroken = unbrokenFacts(c.unbroken, uri);
  const checked = check(c.broken, uri, DEFAULT_CONFIG);
  const { model, findings } = checked;
  const syntax = findings.filter((f) => f.rule === 'yaml-syntax');

  // 1. The error is reported, inside the broken unit, and stays there.
  if (syntax.length === 0) problems.push('no yaml-syntax finding');
  for (const f of syntax) if (f.start < unit.start || f.end > unit.end) problems.push(`yaml-syntax at ${f.start}-${f.end} lies outside the broken unit ${unit.start}-${unit.end}`);
  if (!model.recovered) problems.push(`the rest of the front matter was not read (${model.syntaxErrors[0]?.message})`);
  for (const error of model.syntaxErrors) {
    const span = error.unit?.span;
    if (span && (span.start < unit.start || span.end > unit.end)) problems.push(`the error's unit ${span.start}-${span.end} is larger than the broken unit ${unit.start}-${unit.end}: ${excerpt(c.broken, span.end)}`);
  }
  const inUnit = (f: { start: number; end: number }, u: Span) => f.start < u.end && u.start < f.end || (f.start === f.end && u.start <= f.start && f.start < u.end);
  const brokenUnits = model.syntaxErrors.flatMap((error) => (error.unit ? [error.unit.span] : []));
  for (const f of findings) {
    if (f.rule !== 'yaml-syntax' && brokenUnits.some((span) => inUnit(f, span))) problems.push(`${f.rule} points into the broken unit: ${f.message}`);
  }
  const key = (f: Finding) => `${f.rule}@${f.start}-${f.end}`;
  const now = new Set(findings.map(key));
  const expected = new Set<string>();
  for (const f of unbroken.findings) {
    if (f.rule === 'yaml-syntax' || inUnit(f, c.unit)) continue;
    const moved = { ...f, start: mapOffset(c.edit, f.start), end: mapOffset(c.edit, f.end) };
    expected.add(key(moved));
    // A rule that looks across items may stay silent where the broken item could explain or break the relation.
    if (!now.has(key(moved)) && ITEM_LOCAL_RULES.has(f.rule)) problems.push(`lost ${f.rule} at ${moved.start} (${f.message})`);
  }
  // A span rule (speech-rate) reports on the span's first timed item: when that item breaks, the finding on
  // the same span (the same seconds; the broken item's words no longer counted) moves to the timed item
  // before it. Moved is not new.
  const span = (f: Finding) => `${f.rule}: ${f.message.replace(/^\d+ words? in /, '')}`;
  const unbrokenSpans = new Set(unbroken.findings.filter((f) => !ITEM_LOCAL_RULES.has(f.rule)).map(span));
  for (const f of findings) {
    const moved = !ITEM_LOCAL_RULES.has(f.rule) && unbrokenSpans.has(span(f));
    if (f.rule !== 'yaml-syntax' && !inUnit(f, unit) && !expected.has(key(f)) && !moved) problems.push(`new ${f.rule} at ${f.start} (${f.message})`);
  }

  // 3. Every repair edits the broken unit only.
  const fixes = syntax.flatMap((f) => f.fixes);
  for (const fix of fixes) {
    for (const e of fix.edits) if (e.start < unit.start || e.end > unit.end) problems.push(`repair '${fix.title}' edits ${e.start}-${e.end}, outside the broken unit ${unit.start}-${unit.end}`);
  }

  // 4. and 2. The preferred repair restores the data; with fix-all it gives what fix-all gives the unbroken file.
  const original = frontMatterData(c.unbroken);
  const preferred = fixes.filter((fix) => fix.isPreferred);
  if (preferred.length > 1) problems.push(`${preferred.length} preferred repairs`);
  if (preferred.length > 0) {
    const repaired = applyEdits(c.broken, preferred[0].edits);
    if (!isDeepStrictEqual(frontMatterData(repaired), original)) {
      result.outcome = 'wrong';
      problems.push(`the preferred repair '${preferred[0].title}' reads other data than the unbroken file: ${excerpt(repaired, preferred[0].edits[0].start)}`);
      return;
    }
    result.outcome = 'preferred';
    result.identical = repaired === c.unbroken;
    for (const [how, start] of [['the preferred repair then --fix', check(repaired, uri, DEFAULT_CONFIG)], ['--fix on the broken file', checked]] as const) {
      const outcome = fixText(start, uri, DEFAULT_CONFIG);
      if (outcome.needsHuman || outcome.refused) problems.push(`${how}: ${outcome.needsHuman ?? outcome.refused}`);
      else if (!isDeepStrictEqual(frontMatterData(outcome.text), unbroken.fixed)) problems.push(`${how} gives other data than --fix on the unbroken file`);
    }
    return;
  }
  if (fixes.length > 0) {
    result.outcome = 'ambiguous';
    result.originalOffered = fixes.some((fix) => isDeepStrictEqual(frontMatterData(applyEdits(c.broken, fix.edits)), original));
    if (fixes.some((fix) => fix.safe)) problems.push('a repair that is not preferred is safe (part of fix-all)');
  }
}

export interface ShapeStats {
  cases: number;
  preferred: number;
  restored: number;
  identical: number;
  ambiguous: number;
  originalOffered: number;
  none: number;
  wrong: number;
  /** Cases with a broken property 1–3 or a crash. */
  failed: number;
  /** Breaks that left a front matter that still parses (not counted as cases; another value was drawn). */
  parsedAnyway: number;
}

export interface Failure {
  index: number;
  shape: Shape;
  file: string;
  key: string;
  problems: string[];
}

export interface RunResult {
  seed: number;
  byShape: Record<Shape, ShapeStats>;
  failures: Failure[];
  elapsedMs: number;
}

export function emptyStats(): ShapeStats {
  return { cases: 0, preferred: 0, restored: 0, identical: 0, ambiguous: 0, originalOffered: 0, none: 0, wrong: 0, failed: 0, parsedAnyway: 0 };
}

export function runCases(seed: number, first: number, count: number, episodes: readonly Episode[], options: CaseOptions = {}, onCase?: (done: number) => void): RunResult {
  const started = Date.now();
  const byShape = Object.fromEntries(SHAPES.map((shape) => [shape, emptyStats()])) as Record<Shape, ShapeStats>;
  const failures: Failure[] = [];
  for (let index = first; index < first + count; index++) {
    const generated = generateCase(seed, index, episodes, options);
    const stats = byShape[SHAPES[index % SHAPES.length]];
    stats.parsedAnyway += generated.parsedAnyway;
    const c = generated.case;
    if (!c) continue;
    const result = checkCase(c);
    stats.cases++;
    if (result.outcome === 'preferred') stats.preferred++, stats.restored++;
    if (result.outcome === 'wrong') stats.preferred++, stats.wrong++;
    if (result.outcome === 'ambiguous') stats.ambiguous++;
    if (result.outcome === 'none') stats.none++;
    if (result.identical) stats.identical++;
    if (result.originalOffered) stats.originalOffered++;
    if (result.problems.length > 0) {
      stats.failed++;
      failures.push({ index, shape: c.shape, file: c.file, key: c.key, problems: result.problems });
    }
    onCase?.(index - first + 1);
  }
  return { seed, byShape, failures, elapsedMs: Date.now() - started };
}

const percent = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);

/** The per-shape table (Markdown). */
export function formatTable(result: RunResult): string {
  const rows = [
    '| shape | cases | preferred | restores data | same bytes | ambiguous (original among them) | none | wrong | failed | parsed anyway |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const total = emptyStats();
  for (const shape of SHAPES) {
    const s = result.byShape[shape];
    for (const k of Object.keys(total) as (keyof ShapeStats)[]) total[k] += s[k];
    rows.push(row(shape, s));
  }
  rows.push(row('**all**', total));
  return rows.join('\n');

  function row(name: string, s: ShapeStats): string {
    return `| ${name} | ${s.cases} | ${percent(s.preferred, s.cases)} | ${percent(s.restored, s.cases)} | ${percent(s.identical, s.cases)} | ${percent(s.ambiguous, s.cases)} (${s.originalOffered}) | ${percent(s.none, s.cases)} | ${s.wrong} | ${s.failed} | ${s.parsedAnyway} |`;
  }
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
}

/**
 * `npm run fuzz:repair`: thousands of cases and the per-shape table. Settings from the environment:
 *   REPAIR_CASES  how many cases (default 3500)
 *   REPAIR_SEED   the seed (default: random, printed)
 *   REPAIR_FIRST  the first case index (with REPAIR_CASES=1: replay one case)
 *   REPAIR_WINDOW crop episodes to windows of at most this many items (default 0: whole files)
 */
function main(): void {
  const { episodes, skip } = loadEpisodes();
  if (skip) {
    console.log(`fuzz:repair: skipped: ${skip}`);
    return;
  }
  const seed = process.env.REPAIR_SEED ? envInt('REPAIR_SEED', 0) >>> 0 : Math.floor(Math.random() * 2 ** 32);
  const cases = envInt('REPAIR_CASES', 3500);
  const first = envInt('REPAIR_FIRST', 0);
  console.log(`fuzz:repair: seed ${seed} (replay with REPAIR_SEED=${seed}), cases ${first} to ${first + cases - 1} on ${episodes.length} episodes`);
  let last = Date.now();
  const window = envInt('REPAIR_WINDOW', 0);
  const result = runCases(seed, first, cases, episodes, { window }, (done) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    console.log(`fuzz:repair: ${done} cases`);
  });
  console.log(`fuzz:repair: seed ${seed}: ${cases} cases in ${(result.elapsedMs / 1000).toFixed(0)} s; ${result.failures.length} failed\n`);
  console.log(formatTable(result));
  console.log('\nShapes:');
  for (const shape of SHAPES) console.log(`  ${shape}: ${SHAPE_DESCRIPTIONS[shape]}`);
  for (const failure of result.failures.slice(0, 40)) {
    console.log(`\ncase ${failure.index} (${failure.shape}, ${failure.key} in ${failure.file}; replay: REPAIR_SEED=${seed} REPAIR_FIRST=${failure.index} REPAIR_CASES=1):`);
    for (const problem of failure.problems.slice(0, 6)) console.log(`  ${problem}`);
  }
  if (result.failures.length > 40) console.log(`\n(${result.failures.length - 40} more failed cases)`);
  const wrong = SHAPES.reduce((sum, shape) => sum + result.byShape[shape].wrong, 0);
  process.exitCode = result.failures.length > 0 || wrong > 0 ? 1 : 0;
}

if (require.main === module && process.argv[2] === 'run') main();

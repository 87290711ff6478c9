import { analyze, applyEdits, collectFixAll, DEFAULT_CONFIG, Finding, fixAllToFixedPoint, parseEpisode, TextEdit, TranscriptConfig } from '../../server/src/core';

/**
 * Fix safety as a property of any text, on the pure core:
 * - the edits lie inside the text, do not overlap, and cut no CRLF or surrogate pair in two;
 * - every character outside the edited ranges is unchanged;
 * - when the original front matter parsed, the result parses too (and is still an episode);
 *   when it did not, the result has no more syntax errors than it had;
 * - the finding that was fixed is gone;
 * - fix-all (run to its fixed point, as the editor and the CLI run it) applied to its own result changes
 *   nothing, and its composed edits give the text of its passes;
 * - fix-all never applies a fix of a finding marked uncertain: the bytes those fixes would change stay.
 */

export interface FixCheck {
  fixes: number;
  problems: string[];
}

export function checkFixSafety(text: string, uri = 'file:///fuzz/episode.md', config: TranscriptConfig = DEFAULT_CONFIG): FixCheck {
  const model = parseEpisode(text, uri);
  const findings = analyze(model, config);
  const parsed = model.isEpisode && model.syntaxErrors.length === 0;
  const before = { parsed, syntaxErrors: syntaxErrors(findings) };
  const problems: string[] = [];
  let fixes = 0;
  for (const finding of findings) {
    // "Add to the site's words" changes the config file, not this text (the host writes it): nothing to apply here.
    for (const fix of finding.fixes.filter((x) => x.addWord === undefined)) {
      fixes++;
      const what = `quick fix '${fix.title}' for ${describe(text, finding)}`;
      problems.push(...checkEdits(text, uri, config, before, fix.edits, [finding], what));
    }
  }
  const all = collectFixAll(findings);
  if (all.length > 0) {
    fixes++;
    const accepted = findings.filter((f) => {
      const safe = f.fixes.find((x) => x.safe);
      return safe !== undefined && safe.edits.every((e) => all.some((a) => a.start === e.start && a.end === e.end && a.newText === e.newText));
    });
    problems.push(...checkEdits(text, uri, config, before, all, accepted, 'fix-all'));
    // The editor's fix-all runs its passes to a fixed point (a repaired value is checked once it parses).
    const run = fixAllToFixedPoint(text, findings, (t) => analyze(parseEpisode(t, uri), config));
    if (run.worse) problems.push(`fix-all: a pass made the front matter parse worse: ${JSON.stringify(run.worse.text.slice(0, 200))}`);
    if (applyEdits(text, run.edits) !== run.text) problems.push('fix-all: the composed edits do not give the text of its passes');
    problems.push(...uncertainApplied(text, findings, run.edits));
    const once = run.text;
    const again = collectFixAll(analyze(parseEpisode(once, uri), config));
    const twice = applyEdits(once, again);
    if (twice !== once) {
      problems.push(`fix-all applied twice changes the text the second time: ${again.length} more edits, first ${JSON.stringify(again[0])} on ${JSON.stringify(once.slice(Math.max(0, again[0].start - 40), again[0].end + 40))}`);
    }
  }
  return { fixes, problems };
}

/** Fix-all edits that change what the fixes of an uncertain finding would change (every such fix replaces a value). */
function uncertainApplied(text: string, findings: readonly Finding[], applied: readonly TextEdit[]): string[] {
  const problems: string[] = [];
  for (const finding of findings.filter((f) => f.uncertain)) {
    if (finding.fixes.some((fix) => fix.safe)) problems.push(`${describe(text, finding)} is uncertain but has a safe fix`);
    const targets = finding.fixes.flatMap((fix) => fix.edits);
    const hit = applied.find((a) => targets.some((e) => a.start < e.end && e.start < a.end));
    if (hit) problems.push(`fix-all applied ${JSON.stringify(hit)} inside an uncertain finding's fix: ${describe(text, finding)}`);
  }
  return problems;
}

/** Fix-all to its fixed point on `text`, checked for uncertain fixes only (cheaper than checkFixSafety, for whole files). */
export function checkUncertainKept(text: string, uri = 'file:///fuzz/episode.md', config: TranscriptConfig = DEFAULT_CONFIG): { uncertain: number; problems: string[] } {
  const findingsOf = (t: string) => analyze(parseEpisode(t, uri), config);
  const findings = findingsOf(text);
  const run = fixAllToFixedPoint(text, findings, findingsOf);
  return { uncertain: findings.filter((f) => f.uncertain).length, problems: uncertainApplied(text, findings, run.edits) };
}

function checkEdits(text: string, uri: string, config: TranscriptConfig, before: { parsed: boolean; syntaxErrors: number }, edits: readonly TextEdit[], fixed: Finding[], what: string): string[] {
  const problems: string[] = [];
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const [i, e] of sorted.entries()) {
    if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length)) {
      problems.push(`${what}: edit ${JSON.stringify(e)} is outside the text (length ${text.length})`);
      return problems;
    }
    const previous = sorted[i - 1];
    if (previous && (e.start < previous.end || (e.start === e.end && previous.start === previous.end && e.start === previous.start))) {
      problems.push(`${what}: edits ${JSON.stringify(previous)} and ${JSON.stringify(e)} overlap`);
    }
    for (const at of [e.start, e.end]) if (splitsPair(text, at)) problems.push(`${what}: edit ${JSON.stringify(e)} cuts a CRLF or a surrogate pair at ${at}`);
  }
  if (problems.length > 0) return problems;
  const result = applyEdits(text, sorted);
  // Every byte outside the edits is where it was, shifted by what the edits before it added or removed.
  let shift = 0;
  let last = 0;
  for (const e of [...sorted, { start: text.length, end: text.length, newText: '' }]) {
    if (result.slice(last + shift, e.start + shift) !== text.slice(last, e.start)) {
      problems.push(`${what}: text between ${last} and ${e.start} changed`);
      break;
    }
    shift += e.newText.length - (e.end - e.start);
    last = e.end;
  }
  const after = parseEpisode(result, uri);
  if (before.parsed && (!after.isEpisode || after.syntaxErrors.length > 0)) {
    problems.push(`${what}: the result no longer parses: ${after.syntaxErrors.map((s) => s.message).join('; ') || 'not an episode'}; result around the edit: ${JSON.stringify(result.slice(Math.max(0, sorted[0].start - 60), sorted[0].start + 120))}`);
    return problems;
  }
  const remaining = analyze(after, config);
  if (syntaxErrors(remaining) > before.syntaxErrors) {
    problems.push(`${what}: the front matter parses worse: ${before.syntaxErrors} syntax errors before, ${syntaxErrors(remaining)} after; result around the edit: ${JSON.stringify(result.slice(Math.max(0, sorted[0].start - 60), sorted[0].start + 120))}`);
    return problems;
  }
  for (const finding of fixed) {
    const start = mapOffset(finding.start, sorted, 'start');
    const end = mapOffset(finding.end, sorted, 'end');
    const still = remaining.find((f) => f.rule === finding.rule && (f.start === start || (f.start < end && start < f.end)));
    if (still) problems.push(`${what}: ${describe(text, finding)} is still there after the fix: ${still.message}`);
  }
  return problems;
}

/** Where an offset of the old text lands in the new one; inside an edit, at the edge of its new text. */
function mapOffset(offset: number, edits: readonly TextEdit[], edge: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    if (offset < e.start || (edge === 'end' && offset === e.start)) break;
    if (offset < e.end) return e.start + shift + (edge === 'end' ? e.newText.length : 0);
    shift += e.newText.length - (e.end - e.start);
  }
  return offset + shift;
}

function syntaxErrors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.rule === 'yaml-syntax').length;
}

function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

function describe(text: string, finding: Finding): string {
  return `${finding.rule} at ${finding.start} (${JSON.stringify(text.slice(finding.start, Math.min(finding.end, finding.start + 60)))}: ${finding.message})`;
}

import type { Finding, Fix, Span, TextEdit } from './types';

/**
 * The edits of every safe fix (of one rule, or all), as one non-overlapping list: when two fixes
 * touch the same bytes the first in the document wins and the other waits for the next run.
 */
export function collectFixAll(findings: readonly Finding[], rule?: string): TextEdit[] {
  const fixes: { fix: Fix; finding: Span }[] = [];
  for (const finding of findings) {
    if (rule !== undefined && finding.rule !== rule) continue;
    if (finding.uncertain) continue; // Its fixes copy a value that may be wrong: offered, never applied in bulk.
    const fix = finding.fixes.find((f) => f.safe);
    if (fix) fixes.push({ fix, finding });
  }
  // Whole-item deletions first: an edit inside a deleted item is moot, and must not block it.
  fixes.sort((a, b) => reach(b.fix) - reach(a.fix));
  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  for (const { fix, finding } of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // Several findings on one item can share one fix.
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    // A fix for text another fix deletes is moot too, even when its edit lies outside the deletion:
    // a line inserted after a deleted item would land in the item above it.
    if (accepted.some((other) => other.newText === '' && other.start <= finding.start && finding.start < other.end && finding.end <= other.end)) continue;
    seen.add(key);
    for (const edit of fix.edits) accepted.push(edit);
  }
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}

function reach(fix: Fix): number {
  return fix.edits.reduce((most, edit) => Math.max(most, edit.end - edit.start), 0);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point would interleave; an insertion at a deletion's edge is fine.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits to a text (for the CLI and tests; editors apply edits themselves). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let last = 0;
  for (const edit of sorted) {
    result += text.slice(last, edit.start) + edit.newText;
    last = edit.end;
  }
  return result + text.slice(last);
}

/** Passes of fix-all before giving up on a fixed point (each pass can only reveal fixes for what the previous one changed). */
export const MAX_FIX_PASSES = 10;

export interface FixAllRun {
  /** The fixed text, and the edits from the original to it (one list, on the original's offsets). */
  text: string;
  edits: TextEdit[];
  /** What each pass found and applied, in order. */
  passes: { findings: readonly Finding[]; edits: TextEdit[] }[];
  /** A pass left more syntax errors than it found (a bug in a fix): the run stopped before it. */
  worse?: { text: string; findings: readonly Finding[] };
}

/**
 * Fix-all to a fixed point: a repaired value is only checked once it parses, so its own fixes
 * come in the next pass (as ESLint's --fix repeats). Each pass is composed onto the previous ones,
 * so the editor's fix-all and `transcript-lint --fix` get one edit list that leaves nothing to fix.
 */
export function fixAllToFixedPoint(text: string, first: readonly Finding[], findingsOf: (text: string) => readonly Finding[]): FixAllRun {
  const run: FixAllRun = { text, edits: [], passes: [] };
  let findings = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = collectFixAll(findings);
    const next = applyEdits(run.text, edits);
    if (edits.length === 0 || next === run.text) break;
    const nextFindings = findingsOf(next);
    if (syntaxErrors(nextFindings) > syntaxErrors(findings)) {
      run.worse = { text: next, findings: nextFindings };
      break;
    }
    run.passes.push({ findings, edits });
    run.edits = run.passes.length === 1 ? edits : composeEdits(run.edits, edits, run.text);
    run.text = next;
    findings = nextFindings;
  }
  return run;
}

function syntaxErrors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.rule === 'yaml-syntax').length;
}

/**
 * `first` (on a text T0) then `second` (on T1, the result of `first`) as edits on T0. Edits that
 * touch or overlap are merged into one; the others keep their own small range.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[], middle: string): TextEdit[] {
  // Where each first edit's new text lies in T1.
  let delta = 0;
  const placed = [...first].sort((a, b) => a.start - b.start).map((edit) => {
    const start = edit.start + delta;
    delta += edit.newText.length - (edit.end - edit.start);
    return { from: edit.start, to: edit.end, start, end: start + edit.newText.length, first: true };
  });
  // A T1 offset on T0: inside a first edit's new text, that edit's whole original range.
  const toOriginal = (offset: number, side: 'from' | 'to') => {
    let shift = 0;
    for (const p of placed) {
      if (offset > p.start && offset < p.end) return p[side];
      if (p.end <= offset) shift += (p.end - p.start) - (p.to - p.from);
    }
    return offset - shift;
  };
  const regions = [
    ...placed,
    ...second.map((edit) => ({ from: toOriginal(edit.start, 'from'), to: toOriginal(edit.end, 'to'), start: edit.start, end: edit.end, first: false })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { from: number; to: number; start: number; end: number }[] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region.start <= last.end) {
      last.end = Math.max(last.end, region.end);
      last.from = Math.min(last.from, region.from);
      last.to = Math.max(last.to, region.to);
    } else merged.push({ ...region });
  }
  return merged.map((region) => {
    const inside = second.filter((edit) => edit.start >= region.start && edit.end <= region.end).map((edit) => ({ ...edit, start: edit.start - region.start, end: edit.end - region.start }));
    return { start: region.from, end: region.to, newText: applyEdits(middle.slice(region.start, region.end), inside) };
  });
}

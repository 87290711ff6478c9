import type { Finding, Fix, TextEdit } from './types';

/**
 * The edits of every safe fix (of one rule, or all), as one non-overlapping list: when two fixes
 * touch the same bytes the first in the document wins and the other waits for the next run.
 */
export function collectFixAll(findings: readonly Finding[], rule?: string): TextEdit[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    if (rule !== undefined && finding.rule !== rule) continue;
    const fix = finding.fixes.find((f) => f.safe);
    if (fix) fixes.push(fix);
  }
  // Whole-item deletions first: an edit inside a deleted item is moot, and must not block it.
  fixes.sort((a, b) => reach(b) - reach(a));
  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // Several findings on one item can share one fix.
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    seen.add(key);
    accepted.push(...fix.edits);
  }
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}

function reach(fix: Fix): number {
  return Math.max(...fix.edits.map((edit) => edit.end - edit.start));
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

import { analyze, EpisodeModel, Finding, fixAllToFixedPoint, parseEpisode, TextEdit, TranscriptConfig } from '../core';
import type { TermsInput } from '../core/terms/sources';

/**
 * `--fix`: the editor's fix-all (`collectFixAll`), applied until nothing is left to apply. One
 * pass can leave fixes for the next one (two fixes touching the same bytes: the first wins), so
 * this repeats, as ESLint does, a bounded number of times. Unambiguous YAML repairs are part of
 * fix-all, so a broken front matter is repaired in the same run; a result whose front matter still
 * does not parse, or parses worse than before, is thrown away: the caller never writes it.
 */

export interface Checked {
  text: string;
  model: EpisodeModel;
  findings: Finding[];
}

export interface FixOutcome extends Checked {
  /** Fixable findings that the fixes removed, by rule (only rules with at least one). */
  fixed: Record<string, number>;
  /** Set when the fixes were refused; `text` is then the original. */
  refused?: string;
  /** The YAML repairs made (their titles, as the editor's quick fixes name them). */
  repaired: string[];
  /** Set when the front matter still does not parse after every unambiguous repair: nothing is written. */
  needsHuman?: string;
}

/** `terms`: TERMS_LOADING leaves name-spelling and term-spelling to run once the site is counted (siteTerms.ts). */
export function check(text: string, uri: string, config: TranscriptConfig, terms?: TermsInput): Checked {
  const model = parseEpisode(text, uri, { maxFrontMatterKB: config.frontMatterKB });
  return { text, model, findings: analyze(model, config, { terms }) };
}

/** Fix passes check without the site's terms (their fixes are never applied); the final check has them. */
export function fixText(original: Checked, uri: string, config: TranscriptConfig, terms?: TermsInput): FixOutcome {
  if (!original.model.isEpisode || (original.model.syntaxErrors.length > 0 && !original.model.recovered)) return { ...original, fixed: {}, repaired: [] };
  const run = fixAllToFixedPoint(original.text, original.findings, (text) => check(text, uri, config).findings);
  if (run.worse) {
    // A core fix produced YAML that parses worse: a bug to report, never a file to write.
    const error = run.worse.findings.find((f) => f.rule === 'yaml-syntax')?.message.replace(/^the front matter does not parse: /, '');
    return { ...original, fixed: {}, repaired: [], refused: `the fixes would break the front matter (${error}); the file was left as it is` };
  }
  const current = run.text === original.text ? original : check(run.text, uri, config, terms);
  const repaired = run.passes.flatMap((pass) => repairsIn(pass.findings, pass.edits));
  const left = current.model.syntaxErrors.length;
  if (left > 0) {
    const made = repaired.length > 0 ? ` after ${repaired.length} unambiguous repair${repaired.length === 1 ? '' : 's'}` : '';
    const needsHuman = `not fixed: the front matter still does not parse${made}; ${left} YAML error${left === 1 ? ' needs' : 's need'} a human (no single reading of the broken value)`;
    return { ...original, fixed: {}, repaired: [], needsHuman };
  }
  const before = countFixable(original.findings);
  const after = countFixable(current.findings);
  const fixed: Record<string, number> = {};
  for (const [rule, count] of before) {
    const gone = count - (after.get(rule) ?? 0);
    if (gone > 0) fixed[rule] = gone;
  }
  return { ...current, fixed, repaired };
}

export function isFixable(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.safe);
}

function countFixable(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (isFixable(finding)) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

/** The titles of the YAML repairs whose edits a pass applied. */
function repairsIn(findings: readonly Finding[], applied: readonly TextEdit[]): string[] {
  const titles: string[] = [];
  for (const finding of findings) {
    if (finding.rule !== 'yaml-syntax') continue;
    const repair = finding.fixes.find((fix) => fix.safe);
    if (repair && repair.edits.every((edit) => applied.some((a) => a.start === edit.start && a.end === edit.end && a.newText === edit.newText))) titles.push(repair.title);
  }
  return titles;
}

import { analyze, applyEdits, collectFixAll, EpisodeModel, Finding, parseEpisode, TranscriptConfig } from '../core';

/**
 * `--fix`: the editor's fix-all (`collectFixAll`), applied until nothing is left to apply. One
 * pass can leave fixes for the next one (two fixes touching the same bytes: the first wins), so
 * this repeats, as ESLint does, a bounded number of times. A result whose front matter no longer
 * parses is thrown away: the caller never writes it.
 */

const MAX_PASSES = 10;

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
}

export function check(text: string, uri: string, config: TranscriptConfig): Checked {
  const model = parseEpisode(text, uri, { maxFrontMatterKB: config.frontMatterKB });
  return { text, model, findings: analyze(model, config) };
}

export function fixText(original: Checked, uri: string, config: TranscriptConfig): FixOutcome {
  let current = original;
  if (!current.model.isEpisode || current.model.syntaxErrors.length > 0) return { ...current, fixed: {} };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = collectFixAll(current.findings);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    if (text === current.text) break;
    const next = check(text, uri, config);
    if (next.model.syntaxErrors.length > 0) {
      // A core fix produced YAML that does not parse: a bug to report, never a file to write.
      const error = next.model.syntaxErrors[0].message;
      return { ...original, fixed: {}, refused: `the fixes would break the front matter (${error}); the file was left as it is` };
    }
    current = next;
  }
  const before = countFixable(original.findings);
  const after = countFixable(current.findings);
  const fixed: Record<string, number> = {};
  for (const [rule, count] of before) {
    const gone = count - (after.get(rule) ?? 0);
    if (gone > 0) fixed[rule] = gone;
  }
  return { ...current, fixed };
}

export function isFixable(finding: Finding): boolean {
  return finding.fixes.some((fix) => fix.safe);
}

function countFixable(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (isFixable(finding)) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

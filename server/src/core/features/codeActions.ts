import { collectFixAll, fixAllToFixedPoint } from '../fixAll';
import type { Finding, Span, TextEdit } from '../types';

export type ActionKind = 'quickfix' | 'source.fixAll';

export interface EpisodeCodeAction {
  title: string;
  kind: ActionKind;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** A command to run (a fix that needs the user, e.g. Shift Times). */
  command?: { command: string; arguments: unknown[] };
  /** The findings this action resolves (LSP: `CodeAction.diagnostics`). */
  findings: Finding[];
  /** Instead of edits: a word for the host to add to the site's words (a command, it writes another file). */
  addWord?: string;
}

/** Quick fixes for the findings touching `span`, each followed by "fix all of this kind" when there are several. */
export function quickFixes(findings: readonly Finding[], span: Span): EpisodeCodeAction[] {
  const actions: EpisodeCodeAction[] = [];
  const offeredFixAll = new Set<string>();
  for (const finding of findings) {
    if (finding.end < span.start || finding.start > span.end) continue;
    for (const fix of finding.fixes) {
      actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: fix.isPreferred, findings: [finding], ...(fix.command ? { command: fix.command } : {}), ...(fix.addWord ? { addWord: fix.addWord } : {}) });
    }
    if (finding.fixes.some((f) => f.safe) && !offeredFixAll.has(finding.rule)) {
      offeredFixAll.add(finding.rule);
      const sameRule = findings.filter((f) => f.rule === finding.rule && f.fixes.some((fix) => fix.safe));
      if (sameRule.length > 1) {
        actions.push({
          title: `Fix all ${finding.rule} problems in this file (${sameRule.length})`,
          kind: 'quickfix',
          edits: collectFixAll(sameRule, finding.rule),
          findings: sameRule,
        });
      }
    }
  }
  return actions;
}

/**
 * `source.fixAll.transcripts`: every safe fix in the file as one edit (editor on save, CLI --fix).
 * With `findingsOf`, to a fixed point: a value repaired by this fix-all is checked and fixed too,
 * so one save leaves nothing for the next.
 */
export function fixAllAction(findings: readonly Finding[], text?: string, findingsOf?: (text: string) => readonly Finding[]): EpisodeCodeAction | undefined {
  const edits = text !== undefined && findingsOf ? fixAllToFixedPoint(text, findings, findingsOf).edits : collectFixAll(findings);
  if (edits.length === 0) return undefined;
  const fixed = findings.filter((f) => f.fixes.some((fix) => fix.safe));
  return { title: 'Fix all transcript problems', kind: 'source.fixAll', edits, findings: fixed };
}

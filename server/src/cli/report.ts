import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CopyFingerprint, EpisodeModel, Finding, RuleId, Severity, TranscriptConfig } from '../core';
import { isFixable } from './fix';

/** What a run found, in plain data every formatter reads. Lines and columns are 1-based; columns count UTF-16 code units, as LSP. */

export interface CliDiagnostic {
  rule: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `--fix` would fix it. */
  fixable: boolean;
  /** sec-off-speech: the onset it would snap to (s). */
  suggestedSec?: number;
  /** media-offset: the shift (s). */
  offsetSeconds?: number;
  /** name-spelling, term-spelling: the right words, best first. */
  suggestions?: string[];
}

/** What transcript-copy needs of a file once every file is read (crossFile.ts). */
export interface CopyInput {
  fingerprint: CopyFingerprint;
  text: string;
  uri: string;
  config: TranscriptConfig;
  model: Pick<EpisodeModel, 'transcript'>;
}

/** A file's findings before they become diagnostics: kept until name-spelling and term-spelling run (run.ts). */
export interface PendingDiagnostics {
  text: string;
  uri: string;
  config: TranscriptConfig;
  /** The model of `text`, when kept (else it is parsed again for these rules). */
  model?: EpisodeModel;
  /** The rules' findings, in analyze's order. */
  findings: Finding[];
  /** The chapter file's and the media's. */
  more: Finding[];
}

export interface FileResult {
  /** Absolute path. */
  file: string;
  /** As shown: relative to the current folder, with `/`. */
  path: string;
  isEpisode: boolean;
  diagnostics: CliDiagnostic[];
  /** `--fix`/`--fix-dry-run`: fixable findings removed, by rule. */
  fixed?: Record<string, number>;
  /** `--fix`/`--fix-dry-run`: the YAML repairs made (or that would be), by title. */
  repaired?: string[];
  /** `--fix`/`--fix-dry-run`: why the file was left as it is although it does not parse. */
  needsHuman?: string;
  /** `--fix`: the file was rewritten (`--fix-dry-run`: it would be). */
  changed?: boolean;
  /** `--fix-dry-run`: the unified diff of the fixes. */
  diff?: string;
  /** A Jekyll template (Liquid in its front matter), skipped: not named on the command line. */
  template?: boolean;
  /** The file could not be read or written: one line. */
  problem?: string;
  /** Until every file is read: what the cross-file rule needs (see crossFile.ts). */
  copy?: CopyInput;
  /** Until the site is counted: the findings name-spelling and term-spelling are added to (their diagnostics are made then). */
  spelling?: PendingDiagnostics;
}

export interface Summary {
  filesChecked: number;
  filesSkipped: number;
  /** Jekyll templates (Liquid in the front matter) skipped. */
  templatesSkipped: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  /** With `--fix`/`--fix-dry-run`: problems fixed (or that would be), and in how many files. */
  fixed?: number;
  filesFixed?: number;
}

export type Mode = 'check' | 'fix' | 'dry-run';

export interface Report {
  mode: Mode;
  /** Every file read; formatters list the episodes (`isEpisode`). */
  files: FileResult[];
  summary: Summary;
}

/** Offsets to positions exactly as the language server does (`TextDocument.positionAt`), plus one. */
export function toDiagnostics(text: string, uri: string, findings: readonly Finding[]): CliDiagnostic[] {
  if (findings.length === 0) return [];
  const doc = TextDocument.create(uri, 'markdown', 0, text);
  return findings.map((finding) => {
    const start = doc.positionAt(finding.start);
    const end = doc.positionAt(finding.end);
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      fixable: isFixable(finding),
      ...(finding.suggestions ? { suggestions: finding.suggestions } : {}),
      ...finding.data,
    };
  });
}

export function summarize(files: readonly FileResult[], mode: Mode): Summary {
  const summary: Summary = { filesChecked: 0, filesSkipped: 0, templatesSkipped: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
  if (mode !== 'check') {
    summary.fixed = 0;
    summary.filesFixed = 0;
  }
  for (const file of files) {
    if (file.problem !== undefined && !file.isEpisode) continue;
    if (file.template) {
      summary.templatesSkipped++;
      continue;
    }
    if (!file.isEpisode) {
      summary.filesSkipped++;
      continue;
    }
    summary.filesChecked++;
    for (const d of file.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else if (d.severity === 'information') summary.information++;
      else summary.hints++;
    }
    if (summary.fixed !== undefined && summary.filesFixed !== undefined) {
      summary.fixed += Object.values(file.fixed ?? {}).reduce((a, b) => a + b, 0);
      if (file.changed) summary.filesFixed++;
    }
  }
  return summary;
}

import type { Severity } from '../../core';
import type { FileResult, Report, Summary } from '../report';

/**
 * The default output: `path:line:col  severity  rule-id  message`, one block per file (columns
 * aligned within it), the files fixed by `--fix`, then one summary line.
 */

export interface Colors {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  summary(summary: Summary, text: string): string;
}

const ESC = '\u001b[';
const SEVERITY_CODE: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

export const ANSI: Colors = {
  severity: (severity, text) => `${ESC}${SEVERITY_CODE[severity]}m${text}${ESC}39m`,
  dim: (text) => `${ESC}2m${text}${ESC}22m`,
  bold: (text) => `${ESC}1m${text}${ESC}22m`,
  summary: (summary, text) => `${ESC}1;${summary.errors > 0 ? '31' : summary.warnings > 0 ? '33' : '32'}m${text}${ESC}0m`,
};

export const PLAIN: Colors = { severity: (_s, text) => text, dim: (text) => text, bold: (text) => text, summary: (_s, text) => text };

export function formatText(report: Report, colors: Colors): string {
  const blocks: string[] = [];
  const fixedLines = report.files.filter((f) => f.changed || f.needsHuman).map((f) => fixedLine(f, colors));
  if (fixedLines.length > 0) blocks.push(fixedLines.join(''));
  for (const file of report.files) if (file.isEpisode && file.diagnostics.length > 0) blocks.push(fileBlock(file, colors));
  blocks.push(`${colors.summary(report.summary, summaryLine(report.summary))}\n`);
  return blocks.join('\n');
}

function fileBlock(file: FileResult, colors: Colors): string {
  const rows = file.diagnostics.map((d) => ({ where: `${file.path}:${d.line}:${d.column}`, d }));
  // Loops, not Math.max(...rows): a file can have more findings than a call takes arguments.
  let [whereWidth, severityWidth, ruleWidth] = [0, 0, 0];
  for (const { where, d } of rows) {
    whereWidth = Math.max(whereWidth, where.length);
    severityWidth = Math.max(severityWidth, d.severity.length);
    ruleWidth = Math.max(ruleWidth, d.rule.length);
  }
  return rows
    .map(({ where, d }) =>
      [where.padEnd(whereWidth), colors.severity(d.severity, d.severity.padEnd(severityWidth)), colors.dim(d.rule.padEnd(ruleWidth)), oneLine(d.message)].join('  ') + '\n',
    )
    .join('');
}

function fixedLine(file: FileResult, colors: Colors): string {
  if (!file.changed) return `${colors.bold(file.path)}: ${file.needsHuman}\n`;
  const repairs = (file.repaired ?? []).map((title) => `  repaired: ${title}\n`).join('');
  return fixedSummary(file, colors) + repairs;
}

function fixedSummary(file: FileResult, colors: Colors): string {
  const rules = Object.entries(file.fixed ?? {}).map(([rule, n]) => `${rule} ${n}`);
  const total = Object.values(file.fixed ?? {}).reduce((a, b) => a + b, 0);
  return `${colors.bold(file.path)}: fixed ${plural(total, 'problem')}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}\n`;
}

/** `N files checked, E errors, W warnings, H hints, S skipped (not episodes)`, plus what --fix did (or would do). */
export function summaryLine(s: Summary, fixVerb = 'fixed'): string {
  const parts = [`${plural(s.filesChecked, 'file')} checked`, plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.information > 0) parts.push(`${s.information} information`);
  parts.push(plural(s.hints, 'hint'), `${s.filesSkipped} skipped (not episodes)`);
  if (s.templatesSkipped > 0) parts.push(`${plural(s.templatesSkipped, 'template')} skipped`);
  let line = parts.join(', ');
  if (s.fixed !== undefined) line += `; ${fixVerb} ${plural(s.fixed, 'problem')} in ${plural(s.filesFixed ?? 0, 'file')}`;
  return line;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Messages are one line; a stray line break (from file text) would break the columns. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

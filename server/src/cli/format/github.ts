import type { Severity } from '../../core';
import type { Report } from '../report';
import { summaryLine } from './text';

/**
 * `--format github`: workflow commands that GitHub Actions turns into annotations on the pull
 * request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`. Information
 * and hints become notices. The summary follows as a plain log line.
 */

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(report: Report): string {
  let out = '';
  for (const file of report.files) {
    if (!file.isEpisode) continue;
    for (const d of file.diagnostics) {
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.rule)}`,
      ];
      const others = d.suggestions && d.suggestions.length > 1 ? ` (or ${d.suggestions.slice(1).map((s) => `'${s}'`).join(', ')})` : '';
      out += `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message + others)}\n`;
    }
  }
  return `${out}${summaryLine(report.summary)}\n`;
}

/** As @actions/core escapes a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a property value (also `:` and `,`, which end a property). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

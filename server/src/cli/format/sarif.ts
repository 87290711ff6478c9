import { pathToFileURL } from 'node:url';
import { RULES, Severity, ruleDocsUrl } from '../../core';
import { VERSION } from '../../version';
import type { Report } from '../report';

/**
 * `--format sarif`: a SARIF 2.1.0 log (one run) for code-scanning dashboards such as GitHub's
 * `upload-sarif`. Paths are relative to the folder the check ran in (`%SRCROOT%`); columns are
 * UTF-16 code units, said explicitly in `columnKind`.
 */

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: Report, cwd: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = [];
  for (const file of report.files) {
    if (!file.isEpisode) continue;
    const relative = !file.path.startsWith('../') && !file.path.startsWith('/');
    const artifactLocation = relative ? { uri: file.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(file.file).href };
    for (const d of file.diagnostics) {
      const region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
      // Suggestions (name-spelling, term-spelling) as SARIF fixes: one replacement of the finding's text each.
      const fixes = d.suggestions?.map((text) => ({ description: { text: `Replace with '${text}'` }, artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text } }] }] }));
      results.push({
        ruleId: d.rule,
        ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region,
            },
          },
        ],
        ...(fixes ? { fixes } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'transcript-lint',
            version: VERSION,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: rule.offByDefault ? { enabled: false, level: LEVEL[rule.defaultSeverity] } : { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

import type { Report } from '../report';

/**
 * `--format json`: `{ files: [{ path, diagnostics: [...] }], summary }`. Every checked episode is
 * listed, with an empty `diagnostics` when it is clean, so a consumer sees what was covered;
 * files that are not episodes are only counted (`summary.filesSkipped`).
 */
export function formatJson(report: Report): string {
  const files = report.files
    .filter((file) => file.isEpisode)
    .map((file) => ({
      path: file.path,
      diagnostics: file.diagnostics,
      ...(report.mode === 'check' ? {} : { fixed: file.fixed ?? {}, repaired: file.repaired ?? [], ...(file.needsHuman ? { needsHuman: file.needsHuman } : {}) }),
    }));
  return `${JSON.stringify({ files, summary: report.summary }, null, 2)}\n`;
}

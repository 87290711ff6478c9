import { copyFinding, copyFingerprint, findCopyPairs, transcriptKeySpan } from '../core';
import type { EpisodeModel, TranscriptConfig } from '../core';
import { CopyInput, FileResult, toDiagnostics } from './report';

/**
 * transcript-copy on the command line: the one rule that needs every file. Each file keeps a
 * fingerprint of its final text; once all are read, pairs of copies get a finding on both sides,
 * exactly as the language server reports them in a workspace.
 */
export function copyInput(text: string, uri: string, model: EpisodeModel, config: TranscriptConfig): CopyInput | undefined {
  if (config.rules['transcript-copy'] === 'off') return undefined;
  const fingerprint = copyFingerprint(model);
  return fingerprint && { fingerprint, text, uri, config, model: { transcript: model.transcript } };
}

export function addCopyFindings(results: FileResult[]): void {
  const entries = results.flatMap((result, i) => (result.copy ? [{ key: i, fingerprint: result.copy.fingerprint }] : []));
  for (const { a, b, match } of findCopyPairs(entries)) {
    report(results[a], results[a].copy!, results[b].path, match);
    report(results[b], results[b].copy!, results[a].path, match);
  }
  for (const result of results) delete result.copy;
}

function report(result: FileResult, input: CopyInput, otherPath: string, match: { shared: number; of: number }): void {
  const key = transcriptKeySpan(input.model as EpisodeModel);
  const finding = key && copyFinding(key, input.config, otherPath, match);
  if (!finding) return;
  result.diagnostics = [...result.diagnostics, ...toDiagnostics(input.text, input.uri, [finding])].sort((x, y) => x.line - y.line || x.column - y.column);
}

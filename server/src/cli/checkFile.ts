import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EpisodeModel, Finding, isLiquidTemplate, TranscriptConfig } from '../core';
import type { TermsInput } from '../core/terms/sources';
import { chaptersFileFindingsFor } from './chaptersFile';
import { audioFindingsFor, MediaSources } from './media';
import { copyInput } from './crossFile';
import { unifiedDiff } from './diff';
import { reason } from './discover';
import { readBounded } from './readBounded';
import { MAX_INPUT_BYTES } from '../core/convert/types';
import { check, fixText } from './fix';
import { FileResult, Mode, toDiagnostics } from './report';
import { writeFileAtomic } from './writeFile';

/**
 * One file, start to end: read, check with the core, and in fix modes fix, then write or diff. A
 * Jekyll template (Liquid in its front matter) found in a folder or by a glob is skipped as one;
 * named on its own (`named`), it is checked.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');

/** `parsed`: the model of the file's text if the site's counts parsed it already. */
export async function checkFile(file: string, shownPath: string, config: TranscriptConfig, mode: Mode, terms?: TermsInput, named = false, media?: MediaSources, parsed?: (text: string) => Promise<EpisodeModel | undefined>): Promise<FileResult> {
  const result: FileResult = { file, path: shownPath, isEpisode: false, diagnostics: [] };
  let bytes: Buffer | undefined;
  let stat: fs.Stats | undefined;
  try {
    if (mode === 'fix') stat = await fs.promises.stat(file);
    bytes = await readBounded(file, MAX_INPUT_BYTES);
  } catch (error) {
    result.problem = `cannot read ${shownPath}: ${reason(error)}`;
    return result;
  }
  if (bytes === undefined) {
    result.problem = `${shownPath}: holds more than ${MAX_INPUT_BYTES / 1024 / 1024} MB; files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are not read`;
    return result;
  }
  let text: string;
  let validUtf8 = true;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = UTF8_LOSSY.decode(bytes);
    validUtf8 = false;
  }
  if (!named && isLiquidTemplate(text)) {
    result.template = true;
    return result;
  }
  // The same URI form the editor sends, so the `_podcast` folder rule reads it alike.
  const uri = pathToFileURL(file).href;
  const checked = check(text, uri, config, terms, await parsed?.(text));
  result.isEpisode = checked.model.isEpisode;
  if (!result.isEpisode) return result;
  if (mode === 'check') {
    const chapters = await chaptersFileFindingsFor(file, shownPath, checked.model, config);
    const audio = media ? await audioFindingsFor(file, checked.model, config, media) : { findings: [] };
    if (audio.problem) result.problem = audio.problem;
    result.diagnostics = toDiagnostics(text, uri, withFindings(checked.findings, [...chapters, ...audio.findings]));
    result.copy = copyInput(text, uri, checked.model, config);
    return result;
  }

  const outcome = fixText(checked, uri, config, terms);
  result.repaired = outcome.repaired;
  result.needsHuman = outcome.needsHuman;
  if (outcome.refused) result.problem = `${shownPath}: ${outcome.refused}`;
  else if (outcome.text !== text && !validUtf8) {
    result.problem = `${shownPath}: not valid UTF-8, so it was not fixed`;
    result.diagnostics = toDiagnostics(text, uri, checked.findings);
    return result;
  }
  result.fixed = outcome.fixed;
  result.changed = outcome.text !== text;
  if (result.changed && mode === 'dry-run') {
    // git's a/ b/ prefixes (`git apply`, `patch -p1`) for files below the current folder.
    const [before, after] = path.isAbsolute(shownPath) ? [shownPath, shownPath] : [`a/${shownPath}`, `b/${shownPath}`];
    result.diff = unifiedDiff(text, outcome.text, before, after);
  }
  if (result.changed && mode === 'fix') {
    try {
      // The decoder took the byte-order mark off the text; the file keeps it.
      await writeFileAtomic(file, (hasBom(bytes) ? '\uFEFF' : '') + outcome.text, stat && { size: stat.size, mtimeMs: stat.mtimeMs });
    } catch (error) {
      result.problem = `cannot write ${shownPath}: ${error instanceof Error && !('code' in error) ? error.message : reason(error)}`;
      result.changed = false;
      result.fixed = {};
      result.diagnostics = toDiagnostics(text, uri, checked.findings);
      return result;
    }
  }
  // What is left once the fixes are in: positions in the fixed text (the file on disk after --fix).
  const chapters = await chaptersFileFindingsFor(file, shownPath, outcome.model, config);
  result.diagnostics = toDiagnostics(outcome.text, uri, withFindings(outcome.findings, chapters));
  result.copy = copyInput(outcome.text, uri, outcome.model, config);
  return result;
}

/** The file's own findings with the chapter file's, in document order. */
function withFindings(own: Finding[], more: Finding[]): Finding[] {
  return more.length === 0 ? own : [...own, ...more].sort((a, b) => a.start - b.start || a.end - b.end);
}

function hasBom(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

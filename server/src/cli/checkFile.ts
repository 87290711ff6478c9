import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EpisodeModel, Finding, isLiquidTemplate, TranscriptConfig } from '../core';
import { TERMS_LOADING } from '../core/terms/sources';
import { chaptersFileFindingsFor } from './chaptersFile';
import { audioFindingsFor, MediaSources } from './media';
import { copyInput } from './crossFile';
import { unifiedDiff } from './diff';
import { reason } from './discover';
import { readBounded } from './readBounded';
import { MAX_INPUT_BYTES } from '../core/convert/types';
import { check, fixText } from './fix';
import { CliDiagnostic, FileResult, Mode, PendingDiagnostics, toDiagnostics } from './report';
import { checksSpelling, SiteTermsResolver } from './siteTerms';
import { writeFileAtomic } from './writeFile';

/**
 * One file, start to end: read, check with the core, and in fix modes fix, then write or diff. A
 * Jekyll template (Liquid in its front matter) found in a folder or by a glob is skipped as one;
 * named on its own (`named`), it is checked.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');

/**
 * `site`: name-spelling and term-spelling wait for the whole site's count: with either on, the
 * file's findings are left in `result.spelling` until they run (run.ts), and its words are counted.
 */
export async function checkFile(file: string, shownPath: string, config: TranscriptConfig, mode: Mode, named = false, media?: MediaSources, site?: SiteTermsResolver): Promise<FileResult> {
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
  const spelling = site !== undefined && checksSpelling(config);
  const terms = spelling ? TERMS_LOADING : undefined;
  const checked = check(text, uri, config, terms);
  const keep = site?.offer(file, text, checked.model, config, validUtf8 && !hasBom(bytes)) ?? false;
  result.isEpisode = checked.model.isEpisode;
  if (!result.isEpisode) return result;
  /** The findings of `text` (its model: `model`), and the chapter file's and the media's (`more`), as diagnostics now or once the spelling rules ran. */
  const settle = (text: string, model: EpisodeModel, findings: Finding[], more: Finding[] = []) => {
    const pending: PendingDiagnostics = { text, uri, config, model: keep ? model : undefined, findings, more };
    if (spelling) result.spelling = pending;
    else result.diagnostics = diagnosticsOf(pending);
  };
  if (mode === 'check') {
    const chapters = await chaptersFileFindingsFor(file, shownPath, checked.model, config);
    const audio = media ? await audioFindingsFor(file, checked.model, config, media) : { findings: [] };
    if (audio.problem) result.problem = audio.problem;
    settle(text, checked.model, checked.findings, [...chapters, ...audio.findings]);
    result.copy = copyInput(text, uri, checked.model, config);
    return result;
  }

  const outcome = fixText(checked, uri, config, terms);
  result.repaired = outcome.repaired;
  result.needsHuman = outcome.needsHuman;
  if (outcome.refused) result.problem = `${shownPath}: ${outcome.refused}`;
  else if (outcome.text !== text && !validUtf8) {
    result.problem = `${shownPath}: not valid UTF-8, so it was not fixed`;
    settle(text, checked.model, checked.findings);
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
      settle(text, checked.model, checked.findings);
      return result;
    }
  }
  // What is left once the fixes are in: positions in the fixed text (the file on disk after --fix).
  const chapters = await chaptersFileFindingsFor(file, shownPath, outcome.model, config);
  settle(outcome.text, outcome.model, outcome.findings, chapters);
  result.copy = copyInput(outcome.text, uri, outcome.model, config);
  return result;
}

/**
 * The diagnostics of a file: its own findings with the spelling rules' (`spelling`) in analyze's
 * order, then the chapter file's and the media's among them, in document order.
 */
export function diagnosticsOf(pending: PendingDiagnostics, spelling: readonly Finding[] = []): CliDiagnostic[] {
  const own = spelling.length === 0 ? pending.findings : [...pending.findings, ...spelling].sort(inAnalyzeOrder);
  return toDiagnostics(pending.text, pending.uri, withFindings(own, pending.more));
}

/** The order analyze returns findings in (rules/index.ts). */
function inAnalyzeOrder(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

function withFindings(own: Finding[], more: Finding[]): Finding[] {
  return more.length === 0 ? own : [...own, ...more].sort((a, b) => a.start - b.start || a.end - b.end);
}

function hasBom(bytes: Buffer): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

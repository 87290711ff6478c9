import * as fs from 'node:fs';
import * as path from 'node:path';
import { chaptersFileFindings, chaptersFilePath, ruleSetting } from '../core';
import type { EpisodeModel, Finding, TranscriptConfig } from '../core';

/**
 * chapters-file-mismatch on the command line: the episode's chapter file (the configured
 * `chapters.filePattern`, relative to the episode's folder) read from disk when the rule is on;
 * no file, no finding (not every episode has a list).
 */
export async function chaptersFileFindingsFor(file: string, shownPath: string, model: EpisodeModel, config: TranscriptConfig): Promise<Finding[]> {
  const pattern = config.chaptersFilePattern;
  if (!pattern || ruleSetting(config, 'chapters-file-mismatch') === 'off') return [];
  const relative = chaptersFilePath(pattern, path.basename(file));
  let text: string;
  try {
    text = await fs.promises.readFile(path.resolve(path.dirname(file), relative), 'utf8');
  } catch {
    return [];
  }
  return chaptersFileFindings(model, config, { name: path.normalize(path.join(path.dirname(shownPath), relative)), text });
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkAudio, EpisodeModel, Finding, TranscriptConfig } from '../core';
import { mediaHints } from '../core/features/player';
import { folderRules, NameRule, pickMediaName, sameNameRule, stem } from '../core/media/mediaNames';
import { analyzeMediaFile, defaultCacheDir } from '../node/audio';

/** `--media` (files and folders, absolute) and the working folder `audio.mediaFolders` is relative to. */
export interface MediaSources {
  files: string[];
  folders: string[];
  cwd: string;
}

/**
 * The audio rules on the command line: the episode's media found by the player's rules (its own
 * name next to it; in a media folder its name, YouTube id or `s04e01`; or among the `--media` files),
 * analysed (or read from the cache folder), and checked.
 */
export async function audioFindingsFor(file: string, model: EpisodeModel, config: TranscriptConfig, sources: MediaSources): Promise<{ findings: Finding[]; problem?: string }> {
  if (config.audio?.enabled === false) return { findings: [] };
  const media = findMedia(file, model, config, sources);
  if (!media) return { findings: [] };
  try {
    const { analysis } = await analyzeMediaFile(media, { cacheDir: defaultCacheDir() });
    return { findings: checkAudio(model, config, analysis) };
  } catch (error) {
    return { findings: [], problem: `cannot analyse ${path.relative(sources.cwd, media) || media}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function findMedia(file: string, model: EpisodeModel, config: TranscriptConfig, sources: MediaSources): string | undefined {
  const base = stem(path.basename(file));
  const rules = folderRules(base, mediaHints(model) ?? {});
  const beside = pickIn(path.dirname(file), [sameNameRule(base)]);
  if (beside) return beside;
  const folders = [...sources.folders, ...(config.audio?.mediaFolders ?? []).map((f) => path.resolve(sources.cwd, f))];
  for (const folder of folders) {
    const found = pickIn(folder, rules);
    if (found) return found;
  }
  const names = sources.files.map((f) => path.basename(f));
  for (const rule of rules) {
    const name = pickMediaName(names, rule);
    if (name) return sources.files[names.indexOf(name)];
  }
  return undefined;
}

function pickIn(folder: string, rules: NameRule[]): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return undefined;
  }
  for (const rule of rules) {
    const name = pickMediaName(names, rule);
    if (name) return path.join(folder, name);
  }
  return undefined;
}

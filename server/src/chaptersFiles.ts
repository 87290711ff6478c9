import { chaptersFileFindings, chaptersFilePath, ruleSetting } from './core';
import type { ChaptersFile, EpisodeModel, Finding, TranscriptConfig } from './core';
import type { ServerHost } from './host';
import { basenameUri } from './uri';

/**
 * chapters-file-mismatch in the server: the episode's chapter file, found by the configured
 * pattern relative to the episode's URI and read through the host (the file system in Node, the
 * client in a browser), each time the episode is checked while the rule is on.
 */
export async function readChaptersFile(host: ServerHost, episodeUri: string, config: TranscriptConfig, shownPath: (uri: string) => string): Promise<ChaptersFile | undefined> {
  const pattern = config.chaptersFilePattern;
  if (!pattern || ruleSetting(config, 'chapters-file-mismatch') === 'off') return undefined;
  let uri: string;
  try {
    const relative = chaptersFilePath(pattern, decodeURIComponent(basenameUri(episodeUri)));
    uri = new URL(relative.split('/').map(encodeURIComponent).join('/'), episodeUri).href;
  } catch {
    return undefined; // Not a hierarchical URI (untitled:): no file beside it.
  }
  const stat = await host.stat(uri);
  const text = stat?.isFile ? await host.readFile(uri) : undefined;
  return text === undefined ? undefined : { name: shownPath(uri), text };
}

export async function chaptersFileFindingsOf(host: ServerHost, model: EpisodeModel, config: TranscriptConfig, shownPath: (uri: string) => string): Promise<Finding[]> {
  const file = await readChaptersFile(host, model.uri, config, shownPath);
  return file ? chaptersFileFindings(model, config, file) : [];
}

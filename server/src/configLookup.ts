import { CONFIG_FILE_NAME } from './protocol';
import { dirnameUri, joinUri } from './uri';

/**
 * The nearest `.transcriptlintrc.json` from a document's folder upward, by asking `exists` of
 * each candidate URI: the browser host's lookup, where each question is one request to the client.
 */
export async function findConfigUpward(documentUri: string, exists: (uri: string) => Promise<boolean>): Promise<string | undefined> {
  let folder = dirnameUri(documentUri);
  for (;;) {
    const candidate = joinUri(folder, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    const parent = dirnameUri(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

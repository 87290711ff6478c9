import { performance } from 'node:perf_hooks';
import { parseEpisode } from '../server/src/core';
import { readDocx } from '../server/src/core/formats/docx/docxReader';
import { insertTranscript } from '../server/src/core/formats/insertTranscript';
import { transcriptYaml } from '../server/src/core/convert/itemYaml';
import type { NewItem } from '../server/src/core/convert/types';
import { buildDocx, siteDocument } from './docxFixture';

/**
 * For `npm run bench` (and the corpus test): an episode's transcript as the site's Word document,
 * then timed as Import Transcript does it: read (mammoth), written into an empty episode, checked.
 */
export interface DocxImportTiming {
  items: number;
  paragraphs: number;
  bytes: number;
  /** readDocx: unzip, mammoth's document model, the site's items. */
  readMs: number;
  /** insertTranscript: the YAML text and its read-back check. */
  insertMs: number;
}

export async function timeDocxImport(episodeText: string): Promise<DocxImportTiming> {
  const document = siteDocument(episodeItems(episodeText));
  const bytes = await buildDocx(document.paragraphs);
  const started = performance.now();
  const read = await readDocx(bytes);
  const readAt = performance.now();
  insertTranscript('', read.items);
  const done = performance.now();
  return { items: read.items.length, paragraphs: document.paragraphs.length, bytes: bytes.length, readMs: readAt - started, insertMs: done - readAt };
}

/** An episode's transcript items as plain NewItems (items that are neither header nor line are left out). */
export function episodeItems(text: string): NewItem[] {
  const items: NewItem[] = [];
  for (const item of parseEpisode(text).transcript?.items ?? []) {
    if (item.kind === 'header' && item.header !== undefined) items.push({ header: item.header });
    else if (item.kind === 'line' && item.line !== undefined) items.push({ line: item.line, sec: item.sec, time: item.time, who: item.who });
  }
  return items;
}

/**
 * An episode `copies` times as long: its transcript repeated, each copy's `sec` after the one before
 * (the largest real transcript runs 1:03:36; three copies make the 3-hour episode).
 */
export function longerEpisode(text: string, copies: number): string {
  const items = episodeItems(text);
  const span = Math.max(0, ...items.map((item) => ('sec' in item && item.sec !== undefined ? item.sec : 0))) + 10;
  const repeated = Array.from({ length: copies }, (_, copy) =>
    items.map((item) => ('sec' in item && item.sec !== undefined ? { line: item.line, sec: item.sec + copy * span, who: item.who } : item)),
  ).flat();
  return `---\n${transcriptYaml(repeated)}---\n`;
}

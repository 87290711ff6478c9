import { isMap, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { EpisodeModel, Field, FrontMatter, SyntaxError, Transcript, TranscriptItem } from '../model';
import { checkFrontMatter, DEFAULT_FRONT_MATTER_KB } from '../limits';
import { hasAnchors, parserMessage, readItem, readMapFields } from './nodes';
import { shiftedField } from './shift';
import { findFrontMatter } from './frontMatter';
import { parseByItems, SplitParse } from './itemUnits';
import { recoverUnits } from './recovery/recover';

/**
 * Reading an episode runs one way: each module here imports only those listed above it (and the
 * types of ../model.ts), so the text can be followed down to the model without turning back.
 *   nodes.ts, shift.ts  parsed YAML nodes → the model's fields and items; moving them by an offset
 *   frontMatter.ts      text → where the front matter is (then ../limits.ts: small enough to parse?)
 *   simpleYaml.ts       the common shape of items and metadata read directly, without the YAML parser
 *   itemUnits.ts        a well-formed front matter → its metadata and one parsed node per transcript item
 *   recovery/           one that does not parse → units read one by one, broken ones confined (lines → units → recover)
 *   parseEpisode.ts     → the model: picks the way (item by item, whole, unit by unit) and assembles it
 *   updateEpisode.ts    the keystroke path beside it: one edited item read again, the items after it moved
 */

const TRANSCRIPT_KEY_LINE = /(?:^|[\r\n])transcript[ \t]*:/;

export function isInPodcastFolder(uri: string): boolean {
  return /(?:^|[\\/])_podcast[\\/]/.test(uri);
}

export interface ParseOptions {
  /** Parse the transcript item by item when the layout allows (default); false parses the front matter whole. */
  itemByItem?: boolean;
  /** Size limit of the front matter in KB (default 512, see limits.ts). */
  maxFrontMatterKB?: number;
}

export function parseEpisode(text: string, uri = '', options: ParseOptions = {}): EpisodeModel {
  const frontMatter = findFrontMatter(text);
  const inPodcastFolder = isInPodcastFolder(uri);
  if (!frontMatter) return { text, uri, isEpisode: inPodcastFolder, syntaxErrors: [], topLevel: [], hasAnchors: false };

  const yamlText = text.slice(frontMatter.contentStart, frontMatter.contentEnd);
  const base = frontMatter.contentStart;
  const syntaxErrors: SyntaxError[] = [];
  if (!frontMatter.closed) {
    syntaxErrors.push({ message: "the front matter has no closing '---' line", span: frontMatter.opening });
  }
  // Too large or too deep to parse in the time an editor waits: say so instead (see limits.ts).
  const maxKB = options.maxFrontMatterKB ?? DEFAULT_FRONT_MATTER_KB;
  const { problem: limit, lines } = checkFrontMatter(yamlText, maxKB);
  if (limit) {
    const at = limit.offset > 0 ? { start: base + limit.offset, end: base + limit.offset } : frontMatter.opening;
    syntaxErrors.push({ message: limit.message, span: at });
    const isEpisode = inPodcastFolder || TRANSCRIPT_KEY_LINE.test(yamlText);
    return { text, uri, isEpisode, frontMatter, syntaxErrors, topLevel: [], hasAnchors: false, limits: { maxKB, lines } };
  }
  // Item by item when the layout allows (faster, same result); else the whole front matter.
  const split = options.itemByItem !== false && frontMatter.closed ? parseByItems(yamlText) : undefined;
  if (split) return { ...modelFromItems(text, uri, frontMatter, split), limits: { maxKB, lines } };
  // Aliases are never resolved (no toJS), so an alias bomb costs nothing.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  // A broken value: read the rest unit by unit, so every other item is still checked. Only after the
  // whole parse failed: a unit can fail alone where the whole reads (a flow collection over lines).
  const recovered = doc.errors.length > 0 && frontMatter.closed ? recoverUnits(text, base, yamlText) : undefined;
  if (recovered) {
    const isEpisode = inPodcastFolder || recovered.transcript !== undefined || TRANSCRIPT_KEY_LINE.test(yamlText);
    return { text, uri, isEpisode, frontMatter, ...recovered, hasAnchors: false, recovered: true, limits: { maxKB, lines } };
  }
  for (const error of doc.errors) {
    const start = base + Math.min(error.pos[0], yamlText.length);
    const end = base + Math.min(Math.max(error.pos[1], error.pos[0]), yamlText.length);
    syntaxErrors.push({ message: parserMessage(error.message), span: { start, end } });
  }

  const topLevel = isMap(doc.contents) ? readMapFields(doc.contents, base) : [];
  const transcriptField = topLevel.find((f) => f.key === 'transcript');
  const isEpisode = inPodcastFolder || transcriptField !== undefined || (syntaxErrors.length > 0 && TRANSCRIPT_KEY_LINE.test(yamlText));
  let transcript: Transcript | undefined;
  if (transcriptField && isMap(doc.contents)) {
    const node = doc.contents.get('transcript', true);
    transcript = { field: transcriptField, items: isSeq(node) ? readItems(node.items as YamlNode[], text, base, node.flow === true) : [] };
  }
  return { text, uri, isEpisode, frontMatter, syntaxErrors, topLevel, transcript, hasAnchors: hasAnchors(doc, yamlText), limits: { maxKB, lines } };
}

function modelFromItems(text: string, uri: string, frontMatter: FrontMatter, split: SplitParse): EpisodeModel {
  const base = frontMatter.contentStart;
  const cut = base + split.removed.at;
  const topLevel = readMapFields(split.skeleton, base).map((field): Field => {
    if (field.keySpan.start >= cut) return shiftedField(field, split.removed.length);
    if (field.key !== 'transcript') return field;
    // The blanked list read as an empty value: make it the list a whole parse sees.
    return { key: field.key, keySpan: field.keySpan, kind: 'seq', value: null, valueSpan: { start: base + split.listSpan.start, end: base + split.listSpan.end } };
  });
  const transcriptField = topLevel.find((f) => f.key === 'transcript')!;
  const items = split.items.map((chunk, index) => readItem(chunk.node, index, text, base + chunk.offset));
  return { text, uri, isEpisode: true, frontMatter, syntaxErrors: [], topLevel, transcript: { field: transcriptField, items }, hasAnchors: false };
}


function readItems(nodes: YamlNode[], text: string, base: number, inFlowSequence: boolean): TranscriptItem[] {
  return nodes.map((node, index) => readItem(node, index, text, base, inFlowSequence));
}

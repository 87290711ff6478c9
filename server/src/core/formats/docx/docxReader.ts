import mammoth from 'mammoth';
import type { ReadResult } from '../shared/readResult';
import { cleanLine, collapseSpace, parseSiteTimestamp, SiteTimestamp } from '../shared/siteLines';
import { clip, plural } from '../shared/textLines';
import { ConvertError, MAX_INPUT_BYTES, NewItem } from '../../convert/types';

/**
 * A Word document in the site's shape, item for item as `scripts/transcript.py` reads it (paragraphs
 * of the body, numbered from 1 as Word lists them; empty ones skipped whatever their style):
 * - a heading-styled paragraph is `{header}` (white space collapsed);
 * - a Normal paragraph `[m:ss]`, `m:ss`, `[h:mm:ss]` or `h:mm:ss` starts a turn (two-part minutes of 60
 *   or more roll over into hours); the next Normal paragraph is the speaker;
 * - every following Normal paragraph, split at its line breaks, each line stripped (also of U+FEFF) and
 *   empty ones skipped, is `{line, sec, time, who}` with the turn's values;
 * - any other style, text before the first turn, and a timestamp with no speaker after it are refused
 *   with the paragraph's number.
 * Read with mammoth's document model (it runs in a browser too), not a zip reader of our own.
 */

export interface DocxParagraph {
  /** `heading 1`, `normal`, … lower-cased as the script compares it; `normal` when the paragraph names no style. */
  style: string;
  /** The style's name as the document has it, for messages. */
  styleName: string;
  text: string;
}

export async function readDocx(bytes: Uint8Array | ArrayBuffer, _options: object = {}): Promise<ReadResult> {
  const { paragraphs, tables } = await docxParagraphs(bytes);
  const result = paragraphItems(paragraphs);
  if (tables > 0) result.warnings.push(`${plural(tables, 'table')} skipped: the site's script reads only paragraphs outside tables`);
  return result;
}

/** The body's paragraphs (style and text, line breaks as `\n`, tabs as `\t`) and how many tables it has. */
export async function docxParagraphs(bytes: Uint8Array | ArrayBuffer): Promise<{ paragraphs: DocxParagraph[]; tables: number }> {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new ConvertError(`the document is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are not read`);
  }
  let body: DocElement[] = [];
  // The Node build of mammoth reads `buffer`, the browser build `arrayBuffer`: both get the same bytes.
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  try {
    await mammoth.convertToHtml(input, {
      transformDocument: (document: DocElement) => {
        body = document.children ?? [];
        // Only the model is wanted: nothing is left for the HTML conversion to do.
        return { ...document, children: [] };
      },
    });
  } catch (error) {
    throw notWord(error);
  }
  const paragraphs = body.filter((element) => element.type === 'paragraph').map((element) => {
    const styleName = element.styleName ?? 'Normal';
    return { style: styleName.toLowerCase(), styleName, text: elementText(element) };
  });
  return { paragraphs, tables: body.filter((element) => element.type === 'table').length };
}

/** What mammoth's document model holds, as far as it is read here. */
interface DocElement {
  type: string;
  children?: DocElement[];
  styleName?: string | null;
  value?: string;
  breakType?: string;
}

/** A paragraph's text as python-docx gives it: runs and hyperlinks, a line break as `\n`, a tab as `\t`. */
function elementText(element: DocElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return element.breakType === 'line' ? '\n' : '';
    default:
      return (element.children ?? []).map(elementText).join('');
  }
}

function notWord(error: unknown): ConvertError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/main document part/i.test(reason)) return new ConvertError('not a Word document: the file is a zip archive without a Word document part (word/document.xml)');
  if (/central directory|is this a zip/i.test(reason)) return new ConvertError('not a Word document (.docx): the file is not a zip archive, as every .docx is');
  if (/zip|compress|crc32|end of data|invalid (?:block|code|distance|stored)/i.test(reason)) {
    return new ConvertError('not a readable Word document (.docx): the zip archive is damaged (a part of it does not unpack)');
  }
  return new ConvertError(`not a readable Word document (.docx): the file is damaged (${clip(reason.replace(/\s+/g, ' ').trim(), 100)})`);
}

/** The paragraphs as items, as `read_docx` makes them. */
export function paragraphItems(paragraphs: readonly DocxParagraph[]): ReadResult {
  const items: NewItem[] = [];
  const warnings: string[] = [];
  let turn: { stamp: SiteTimestamp; written: string; paragraph: number; who?: string; lines: number } | undefined;
  let awaitingSpeaker = false;
  const endTurn = () => {
    if (turn && turn.lines === 0 && turn.who !== undefined) warnings.push(`paragraph ${turn.paragraph}: the turn at ${turn.stamp.time} (${turn.who}) has no text`);
  };
  paragraphs.forEach(({ style, styleName, text }, index) => {
    const paragraph = index + 1;
    const cleaned = cleanLine(text);
    if (cleaned === '') return;
    if (style.startsWith('heading')) {
      items.push({ header: collapseSpace(cleaned) });
      return;
    }
    if (style !== 'normal') throw new ConvertError(`the style '${styleName}' is neither a heading nor Normal (the site's script reads only these); text: '${clip(cleaned)}'`, { paragraph });
    const stamp = parseSiteTimestamp(cleaned);
    if (awaitingSpeaker) {
      if (stamp) throw new ConvertError(`the timestamp '${turn!.written}' has no speaker after it: the next paragraph is the timestamp '${cleaned}'`, { paragraph: turn!.paragraph });
      turn!.who = collapseSpace(cleaned);
      awaitingSpeaker = false;
      return;
    }
    if (stamp) {
      endTurn();
      turn = { stamp, written: cleaned, paragraph, lines: 0 };
      awaitingSpeaker = true;
      return;
    }
    if (!turn) throw new ConvertError(`text before any time and speaker: '${clip(cleaned)}' (a turn starts with a paragraph such as [1:02], then one with the speaker's name)`, { paragraph });
    for (const line of cleaned.split('\n').map(cleanLine)) {
      if (line === '') continue;
      items.push({ line, sec: turn.stamp.sec, time: turn.stamp.time, who: turn.who });
      turn.lines++;
    }
  });
  if (awaitingSpeaker) throw new ConvertError(`the timestamp '${turn!.written}' has no speaker after it`, { paragraph: turn!.paragraph });
  endTurn();
  if (items.length === 0) throw new ConvertError('no headers or spoken lines found: nothing to import');
  return { items, warnings };
}

import mammoth from 'mammoth';
import type { ReadResult } from '../shared/readResult';
import { cleanLine, collapseSpace, parseSiteTimestamp, SiteTimestamp } from '../shared/siteLines';
import { clip, plural } from '../shared/textLines';
import { ConvertError, MAX_INPUT_BYTES, NewItem } from '../../convert/types';
import { formatTime } from '../../time';
import { revMarker } from '../text/textShapes';
import { zipSizes } from './zipSizes';

/**
 * A Word document in the site's shape, item for item as `scripts/transcript.py` reads it (paragraphs
 * of the body, numbered from 1 as Word lists them; empty ones skipped whatever their style):
 * - a heading-styled paragraph is `{header}` (white space collapsed), and so are `Title` and `Subtitle`;
 * - a Normal paragraph `[m:ss]`, `m:ss`, `[h:mm:ss]` or `h:mm:ss` starts a turn (two-part minutes of 60
 *   or more roll over into hours); the next Normal paragraph is the speaker;
 * - a Rev or Descript paragraph `Name (00:05):` starts a turn by itself, its text beside it or below;
 * - every following Normal paragraph, split at its line breaks, each line stripped (also of U+FEFF) and
 *   empty ones skipped, is `{line, sec, time, who}` with the turn's values;
 * - list paragraphs (`List Paragraph`, `List Bullet`, …) are read as Normal; any other style too, and
 *   named in a warning (the site's script refuses them);
 * - text before the first turn and a timestamp with no speaker after it are refused with the
 *   paragraph's number.
 * Read with mammoth's document model (it runs in a browser too), not a zip reader of our own.
 */

/** Headings, and the title block Word's templates start with. */
const HEADER_STYLE = /^(?:heading|title$|subtitle$)/;
/** Normal and list paragraphs (`List Paragraph`, `List Bullet 2`, `List Number`). */
const NORMAL_STYLE = /^(?:normal$|list)/;

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

/**
 * A document's parts inflated are at most this large: text and styles compress about tenfold, images
 * not at all, so a real document of up to 50 MB stays far below it; a zip bomb does not.
 */
export const MAX_INFLATED_BYTES = 4 * MAX_INPUT_BYTES;

/** Refuses a document whose zip directory declares more inflated bytes than MAX_INFLATED_BYTES, before anything is inflated. */
function refuseZipBomb(bytes: Uint8Array | ArrayBuffer): void {
  const sizes = zipSizes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  if (!sizes || sizes.inflatedBytes <= MAX_INFLATED_BYTES) return;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  const largest = sizes.largest ? ` (the largest part, ${sizes.largest.name}, ${mb(sizes.largest.bytes)})` : '';
  throw new ConvertError(`the document would inflate to ${mb(sizes.inflatedBytes)}${largest}; documents over ${mb(MAX_INFLATED_BYTES)} unpacked are not read (a Word transcript is a few MB)`);
}

/** The body's paragraphs (style and text, line breaks as `\n`, tabs as `\t`) and how many tables it has. */
export async function docxParagraphs(bytes: Uint8Array | ArrayBuffer): Promise<{ paragraphs: DocxParagraph[]; tables: number }> {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new ConvertError(`the document is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are not read`);
  }
  refuseZipBomb(bytes);
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
  const unknownStyles = new Map<string, number>();
  const addLines = (text: string) => {
    for (const line of text.split('\n').map(cleanLine)) {
      if (line === '') continue;
      items.push({ line, sec: turn!.stamp.sec, time: turn!.stamp.time, who: turn!.who });
      turn!.lines++;
    }
  };
  const endTurn = () => {
    if (turn && turn.lines === 0 && turn.who !== undefined) warnings.push(`paragraph ${turn.paragraph}: the turn at ${turn.stamp.time} (${turn.who}) has no text`);
  };
  paragraphs.forEach(({ style, styleName, text }, index) => {
    const paragraph = index + 1;
    const cleaned = cleanLine(text);
    if (cleaned === '') return;
    if (HEADER_STYLE.test(style)) {
      items.push({ header: collapseSpace(cleaned) });
      return;
    }
    if (!NORMAL_STYLE.test(style)) unknownStyles.set(styleName, (unknownStyles.get(styleName) ?? 0) + 1);
    const rev = awaitingSpeaker ? undefined : revMarker(collapseSpace(cleaned));
    if (rev) {
      endTurn();
      turn = { stamp: { sec: rev.sec, time: formatTime(rev.sec) }, written: cleaned, paragraph, who: rev.who, lines: 0 };
      if (rev.text) addLines(rev.text);
      return;
    }
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
    addLines(cleaned);
  });
  if (awaitingSpeaker) throw new ConvertError(`the timestamp '${turn!.written}' has no speaker after it`, { paragraph: turn!.paragraph });
  endTurn();
  if (items.length === 0) throw new ConvertError('no headers or spoken lines found: nothing to import');
  if (unknownStyles.size > 0) {
    const named = [...unknownStyles].map(([name, count]) => `'${name}' (${plural(count, 'paragraph')})`).join(', ');
    warnings.push(`read as Normal: paragraphs in styles that are neither a heading, a title, a list nor Normal: ${named}`);
  }
  return { items, warnings };
}

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { cleanLine, collapseSpace, parseSiteTimestamp } from '../server/src/core/formats/shared/siteLines';
import { isNewHeader, NewItem } from '../server/src/core/convert/types';
import { formatTime } from '../server/src/core/time';

/**
 * Word documents built in the tests (no binary fixtures): each paragraph is a Normal paragraph's text
 * (`\n` inside it becomes a line break), `{ heading }` a Heading 1, or `{ style, text }` any style the
 * docx library knows (`Title`, `Heading2`, …).
 */
export type DocxParagraphSpec = string | { heading: string } | { style: string; text: string };

export async function buildDocx(paragraphs: readonly DocxParagraphSpec[]): Promise<Uint8Array> {
  // Styles Word's own templates define and the docx package's defaults lack.
  const paragraphStyles = ['Subtitle', 'Quote'].map((name) => ({ id: name, name, basedOn: 'Normal' }));
  const doc = new Document({ styles: { paragraphStyles }, sections: [{ children: paragraphs.map(paragraphOf) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function paragraphOf(spec: DocxParagraphSpec): Paragraph {
  if (typeof spec === 'string') return new Paragraph({ children: runsWithBreaks(spec) });
  if ('heading' in spec) return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runsWithBreaks(spec.heading) });
  return new Paragraph({ style: spec.style, children: runsWithBreaks(spec.text) });
}

/** `a\nb` as two runs with a line break (`<w:br/>`) before the second. */
function runsWithBreaks(text: string): TextRun[] {
  return text.split('\n').map((part, index) => new TextRun({ text: part, break: index > 0 ? 1 : undefined }));
}

/** A zip archive that is no Word document (a spreadsheet-like part only). */
export async function nonWordZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** A transcript as the site's Word documents hold it, and the items reading it back must give. */
export interface SiteDocument {
  paragraphs: DocxParagraphSpec[];
  expected: NewItem[];
  /** Items the shape cannot hold (untimed or speakerless lines, text a paragraph cannot keep as it is), left out. */
  skipped: number;
}

/**
 * Items in the shape `scripts/transcript.py` reads: a header as a Heading 1; a timed line as `[h:mm:ss]`
 * (a new turn when `sec` or `who` changes), the speaker, then the line. The label is written from
 * `sec`, so `time` reads back as `sec` formats.
 */
export function siteDocument(items: readonly NewItem[]): SiteDocument {
  const paragraphs: DocxParagraphSpec[] = [];
  const expected: NewItem[] = [];
  let skipped = 0;
  let turn: { sec: number; who: string } | undefined;
  for (const item of items) {
    if (isNewHeader(item)) {
      const header = collapseSpace(item.header);
      if (header === '' || /\n/.test(item.header)) {
        skipped++;
        continue;
      }
      paragraphs.push({ heading: item.header });
      expected.push({ header });
      continue;
    }
    const keeps = (text: string) => text !== '' && cleanLine(text) === text && !/[\r\n\u000b\u000c]/.test(text);
    if (item.sec === undefined || item.who === undefined || !keeps(item.line) || !keeps(item.who) || parseSiteTimestamp(item.line) || parseSiteTimestamp(item.who)) {
      skipped++;
      continue;
    }
    if (!turn || turn.sec !== item.sec || turn.who !== item.who) {
      turn = { sec: item.sec, who: item.who };
      paragraphs.push(`[${formatTime(item.sec)}]`, item.who);
    }
    paragraphs.push(item.line);
    expected.push({ line: item.line, sec: item.sec, time: formatTime(item.sec), who: item.who });
  }
  return { paragraphs, expected, skipped };
}

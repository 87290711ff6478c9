import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';

/**
 * Word documents built in the tests (no binary fixtures): each paragraph is a Normal paragraph's text
 * (`\n` inside it becomes a line break), `{ heading }` a Heading 1, or `{ style, text }` any style the
 * docx library knows (`Title`, `Heading2`, …).
 */
export type DocxParagraphSpec = string | { heading: string } | { style: string; text: string };

export async function buildDocx(paragraphs: readonly DocxParagraphSpec[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map(paragraphOf) }] });
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

import { ConvertError, isNewHeader } from '../../convert/types';
import { readOtterText } from '../otter/otterTextReader';
import type { ReadResult } from '../shared/readResult';
import { cleanLine } from '../shared/siteLines';
import { plural, textLines } from '../shared/textLines';
import { countMarkers, readMarked, TextLine } from './markedText';
import { MARKED_SHAPES, MarkedShape, SITE_SHAPE_DESCRIPTION, TextShape } from './textShapes';

/**
 * Transcript text (`.txt`) in whichever shape a tool exported it (textShapes.ts), told apart by
 * content: the shape with the most marker lines; bare timestamp lines are YouTube's copy when most
 * open a single line of text, else the site's own three-line shape. `shape` forces one (`--from`).
 * An input in which no shape finds a spoken line is refused, naming the shapes tried.
 */
export function readTranscriptText(text: string, shape?: TextShape): ReadResult {
  const lines = meaningfulLines(text);
  const chosen = shape ?? detectShape(lines);
  const tried = shape === undefined ? [...MARKED_SHAPES.map((marked) => marked.describe), SITE_SHAPE_DESCRIPTION] : [describe(shape)];
  if (chosen === undefined) throw noSpokenLine(tried);
  if (chosen === 'otter-site') {
    const result = readOtterText(text);
    if (result.items.every(isNewHeader)) throw noSpokenLine(tried);
    return result;
  }
  const { items, empty } = readMarked(markedShape(chosen), lines);
  if (items.every(isNewHeader)) throw noSpokenLine(tried);
  return { items, warnings: empty > 0 ? [`${plural(empty, 'turn')} without text skipped`] : [] };
}

/** Lines cleaned, blank ones and Otter's "Transcribed by https://otter.ai" dropped. */
function meaningfulLines(text: string): TextLine[] {
  return textLines(text)
    .map((raw, index) => ({ text: cleanLine(raw), number: index + 1 }))
    .filter((line) => line.text !== '' && !line.text.toLowerCase().includes('transcribed by https://otter.ai'));
}

function detectShape(lines: readonly TextLine[]): TextShape | undefined {
  let best: MarkedShape | undefined;
  let most = 0;
  for (const shape of MARKED_SHAPES) {
    const count = countMarkers(shape, lines);
    if (count > most) [best, most] = [shape, count];
  }
  if (best?.shape !== 'youtube') return best?.shape;
  return mostOpenOneLine(best, lines) ? 'youtube' : 'otter-site';
}

/** Whether most markers are followed by exactly one line before the next marker (or the end). */
function mostOpenOneLine(shape: MarkedShape, lines: readonly TextLine[]): boolean {
  const markers = lines.flatMap((line, index) => (shape.marker(line.text) ? [index] : []));
  const single = markers.filter((at, i) => (markers[i + 1] ?? lines.length) - at === 2).length;
  return single * 2 > markers.length;
}

function markedShape(shape: Exclude<TextShape, 'otter-site'>): MarkedShape {
  return MARKED_SHAPES.find((marked) => marked.shape === shape)!;
}

function describe(shape: TextShape): string {
  return shape === 'otter-site' ? SITE_SHAPE_DESCRIPTION : markedShape(shape).describe;
}

function noSpokenLine(tried: readonly string[]): ConvertError {
  return new ConvertError(`no spoken line found: the text is in none of the shapes tried: ${tried.join('; ')}`);
}

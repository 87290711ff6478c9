import { formatTime } from '../../time';
import { NewItem } from '../../convert/types';
import { assignSpeakers } from '../speakers/cueSpeakers';
import type { MarkedShape, Marker } from './textShapes';

/**
 * Transcript text whose turns each open with a marker line (textShapes.ts): the marker's text or the
 * first line after it is the turn's timed line, each further line an untimed paragraph of the same
 * speaker; lines before the first marker are headers (a title). In a shape whose markers name no one,
 * a leading `Name: ` is the speaker as in captions (../speakers/cueSpeakers.ts).
 */

export interface TextLine {
  text: string;
  /** 1-based, in the input. */
  number: number;
}

export interface MarkedRead {
  items: NewItem[];
  /** Markers with no text after them. */
  empty: number;
}

interface Turn extends Marker {
  paragraphs: string[];
}

/** How many lines of `lines` are this shape's markers. */
export function countMarkers(shape: MarkedShape, lines: readonly TextLine[]): number {
  let count = 0;
  for (const line of lines) if (shape.marker(line.text)) count++;
  return count;
}

export function readMarked(shape: MarkedShape, lines: readonly TextLine[]): MarkedRead {
  const headers: NewItem[] = [];
  const turns: Turn[] = [];
  for (const line of lines) {
    const marker = shape.marker(line.text);
    if (marker) turns.push({ ...marker, paragraphs: marker.text ? [marker.text] : [] });
    else if (turns.length > 0) turns[turns.length - 1].paragraphs.push(line.text);
    else headers.push({ header: line.text });
  }
  const spoken = turns.filter((turn) => turn.paragraphs.length > 0);
  const named = spoken.some((turn) => turn.who !== undefined) ? spoken : withLabelledSpeakers(spoken);
  return { items: [...headers, ...named.flatMap(turnItems)], empty: turns.length - spoken.length };
}

function withLabelledSpeakers(turns: readonly Turn[]): Turn[] {
  const cues = assignSpeakers(turns.map((turn) => ({ start: turn.sec, text: turn.paragraphs[0] })));
  return turns.map((turn, i) => ({ ...turn, who: cues[i].speaker, paragraphs: [cues[i].text, ...turn.paragraphs.slice(1)] }));
}

function turnItems(turn: Turn): NewItem[] {
  const who = turn.who === undefined ? {} : { who: turn.who };
  const [first, ...rest] = turn.paragraphs;
  return [{ line: first, sec: turn.sec, time: formatTime(turn.sec), ...who }, ...rest.map((line) => ({ line, ...who }))];
}

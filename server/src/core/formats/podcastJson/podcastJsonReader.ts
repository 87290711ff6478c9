import { Cue, CueOptions, joinCues } from '../cues/joinCues';
import type { ReadResult } from '../shared/readResult';
import { plural } from '../shared/textLines';
import { ConvertError } from '../../convert/types';

/**
 * Podcasting 2.0 transcript JSON: `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`.
 * `startTime` (seconds) and `body` are required; `speaker` carries over to the following segments until
 * another appears. Segments are joined as cues are (see joinCues.ts).
 */

export function readPodcastJson(text: string, options: CueOptions = {}): ReadResult {
  const data = parseJson(text.replace(/^\uFEFF/, ''));
  const segments = (data as { segments?: unknown } | null)?.segments;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(segments)) {
    throw new ConvertError('not Podcasting 2.0 transcript JSON: expected an object with a "segments" list ({"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]})');
  }
  const cues: Cue[] = [];
  let speaker: string | undefined;
  let empty = 0;
  segments.forEach((segment: unknown, index) => {
    const { start, body, name } = readSegment(segment, index + 1, segments.length);
    speaker = name ?? speaker;
    const textOfBody = body.replace(/\s+/g, ' ').trim();
    if (textOfBody === '') empty++;
    cues.push({ start, text: textOfBody, speaker });
  });
  const items = joinCues(cues, options);
  if (items.length === 0) throw new ConvertError('no segment with text found: nothing to import');
  return { items, warnings: empty > 0 ? [`${plural(empty, 'segment')} without text skipped`] : [] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (!position) throw new ConvertError(`not JSON: ${message}`);
    const before = text.slice(0, Number(position[1]));
    throw new ConvertError(`not JSON: ${message}`, { line: before.split(/\r\n|\r|\n/).length });
  }
}

function readSegment(segment: unknown, number: number, count: number): { start: number; body: string; name?: string } {
  const where = `segment ${number} of ${count}`;
  if (typeof segment !== 'object' || segment === null || Array.isArray(segment)) throw new ConvertError(`${where} is not an object with "startTime" and "body"`);
  const { startTime, body, speaker } = segment as Record<string, unknown>;
  if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0) {
    throw new ConvertError(`${where}: "startTime" must be a number of seconds (0 or more), not ${JSON.stringify(startTime) ?? 'missing'}`);
  }
  if (typeof body !== 'string') throw new ConvertError(`${where}: "body" must be a string, not ${JSON.stringify(body) ?? 'missing'}`);
  if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') throw new ConvertError(`${where}: "speaker" must be a string`);
  const name = typeof speaker === 'string' && speaker.trim() !== '' ? speaker.trim() : undefined;
  return { start: startTime, body, name };
}

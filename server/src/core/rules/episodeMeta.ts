import { Clip, readClips } from '../clips';
import { formatDuration, parseDuration } from '../duration';
import type { Field } from '../model';
import { getField } from '../fields';
import { firstWords } from '../text';
import { formatTime } from '../time';
import type { Fix } from '../types';
import type { RuleContext } from './context';
import { ChangeTest, timelineChanged } from './incremental';
import { validYoutubeId, youtubeIdFromUrl } from './youtube';

/**
 * duration-mismatch and clip-mismatch: the episode metadata the site's scripts derive from the
 * transcript and the video (FINDINGS.md section 12).
 */

/** Of the items, duration-mismatch reads the timed lines' secs; clip-mismatch reads only the metadata. */
export const episodeMetaChanged: ChangeTest = timelineChanged;

export function checkEpisodeMeta(ctx: RuleContext): void {
  checkDuration(ctx);
  checkClips(ctx);
}

/** `duration` is last `sec` minus first `sec` (timed lines in document order), as in all 178 real files that have one. */
function checkDuration(ctx: RuleContext): void {
  if (!ctx.isEnabled('duration-mismatch')) return;
  const field = getField(ctx.model.topLevel, 'duration');
  const span = transcriptSpan(ctx);
  if (!field || !span) return;
  // A broken item before the first or after the last timed line may hold the real first or last sec.
  if (brokenOutside(ctx)) return;
  const expected = span.last - span.first;
  // Times that run backwards from the first line to the last are sec-order's finding; no duration fits.
  if (expected < 0) return;
  const runs = `the transcript runs ${expected} s (${formatTime(expected)}: last sec ${span.last} − first sec ${span.first})`;
  const written = field.kind === 'string' ? (field.value as string) : undefined;
  const seconds = written === undefined ? undefined : parseDuration(written);
  if (seconds === expected) return;
  const shown = written ?? String(field.value ?? '');
  const message = seconds === undefined
    ? `duration '${firstWords(shown, 40)}' is not an ISO 8601 duration like PT01H02M03S; ${runs}`
    : `duration ${written} is ${seconds} s but ${runs}`;
  ctx.report('duration-mismatch', field.valueSpan ?? field.keySpan, message, [durationFix(field, expected, ctx.model.text)]);
}

function brokenOutside(ctx: RuleContext): boolean {
  const items = ctx.items;
  const timed = ctx.timed;
  if (!ctx.model.recovered || timed.length === 0) return false;
  return items.some((item) => item.kind === 'broken' && (item.index < timed[0].index || item.index > timed[timed.length - 1].index));
}

/** The first and last `sec` of the timed lines, in document order. */
export function transcriptSpan(ctx: Pick<RuleContext, 'timed'>): { first: number; last: number } | undefined {
  const timed = ctx.timed;
  if (timed.length === 0) return undefined;
  return { first: timed[0].sec!, last: timed[timed.length - 1].sec! };
}

/**
 * Writes `duration` in the site's spelling; the value is always safe as a plain scalar. Not in
 * fix-all: fix-all's own deletions (a repeated last line) can move the transcript's ends, so the
 * value it would write could be wrong once the run is done, and a second run would change it again.
 */
export function durationFix(field: Field, seconds: number, text: string): Fix {
  const value = field.quote === 'double' ? `"${formatDuration(seconds)}"` : field.quote === 'single' ? `'${formatDuration(seconds)}'` : formatDuration(seconds);
  const edit = field.valueSpan
    ? { ...field.valueSpan, newText: text[field.valueSpan.start - 1] === ':' ? ` ${value}` : value }
    : { start: field.keySpan.end + 1, end: field.keySpan.end + 1, newText: ` ${value}` };
  return { title: `Set duration to ${formatDuration(seconds)} (last sec − first sec)`, edits: [edit], isPreferred: true, safe: false };
}

/**
 * A clip whose url does not start where its startOffset says, points at another video than
 * `ids.youtube` (compared only when that id is valid: an invalid one is youtube-id-invalid's finding),
 * or ends before it starts. Clips that overlap each other are not findings: the site plays each alone.
 */
function checkClips(ctx: RuleContext): void {
  if (!ctx.isEnabled('clip-mismatch')) return;
  const clips = readClips(ctx.model);
  if (clips.length === 0) return;
  const id = validYoutubeId(ctx.model.topLevel);
  for (const clip of clips) {
    // Built only for a clip that is reported: the others cost no label.
    const label = () => clipLabel(clip);
    const url = getField(clip.fields, 'url');
    if (clip.url !== undefined && url?.valueSpan) {
      const t = urlSeconds(clip.url);
      if (clip.start !== undefined) {
        if (t === undefined && clip.start !== 0) {
          ctx.report('clip-mismatch', url.valueSpan, `${label()}: the url has no t=, so it opens the video at 0:00, but startOffset is ${clip.start} (${formatTime(clip.start)})`);
        } else if (t === 'invalid') {
          ctx.report('clip-mismatch', url.valueSpan, `${label()}: the url's t= is not a number of seconds; startOffset is ${clip.start} (${formatTime(clip.start)})`);
        } else if (t !== undefined && t !== clip.start) {
          ctx.report('clip-mismatch', url.valueSpan, `${label()}: the url starts the video at t=${t} (${formatTime(t)}) but startOffset is ${clip.start} (${formatTime(clip.start)})`);
        }
      }
      const urlId = youtubeIdFromUrl(clip.url);
      if (id !== undefined && urlId !== undefined && urlId !== id) {
        ctx.report('clip-mismatch', url.valueSpan, `${label()}: the url is for video '${firstWords(urlId, 20)}' but ids.youtube is '${id}'`);
      }
    }
    const end = getField(clip.fields, 'endOffset');
    if (clip.start !== undefined && clip.end !== undefined && clip.end < clip.start && end) {
      ctx.report('clip-mismatch', end.valueSpan ?? end.keySpan, `${label()} ends at ${formatTime(clip.end)} (endOffset ${clip.end}), before it starts at ${formatTime(clip.start)} (startOffset ${clip.start})`);
    }
  }
}

function clipLabel(clip: Clip): string {
  return clip.name !== undefined ? `clip '${firstWords(clip.name, 40)}'` : `clip ${clip.index + 1}`;
}

/**
 * The `t=` of a YouTube URL in seconds (`t=90`, `t=90s`, `t=1m30s`, `t=1h2m3s`), 'invalid' when
 * it is something else, undefined when there is none.
 */
export function urlSeconds(url: string): number | 'invalid' | undefined {
  const match = /[?&#]t=([^&#\s]*)/.exec(url);
  if (!match) return undefined;
  const value = match[1];
  if (/^\d+s?$/.test(value)) return parseInt(value, 10);
  const parts = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!parts || value === '') return 'invalid';
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
}

import type { Field } from '../model';
import { getField } from '../fields';
import type { RuleContext } from './context';

/** youtube-id-invalid: the id every video link is built from. */

export const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

export function checkYoutubeId(ctx: RuleContext): void {
  const idField = youtubeIdField(ctx.model.topLevel);
  if (!idField) return;
  const span = idField.valueSpan ?? idField.keySpan;
  const id = idField.kind === 'string' ? (idField.value as string) : String(idField.value ?? '');
  if (!YOUTUBE_ID.test(id)) {
    ctx.report('youtube-id-invalid', span, `ids.youtube '${id}' is not an 11-character YouTube id (letters, digits, - and _)`);
    return;
  }
  const link = getField(getField(ctx.model.topLevel, 'links')?.children ?? [], 'youtube');
  const linked = link?.kind === 'string' ? youtubeIdFromUrl(link.value as string) : undefined;
  if (link && linked !== undefined && linked !== id) {
    ctx.report('youtube-id-invalid', link.valueSpan ?? link.keySpan, `links.youtube points at video '${linked}' but ids.youtube is '${id}'`);
  }
}

export function youtubeIdField(topLevel: readonly Field[]): Field | undefined {
  return getField(getField(topLevel, 'ids')?.children ?? [], 'youtube');
}

/** The valid YouTube id of the episode, or undefined: the only source of video links. */
export function validYoutubeId(topLevel: readonly Field[]): string | undefined {
  const field = youtubeIdField(topLevel);
  return field?.kind === 'string' && YOUTUBE_ID.test(field.value as string) ? (field.value as string) : undefined;
}

/** The `v=` parameter of a watch URL or the path of a youtu.be link, as written. */
export function youtubeIdFromUrl(url: string): string | undefined {
  const watch = /[?&]v=([^&#\s]*)/.exec(url);
  if (watch) return watch[1];
  const short = /youtu\.be\/([^?&#\s]*)/.exec(url);
  return short ? short[1] : undefined;
}

import type { EpisodeModel } from '../model';
import type { Span } from '../types';

/** Foldable spans: each header's section, and each item written over several lines. The edge turns them into lines. */
export function foldingSpans(model: EpisodeModel): Span[] {
  const items = model.transcript?.items ?? [];
  const spans: Span[] = [];
  let sectionStart: number | undefined;
  let sectionEnd = 0;
  const closeSection = () => {
    if (sectionStart !== undefined) spans.push({ start: sectionStart, end: sectionEnd });
  };
  for (const item of items) {
    if (item.header !== undefined && item.line === undefined) {
      closeSection();
      sectionStart = item.region.start;
    }
    sectionEnd = item.span.end;
    spans.push({ start: item.region.start, end: item.span.end });
  }
  closeSection();
  return spans;
}

import { getField } from '../fields';
import type { TranscriptItem } from '../model';
import { firstWords } from '../text';
import type { RuleContext } from './context';
import { ChangeTest, timelineChanged } from './incremental';

/** sec-order: a line whose `sec` is lower than the previous timed line's, with a guess at which one is wrong. */
export function checkOrder(ctx: RuleContext): void {
  const timed = ctx.timed;
  const tolerance = ctx.config.toleranceSeconds;
  for (let i = 1; i < timed.length; i++) {
    const previous = timed[i - 1];
    const current = timed[i];
    if (current.sec! >= previous.sec! - tolerance) continue;
    // An unreadable item between the two may hold the time that explains the drop.
    if (ctx.brokenBetween(previous, current)) continue;
    const span = getField(current.fields, 'sec')!.valueSpan!;
    const quote = previous.line !== undefined ? `, "${firstWords(previous.line, 30)}"` : '';
    const where = `line ${ctx.lineNumber(previous.span.start)}${quote}`;
    const message = `sec ${current.sec} is lower than the previous timed line's sec ${previous.sec} (${where})`;
    ctx.report('sec-order', span, message + outlierNote(timed[i - 2], previous, current, timed[i + 1]));
  }
}

/**
 * What sec-order reads of an item: its sec; and its first words, when the finding on the next
 * timed line quotes them (the finding's offsets are still those of the text before the edit).
 */
export const orderChanged: ChangeTest = (change, items, kept) => {
  if (timelineChanged(change)) return true;
  if (change.after.sec === undefined || firstWords(change.before.line ?? '', 30) === firstWords(change.after.line ?? '', 30)) return false;
  let next = change.index + 1;
  while (next < items.length && items[next].sec === undefined) next++;
  if (next === items.length) return false;
  const { start, end } = items[next].region;
  return kept.some((finding) => finding.start >= start - change.delta && finding.end <= end - change.delta);
};

/** Looks at both neighbours to say which of the two lines is out of place, when they tell. */
function outlierNote(beforePrevious: TranscriptItem | undefined, previous: TranscriptItem, current: TranscriptItem, next: TranscriptItem | undefined): string {
  if (!next) return '';
  const [p, c, n] = [previous.sec!, current.sec!, next.sec!];
  if (n >= p) return `; the next line is at ${n}, so this line looks like the outlier`;
  const pp = beforePrevious?.sec;
  if (c <= n && (pp === undefined || pp <= c)) {
    const before = pp === undefined ? '' : `the line before it is at ${pp} and `;
    return `; ${before}the next line is at ${n}, so the previous line (${p}) looks like the outlier`;
  }
  return `; the next line is at ${n}: the times run backwards from here`;
}

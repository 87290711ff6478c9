import { getField } from '../fields';
import type { RuleContext } from './context';
import { ChangeTest, timelineChanged } from './incremental';

/** What header-hidden reads of an item: header or timed line, and the header's text. */
export const headersChanged: ChangeTest = (change) => timelineChanged(change) || change.before.header !== change.after.header;

/** header-hidden: the site's Timestamps tab shows a header at its first timed line; with none before the next header, it is dropped. */
export function checkHeaders(ctx: RuleContext): void {
  const items = ctx.items;
  for (let i = 0; i < items.length; i++) {
    const header = items[i];
    if (header.kind !== 'header') continue;
    let j = i + 1;
    while (j < items.length && items[j].sec === undefined && items[j].header === undefined && items[j].kind !== 'broken') j++;
    // A timed line, or an unreadable item that may be one.
    if (j < items.length && (items[j].sec !== undefined || items[j].kind === 'broken')) continue;
    const field = getField(header.fields, 'header')!;
    const why = j < items.length ? 'another header follows before any timed line' : 'no timed line follows it';
    ctx.report('header-hidden', field.valueSpan ?? field.keySpan, `header "${header.header}" is not shown in the site's Timestamps list: ${why}`);
  }
}

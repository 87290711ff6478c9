import { insertSecFix, insertTimeFix, recomputeSecFix, recomputeTimeFix } from '../fixes';
import type { Field, TranscriptItem } from '../model';
import { getField } from '../fields';
import { formatTime, parseTime } from '../time';
import type { Fix } from '../types';
import type { RuleContext } from './context';
import { sharesTypo } from './timeTypo';

/** time-malformed, time-mismatch, time-noncanonical, time-missing, sec-missing: does one item's label agree with its `sec`? */
export function checkItemTimes(ctx: RuleContext, item: TranscriptItem): void {
  if (!item.isMap) return;
  const time = getField(item.fields, 'time');
  const sec = getField(item.fields, 'sec');
  if (time) checkTimeLabel(ctx, item, time, sec);
  else if (item.sec !== undefined) {
    ctx.report('time-missing', sec!.keySpan, `sec ${item.sec} has no time label (the site shows an empty link); it would be '${formatTime(item.sec)}'`, [
      insertTimeFix(ctx.model.text, item, item.sec),
    ]);
  }
}

function checkTimeLabel(ctx: RuleContext, item: TranscriptItem, time: Field, sec: Field | undefined): void {
  const span = time.valueSpan ?? time.keySpan;
  // Built only when a finding needs it: this runs for every item.
  const recompute = (): Fix[] => (item.sec !== undefined ? [recomputeTimeFix(item, item.sec, ctx.model.text)] : []);
  if (time.kind !== 'string') {
    const shown = time.kind === 'null' ? 'time has no value' : `time ${String(time.value)} is not a label like '2:39'`;
    ctx.report('time-malformed', span, `${shown}${suggestion(item)}`, recompute());
    return;
  }
  const label = time.value as string;
  const parsed = parseTime(label);
  if (!parsed.ok) {
    // A label whose sec shares its typo is judged against the neighbours (timeTypo.ts).
    if (sharesTypo(label, item.sec)) return;
    ctx.report('time-malformed', span, `time '${printable(label)}' is malformed: ${parsed.reason}${suggestion(item)}`, recompute());
    return;
  }
  if (!sec) {
    ctx.report('sec-missing', time.keySpan, `time '${label}' has no sec (the site seeks the video with sec); it would be ${parsed.seconds}`, [
      insertSecFix(ctx.model.text, item, parsed.seconds),
    ]);
    return;
  }
  if (item.sec === undefined) return; // sec itself is wrong: schema-type says so.
  if (parsed.seconds !== item.sec) {
    ctx.report('time-mismatch', span, `time '${label}' is ${parsed.seconds} s but sec is ${item.sec} s (${formatTime(item.sec)})`, [
      ...recompute(),
      recomputeSecFix(item, parsed.seconds, ctx.model.text),
    ]);
    return;
  }
  const canonical = formatTime(item.sec);
  if (label !== canonical) {
    ctx.report('time-noncanonical', span, `time '${label}' is ${item.sec} s like sec, but is usually written '${canonical}'`, recompute());
  }
}

function suggestion(item: TranscriptItem): string {
  return item.sec !== undefined ? `; sec ${item.sec} is ${formatTime(item.sec)}` : '';
}

function printable(label: string): string {
  return label.replace(/\r\n|\r|\n/g, '\\n');
}

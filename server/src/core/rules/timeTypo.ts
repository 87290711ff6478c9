import { recomputeTimeFix, retimeFix } from '../fixes';
import type { TranscriptItem } from '../model';
import { formatTime, parseTime } from '../time';
import type { Fix } from '../types';
import type { RuleContext } from './context';
import { ChangeTest, timelineChanged } from './incremental';

/**
 * time-malformed for a label whose `sec` was computed from the label's own typo (`37:567` with sec
 * 2787 = 37×60+567). Copying `sec` into `time` is then a guess unless the neighbouring timed lines
 * agree with `sec`: when they do, the fix is safe; when they do not (or there are none), the finding
 * is uncertain and offers both readings, from `sec` and from the label's own digits. A document
 * check, not an item check: it reads the neighbours.
 */
export function checkTimeTypos(ctx: RuleContext): void {
  const timed = ctx.timed;
  for (let i = 0; i < timed.length; i++) {
    if (!isTypoItem(timed[i])) continue;
    // Lines that repeat this sec (the site's continuation lines, or the same typo copied) are not neighbours.
    let last = i;
    while (last + 1 < timed.length && timed[last + 1].sec === timed[i].sec) last++;
    let first = i;
    while (first > 0 && timed[first - 1].sec === timed[i].sec) first--;
    const neighbours = { before: timed[first - 1]?.sec, after: timed[last + 1]?.sec };
    for (let k = i; k <= last; k++) if (isTypoItem(timed[k])) reportTypo(ctx, timed[k], neighbours);
    i = last;
  }
}

/** What the check reads of an item: its sec and its time label. */
export const timeTyposChanged: ChangeTest = (change) => timelineChanged(change) || change.before.time !== change.after.time;

interface Neighbours {
  before?: number;
  after?: number;
}

/**
 * `37:567` with sec 2787: a field after the first is 60 or more, and sec is the fields read in base 60
 * all the same. (`1:5` with sec 65 is no typo: the label and sec name one time, only the spelling is off.)
 */
export function sharesTypo(label: string, sec: number | undefined): boolean {
  if (sec === undefined || !/^\d+(?::\d+){1,2}$/.test(label)) return false;
  const parts = label.split(':').map(Number);
  if (!parts.slice(1).some((part) => part >= 60)) return false;
  return parts.reduce((total, part) => total * 60 + part, 0) === sec;
}

function isTypoItem(item: TranscriptItem): boolean {
  return item.isMap && item.time !== undefined && sharesTypo(item.time, item.sec);
}

function reportTypo(ctx: RuleContext, item: TranscriptItem, neighbours: Neighbours): void {
  const label = item.time!;
  const sec = item.sec!;
  const reason = (parseTime(label) as { reason: string }).reason;
  const time = item.fields.find((f) => f.key === 'time')!;
  const span = time.valueSpan ?? time.keySpan;
  const base = `time '${label}' is malformed: ${reason}; sec ${sec} is ${formatTime(sec)}`;
  const formula = `sec ${sec} = ${label.split(':').join('×60+')}`;
  const tolerance = ctx.config.toleranceSeconds;
  if (inLine(sec, neighbours, tolerance)) {
    ctx.report('time-malformed', span, `${base} (${formula}, in line with the neighbouring timed lines ${describe(neighbours)})`, [recomputeTimeFix(item, sec, ctx.model.text)]);
    return;
  }
  const fixes: Fix[] = [{ ...recomputeTimeFix(item, sec, ctx.model.text), isPreferred: false, safe: false }];
  for (const seconds of digitReadings(label, sec, neighbours, tolerance)) {
    fixes.push(retimeFix(item, seconds, `the label's own digits, in line with the neighbouring timed lines`, ctx.model.text));
  }
  const around = neighbours.before === undefined && neighbours.after === undefined ? 'there is no neighbouring timed line to check it against' : `the neighbouring timed lines are ${describe(neighbours)}`;
  ctx.report('time-malformed', span, `${base} (${formula}, so sec may come from the same typo: ${around}; not fixed automatically)`, fixes, true);
}

/** Whether `seconds` lies between the neighbours (at least one of them known). */
function inLine(seconds: number, { before, after }: Neighbours, tolerance: number): boolean {
  if (before === undefined && after === undefined) return false;
  return (before === undefined || before - tolerance <= seconds) && (after === undefined || seconds <= after + tolerance);
}

function describe({ before, after }: Neighbours): string {
  if (before !== undefined && after !== undefined) return `at ${before} before and ${after} after`;
  return before !== undefined ? `at ${before} before` : `at ${after} after`;
}

/** At most this many readings from the label's digits: past that they are no hint. */
const MAX_DIGIT_READINGS = 3;

/** The times the label makes with one digit left out (`37:567` → 37:56, 37:57), in line with the neighbours. */
function digitReadings(label: string, sec: number, neighbours: Neighbours, tolerance: number): number[] {
  const found: number[] = [];
  for (let k = 0; k < label.length && found.length < MAX_DIGIT_READINGS; k++) {
    if (label[k] === ':') continue;
    const parsed = parseTime(label.slice(0, k) + label.slice(k + 1));
    if (!parsed.ok || parsed.seconds === sec || found.includes(parsed.seconds)) continue;
    if (inLine(parsed.seconds, neighbours, tolerance)) found.push(parsed.seconds);
  }
  return found.sort((a, b) => a - b);
}

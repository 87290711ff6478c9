import { renameSpeakerFix } from '../fixes';
import { getField } from '../fields';
import type { Speaker, TranscriptItem } from '../model';
import { editDistance, firstWords } from '../text';
import { readSpeaker } from '../parse/nodes';
import type { RuleContext } from './context';
import type { ChangeTest } from './incremental';

/** who-missing (item scope): a spoken line without a `who` key. */
export function checkItemSpeaker(ctx: RuleContext, item: TranscriptItem): void {
  if (item.kind !== 'line' || item.speaker || getField(item.fields, 'who')) return;
  ctx.report('who-missing', getField(item.fields, 'line')!.keySpan, `this line has no who (speaker): "${firstWords(item.line!, 40)}"`);
}

/** What the speaker rules read of an item: its kind and `who`, and a line short enough to be a speaker's name (40 characters). */
export const speakersChanged: ChangeTest = ({ before, after }) =>
  before.kind !== after.kind || before.who !== after.who || before.speaker?.name !== after.speaker?.name || shortLine(before) !== shortLine(after);

function shortLine(item: TranscriptItem): string | undefined {
  const text = item.line?.trim();
  return text !== undefined && text.length <= 40 ? text : undefined;
}

/** who-suspicious, who-variant, line-is-speaker (file scope): is every line attributed to a plausible, consistently spelled speaker? */
export function checkSpeakers(ctx: RuleContext): void {
  const lines = ctx.lines;
  // Broken items count with the speaker their text names: a spelling must not turn minority because its lines did not parse.
  const counts = speakerCounts(ctx.model.recovered ? ctx.items.filter((i) => i.kind === 'line' || i.kind === 'broken') : lines);
  const preferred = preferredSpellings(counts);
  for (const item of lines) {
    const speaker = item.speaker;
    if (!speaker) continue; // who-missing is checkItemSpeaker's.
    const target = preferred.size > 0 && !speaker.speech ? preferred.get(speaker.bare) : undefined;
    if (!speaker.speech && target === undefined && speaker.bare === speaker.name) continue;
    // Only now, for the few items reported, look the field up.
    const who = getField(item.fields, 'who')!;
    const span = who.valueSpan;
    if (!span) continue;
    if (speaker.speech) {
      const length = speaker.words > 4 ? `${speaker.words} words` : `${speaker.name.length} characters`;
      ctx.report('who-suspicious', span, `who "${firstWords(speaker.name, 40)}" looks like speech, not a speaker name (${length})`);
      continue;
    }
    if (target !== undefined) {
      ctx.report('who-variant', span, `speaker '${speaker.name}' looks like a misspelling of '${target}', who speaks more often in this file`, [
        renameSpeakerFix(who, target, ctx.model.text),
      ]);
    } else if (speaker.bare !== speaker.name && speaker.bare !== '') {
      ctx.report('who-suspicious', span, `speaker '${speaker.name}' ends in '${speaker.name.slice(speaker.bare.length)}'; the site shows it as typed`, [
        renameSpeakerFix(who, speaker.bare, ctx.model.text),
      ]);
    }
  }
  checkLinesThatAreSpeakers(ctx, lines, counts);
}

/**
 * Names a pick list may offer (Import Transcript's "who is …?"), most lines first: the names
 * who-suspicious and who-variant would accept were they all in one episode, so a name is never
 * offered that the episode would then flag: no speech, no trailing `:`/`.`, and no spelling that is
 * a variant of a name with more lines (`Priyaa`, or `Priyа` with a Cyrillic а, beside `Priya`).
 */
export function acceptedSpeakerNames(lineCounts: ReadonlyMap<string, number>): string[] {
  const speakers = new Map<Speaker, number>();
  for (const [name, count] of lineCounts) {
    const speaker = readSpeaker(name);
    speakers.set(speaker, (speakers.get(speaker) ?? 0) + count);
  }
  const variants = preferredSpellings(speakers);
  return [...speakers]
    .filter(([speaker]) => !speaker.speech && speaker.name !== '' && speaker.bare === speaker.name && !variants.has(speaker.name))
    .sort((a, b) => b[1] - a[1] || (a[0].name < b[0].name ? -1 : 1))
    .map(([speaker]) => speaker.name);
}

/**
 * Maps each spelling (trailing `:`/`.` removed) to the more frequent spelling it is a variant of:
 * within edit distance 2 (1 for short names), or the same name with its ending typed twice
 * (`Adityaitya` for `Aditya`).
 */
function preferredSpellings(speakers: Map<Speaker, number>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const [speaker, count] of speakers) {
    if (!speaker.speech && speaker.bare) counts.set(speaker.bare, (counts.get(speaker.bare) ?? 0) + count);
  }
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const preferred = new Map<string, string>();
  for (const [name, count] of byFrequency) {
    const major = byFrequency.find(([other, otherCount]) => otherCount > count && isVariant(name, other));
    if (major) preferred.set(name, major[0]);
  }
  // A variant of a variant goes straight to the final spelling, so one fix is enough.
  for (const [name, target] of preferred) {
    let final = target;
    while (preferred.has(final)) final = preferred.get(final)!;
    preferred.set(name, final);
  }
  return preferred;
}

function isVariant(name: string, major: string): boolean {
  const shorter = Math.min(name.length, major.length);
  const allowed = Math.min(2, Math.floor(shorter / 2));
  if (allowed > 0 && editDistance(name.toLowerCase(), major.toLowerCase(), allowed) <= allowed) return true;
  return isStutter(name, major);
}

/** `name` is `major` followed by a repeat of `major`'s own ending (`Alexeylexey`, `Ruslanan`). */
function isStutter(name: string, major: string): boolean {
  if (!name.startsWith(major) || name.length === major.length) return false;
  const tail = name.slice(major.length);
  return tail.length >= 2 && major.endsWith(tail);
}

/** How many lines each (interned) speaker has: identity lookups, one per line. */
function speakerCounts(lines: readonly TranscriptItem[]): Map<Speaker, number> {
  const counts = new Map<Speaker, number>();
  for (const item of lines) if (item.speaker) counts.set(item.speaker, (counts.get(item.speaker) ?? 0) + 1);
  return counts;
}

function checkLinesThatAreSpeakers(ctx: RuleContext, lines: readonly TranscriptItem[], counts: Map<Speaker, number>): void {
  const speakers = new Set<string>();
  let longest = 0;
  for (const speaker of counts.keys()) {
    if (!speaker.speech) {
      speakers.add(speaker.bare);
      longest = Math.max(longest, speaker.bare.length);
    }
  }
  for (const item of lines) {
    const line = item.line!;
    // Speaker names are short: a longer line without surrounding space cannot be one (and needs no trim).
    if (line.length > longest && line.charCodeAt(0) > 32 && line.charCodeAt(line.length - 1) > 32) continue;
    const text = line.trim();
    if (text && speakers.has(text)) {
      const field = getField(item.fields, 'line')!;
      ctx.report('line-is-speaker', field.valueSpan ?? field.keySpan, `line "${text}" is only a speaker's name: the text and the speaker may have shifted by one field`);
    }
  }
}

import { renameSpeakerFix } from '../fixes';
import { getField, TranscriptItem } from '../model';
import { editDistance, firstWords } from '../text';
import type { RuleContext } from './context';

/** who-missing, who-suspicious, who-variant, line-is-speaker: is every line attributed to a plausible, consistently spelled speaker? */

const TRAILING_PUNCTUATION = /[:.]+$/;

export function checkSpeakers(ctx: RuleContext): void {
  const lines = ctx.items.filter((item) => item.isMap && item.line !== undefined && item.header === undefined);
  const preferred = preferredSpellings(lines);
  for (const item of lines) {
    const who = getField(item.fields, 'who');
    if (!who) {
      ctx.report('who-missing', getField(item.fields, 'line')!.keySpan, `this line has no who (speaker): "${firstWords(item.line!, 40)}"`);
      continue;
    }
    if (item.who === undefined || !who.valueSpan) continue;
    const span = who.valueSpan;
    const name = item.who.trim();
    if (looksLikeSpeech(name)) {
      ctx.report('who-suspicious', span, `who "${firstWords(name, 40)}" looks like speech, not a speaker name (${describeLength(name)})`);
      continue;
    }
    const bare = name.replace(TRAILING_PUNCTUATION, '');
    const target = preferred.get(bare) ?? bare;
    if (target !== bare) {
      ctx.report('who-variant', span, `speaker '${name}' looks like a misspelling of '${target}', who speaks more often in this file`, [renameSpeakerFix(who, target)]);
    } else if (bare !== name && bare !== '') {
      ctx.report('who-suspicious', span, `speaker '${name}' ends in '${name.slice(bare.length)}'; the site shows it as typed`, [renameSpeakerFix(who, bare)]);
    }
  }
  checkLinesThatAreSpeakers(ctx, lines);
}

function looksLikeSpeech(name: string): boolean {
  return name.length > 40 || name.split(/\s+/).length > 4;
}

function describeLength(name: string): string {
  const words = name.split(/\s+/).length;
  return words > 4 ? `${words} words` : `${name.length} characters`;
}

/**
 * Maps each spelling (trailing `:`/`.` removed) to the more frequent spelling it is a variant of:
 * within edit distance 2 (1 for short names), or the same name with its ending typed twice
 * (`Adityaitya` for `Aditya`).
 */
function preferredSpellings(lines: TranscriptItem[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const item of lines) {
    if (item.who === undefined || looksLikeSpeech(item.who.trim())) continue;
    const bare = item.who.trim().replace(TRAILING_PUNCTUATION, '');
    if (bare) counts.set(bare, (counts.get(bare) ?? 0) + 1);
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

function checkLinesThatAreSpeakers(ctx: RuleContext, lines: TranscriptItem[]): void {
  const speakers = new Set<string>();
  for (const item of lines) {
    if (item.who !== undefined && !looksLikeSpeech(item.who.trim())) speakers.add(item.who.trim().replace(TRAILING_PUNCTUATION, ''));
  }
  for (const item of lines) {
    const text = item.line!.trim();
    if (text && speakers.has(text)) {
      const line = getField(item.fields, 'line')!;
      ctx.report('line-is-speaker', line.valueSpan ?? line.keySpan, `line "${item.line!.trim()}" is only a speaker's name: the text and the speaker may have shifted by one field`);
    }
  }
}

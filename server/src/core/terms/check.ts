import { getField } from '../fields';
import type { EpisodeModel, TranscriptItem } from '../model';
import { RuleContext } from '../rules/context';
import { dropUnparsableFlowFixes } from '../rules/flowFixes';
import type { Finding, TranscriptConfig } from '../types';
import type { ChangeTest } from '../rules/incremental';
import { addWordFix, replaceAllFix, replaceFixes } from './fixes';
import { isNear, Matcher, NearMiss, nearMisses } from './match';
import { soundKeys } from './phonetic';
import { episodeTerms, NO_SITE, siteIndex, TermsInput } from './sources';
import { originLabel, Term, TermIndex } from './vocabulary';
import { EpisodeWords, lineWordsOf, readWords } from './lineWords';
import { tokenTable } from './tokens';

/**
 * name-spelling and term-spelling: the words of each spoken line, and each `who`, against the
 * names this episode knows and the terms the site uses. Each line's near misses are kept per item
 * object (an edit elsewhere keeps them), for the same vocabulary.
 */
export function checkTerms(ctx: RuleContext): void {
  if ((!ctx.isEnabled('name-spelling') && !ctx.isEnabled('term-spelling')) || ctx.terms?.loading) return;
  const matcher = matcherFor(ctx, ctx.terms ?? NO_TERMS);
  const read = lineWordsOf(ctx.model);
  const kept = read?.words.table === tokenTable(matcher.english) ? read : undefined;
  const misses: NearMiss[] = [];
  for (const item of ctx.lines) {
    // Words kept from the site's count: a model checked once (the CLI), no item cache to fill.
    const line = kept ? lineMissesIn(matcher, item, ctx.model.text, kept) : lineMisses(matcher, item, ctx.model.text);
    const who = whoMisses(matcher, item, ctx.model.text, !kept);
    if (line.length > 0) misses.push(...line);
    if (who.length > 0) misses.push(...who);
  }
  const byText = new Map<string, NearMiss[]>();
  for (const miss of misses) byText.set(miss.text, [...(byText.get(miss.text) ?? []), miss]);
  for (const miss of misses) report(ctx, miss, byText.get(miss.text)!);
}

/**
 * The findings of these two rules alone, as analyze reports them among the others (fixes on flow
 * items checked alike), not yet in document order: for a host that has the other rules' findings
 * already, made while the site's terms were loading (TERMS_LOADING). The CLI checks every episode
 * that way, and these rules once the whole site is counted, on the models it kept.
 */
export function spellingFindings(model: EpisodeModel, config: TranscriptConfig, terms: TermsInput): Finding[] {
  if (!model.isEpisode || (model.syntaxErrors.length > 0 && !model.recovered)) return [];
  const ctx = new RuleContext(model, config);
  ctx.terms = terms;
  checkTerms(ctx);
  return dropUnparsableFlowFixes(model, ctx.findings);
}

/**
 * Whether a change of one item can change these findings (rules/incremental.ts): its `who` (a name
 * the episode knows, and the who's own near misses), or near misses in its line before or after,
 * found with the matcher the item was last checked with (the same: names and site are unchanged).
 */
export const termsChanged: ChangeTest = ({ before, after, oldText, newText }) => {
  if (before.kind !== after.kind || before.who !== after.who || before.speaker?.bare !== after.speaker?.bare || before.speaker?.speech !== after.speaker?.speech) return true;
  if (before.kind !== 'line') return false;
  const known = itemMisses.get(before);
  if (!known?.line || !known.who) return true;
  const matcher = known.matcher;
  return lineMisses(matcher, before, oldText).length > 0 || lineMisses(matcher, after, newText).length > 0 ||
    whoMisses(matcher, before, oldText).length > 0 || whoMisses(matcher, after, newText).length > 0;
};

function report(ctx: RuleContext, miss: NearMiss, same: readonly NearMiss[]): void {
  const best = miss.terms[0];
  const suggestions = [...new Set(miss.terms.map((term) => suggestionFor(miss.text, term)))];
  const fixes = replaceFixes(miss, suggestions);
  if (same.length > 1) fixes.push(replaceAllFix(same, suggestions[0]));
  if (!best.name && !/\s/.test(miss.text)) fixes.push(addWordFix(miss.text));
  const before = ctx.findings.length;
  ctx.report(best.name ? 'name-spelling' : 'term-spelling', miss, messageFor(miss.text, suggestions[0], best), fixes);
  if (ctx.findings.length > before) ctx.findings[before].suggestions = suggestions;
}

export function messageFor(text: string, suggestion: string, term: Term): string {
  return `'${text}' is probably '${suggestion}' (${originLabel(term.origin)})`;
}

/** A term listed in lower case, heard at the start of a sentence, is offered capitalized as heard. */
function suggestionFor(text: string, term: Term): string {
  if (/^\p{Lu}/u.test(text) && term.text === term.text.toLowerCase()) return term.text[0].toUpperCase() + term.text.slice(1);
  return term.text;
}

/**
 * Each item's near misses (its line's, its who's), relative to the item, for one matcher: one
 * entry per item, and one shared empty list for the many items without any (kept while the
 * model lives, they are garbage the collector copies). The line's words are not kept: read again
 * only when its near misses are.
 */
interface ItemMisses {
  matcher: Matcher;
  line?: readonly NearMiss[];
  who?: readonly NearMiss[];
}

const itemMisses = new WeakMap<TranscriptItem, ItemMisses>();
const NONE: readonly NearMiss[] = Object.freeze([]);

function lineMisses(matcher: Matcher, item: TranscriptItem, text: string): readonly NearMiss[] {
  return cached(item, matcher, 'line', () => lineMissesIn(matcher, item, text));
}

/** `read`: the words of the item's model, read once for the site's count (lineWords.ts). */
function lineMissesIn(matcher: Matcher, item: TranscriptItem, text: string, read?: EpisodeWords): NearMiss[] {
  const span = getField(item.fields, 'line')?.valueSpan;
  if (!span) return [];
  if (read && read.first.length > item.index + 1) return nearMisses(matcher, read.words, read.first[item.index], read.first[item.index + 1], text);
  const words = readWords(tokenTable(matcher.english), text, span.start, span.end);
  return nearMisses(matcher, words, 0, words.length, text);
}

/** A `who` is a name: only names are offered for it. `remember`: kept per item (see cached). */
function whoMisses(matcher: Matcher, item: TranscriptItem, text: string, remember = true): readonly NearMiss[] {
  const find = () => {
    const span = getField(item.fields, 'who')?.valueSpan;
    if (!span) return [];
    const misses = whoMissesOf(matcher, text.slice(span.start, span.end));
    return misses.length === 0 ? misses : misses.map((miss) => ({ ...miss, start: miss.start + span.start, end: miss.end + span.start }));
  };
  return remember ? cached(item, matcher, 'who', find) : find();
}

/** Each matcher's near misses of a `who` as written (offsets in it): an episode's few speakers are on every line. */
const whoAnswers = new WeakMap<Matcher, Map<string, NearMiss[]>>();

function whoMissesOf(matcher: Matcher, written: string): NearMiss[] {
  let known = whoAnswers.get(matcher);
  if (!known) whoAnswers.set(matcher, (known = new Map()));
  let misses = known.get(written);
  if (!misses) {
    const words = readWords(tokenTable(matcher.english), written, 0, written.length);
    misses = nearMisses(matcher, words, 0, words.length, written).flatMap((miss) => {
      const names = miss.terms.filter((term) => term.name);
      return names.length > 0 ? [{ ...miss, terms: names }] : [];
    });
    known.set(written, misses);
  }
  return misses;
}

/** Near misses shift with their item: stored relative to the item, for one matcher. */
function cached(item: TranscriptItem, matcher: Matcher, field: 'line' | 'who', find: () => NearMiss[]): readonly NearMiss[] {
  let known = itemMisses.get(item);
  if (known?.matcher !== matcher) itemMisses.set(item, (known = { matcher }));
  const base = item.region.start;
  let misses = known[field];
  if (!misses) {
    const found = find();
    known[field] = misses = found.length === 0 ? NONE : found.map((miss) => ({ ...miss, start: miss.start - base, end: miss.end - base }));
  }
  return misses.length === 0 ? NONE : misses.map((miss) => ({ ...miss, start: miss.start + base, end: miss.end + base }));
}

const NO_TERMS: TermsInput = { site: NO_SITE };

/**
 * The matcher of this episode: its own names and the site's terms. Rebuilt only when the names
 * change or the host gives new site terms, so a keystroke in a line re-checks only that line.
 */
const episodeMatchers = new Map<string, { signature: string; input: TermsInput; matcher: Matcher }>();

function matcherFor(ctx: RuleContext, input: TermsInput): Matcher {
  const terms = withoutMisheardSpeakers(episodeTerms(ctx.model, input.site));
  const signature = terms.map((t) => `${t.text}\u0000${t.origin.kind}\u0000${'fullName' in t.origin ? t.origin.fullName : ''}`).join('\u0001');
  const known = episodeMatchers.get(ctx.model.uri);
  if (known && known.signature === signature && known.input === input) return known.matcher;
  const site = siteIndex(input.site);
  const matcher: Matcher = { indexes: [new TermIndex(terms), site], site, input, english: input.site.english };
  if (episodeMatchers.size > 64) episodeMatchers.clear();
  episodeMatchers.set(ctx.model.uri, { signature, input, matcher });
  return matcher;
}

/** A speaker whose name is a near miss of a guest's (`who: Santyago` on every line, guest Santiago) is no name the episode knows. */
function withoutMisheardSpeakers(terms: Term[]): Term[] {
  const guests = terms.filter((t) => t.origin.kind === 'guest');
  return terms.filter((t) => t.origin.kind !== 'speaker' || !guests.some((g) => g.text !== t.text && isNear(t.text, g.text, soundKeys(t.text).some((k) => soundKeys(g.text).includes(k))).near));
}


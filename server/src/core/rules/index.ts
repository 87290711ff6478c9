import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import { RuleContext, shiftFinding } from './context';
import { checkControlCharacters } from './controlCharacters';
import { checkDuplicates } from './duplicates';
import { checkEpisodeMeta } from './episodeMeta';
import { dropUnparsableFlowFixes } from './flowFixes';
import { checkHeaders } from './headers';
import { checkOrder } from './order';
import { checkItemSchema, checkTopLevelSchema } from './schema';
import { checkItemSpeaker, checkSpeakers } from './speakers';
import { checkSpeechRate } from './speechRate';
import { checkSyntax } from './syntax';
import { checkItemTimes } from './time';
import { checkTimeTypos } from './timeTypo';
import { checkYoutubeId } from './youtube';
import { checkTerms } from '../terms/check';
import type { TermsInput } from '../terms/sources';

/** Checks of rules of `item` scope (registry.ts): they look at one item alone; their findings are cached per item. */
export const ITEM_CHECKS: readonly ((ctx: RuleContext, item: TranscriptItem) => void)[] = [checkItemSchema, checkItemTimes, checkItemSpeaker];
/** Checks of rules of `file` scope: across items or at the metadata; cheap scans, run on every analysis. */
const FILE_CHECKS: readonly ((ctx: RuleContext) => void)[] = [
  checkTopLevelSchema, checkOrder, checkDuplicates, checkSpeakers, checkYoutubeId, checkHeaders, checkEpisodeMeta, checkSpeechRate, checkTimeTypos, checkControlCharacters, checkTerms,
];

export interface AnalyzeOptions {
  /** 1-based line of an offset, when the caller already has a line index (the server's TextDocument). */
  lineOf?: (offset: number) => number;
  /** The site's names and terms (name-spelling, term-spelling); without them, only the episode's own. */
  terms?: TermsInput;
}

const NONE: Finding[] = [];

/**
 * Findings of the item checks per item object, for one configuration, at the offsets of `at` (the
 * item's region start when they were last placed). An edit elsewhere only moves an item
 * (parse/updateEpisode.ts keeps its object), so they stay valid, moved along; an edited item is a
 * new object. Weak: a dropped model frees its entries.
 */
const itemFindings = new WeakMap<TranscriptItem, { config: TranscriptConfig; at: number; findings: readonly Finding[] }>();

/**
 * Every finding for one episode, in document order. A front matter that does not parse gets its
 * syntax errors; when it was read unit by unit (parse/recovery/), every rule runs on the units that
 * parse too, and broken items are skipped (cross-item rules treat them as absent). A front matter
 * that could not be read that way gets only its syntax errors: the rest would describe a half-read document.
 */
export function analyze(model: EpisodeModel, config: TranscriptConfig, options: AnalyzeOptions = {}): Finding[] {
  if (!model.isEpisode) return [];
  const ctx = new RuleContext(model, config, options.lineOf);
  ctx.terms = options.terms;
  checkSyntax(ctx);
  if (model.syntaxErrors.length > 0 && !model.recovered) return sortFindings(ctx.findings);
  for (const check of FILE_CHECKS) check(ctx);
  for (const item of ctx.items) {
    if (item.kind === 'broken') continue;
    let cached = itemFindings.get(item);
    if (cached?.config !== config) {
      const found = ctx.collect(() => ITEM_CHECKS.forEach((check) => check(ctx, item)));
      cached = { config, at: item.region.start, findings: found.length === 0 ? NONE : found };
      itemFindings.set(item, cached);
    } else if (cached.at !== item.region.start && cached.findings.length > 0) {
      // Moved by an edit before it: placed once where it is now, then shared again.
      cached.findings = cached.findings.map((finding) => shiftFinding(finding, item.region.start - cached!.at));
      cached.at = item.region.start;
    }
    for (const finding of cached.findings) ctx.findings.push(finding);
  }
  return sortFindings(dropUnparsableFlowFixes(model, ctx.findings));
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

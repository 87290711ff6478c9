import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import { RuleContext } from './context';
import { checkControlCharacters } from './controlCharacters';
import { checkDuplicates } from './duplicates';
import { checkEpisodeMeta } from './episodeMeta';
import { dropUnparsableFlowFixes } from './flowFixes';
import { checkHeaders } from './headers';
import { checkOrder } from './order';
import { checkItemSchema, checkTopLevelSchema } from './schema';
import { checkSpeakers } from './speakers';
import { checkSpeechRate } from './speechRate';
import { checkSyntax } from './syntax';
import { checkItemTimes } from './time';
import { checkTimeTypos } from './timeTypo';
import { checkYoutubeId } from './youtube';
import { checkTerms } from '../terms/check';
import type { TermsInput } from '../terms/sources';

/** Checks that look at one item alone: their findings are cached per item. */
const ITEM_CHECKS = [checkItemSchema, checkItemTimes];
/** Checks that look across items or at the metadata: cheap linear scans, run on every analysis. */
const DOCUMENT_CHECKS = [checkTopLevelSchema, checkOrder, checkDuplicates, checkSpeakers, checkYoutubeId, checkHeaders, checkEpisodeMeta, checkSpeechRate, checkTimeTypos, checkControlCharacters, checkTerms];

export interface AnalyzeOptions {
  /** 1-based line of an offset, when the caller already has a line index (the server's TextDocument). */
  lineOf?: (offset: number) => number;
  /** The site's names and terms (name-spelling, term-spelling); without them, only the episode's own. */
  terms?: TermsInput;
}

const NONE: Finding[] = [];

/**
 * Findings of the item-local checks per item object, offsets relative to `region.start`, for one
 * configuration. An edit elsewhere only moves an item (parse/updateEpisode.ts keeps its object), so they
 * stay valid; an edited item is a new object. Weak: a dropped model frees its entries.
 */
const localFindings = new WeakMap<TranscriptItem, { config: TranscriptConfig; findings: readonly Finding[] }>();

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
  for (const check of DOCUMENT_CHECKS) check(ctx);
  for (const item of ctx.items) {
    if (item.kind === 'broken') continue;
    let cached = localFindings.get(item);
    if (cached?.config !== config) {
      const found = ctx.collect(() => ITEM_CHECKS.forEach((check) => check(ctx, item)));
      cached = { config, findings: found.length === 0 ? NONE : found.map((f) => shiftFinding(f, -item.region.start)) };
      localFindings.set(item, cached);
    }
    for (const finding of cached.findings) ctx.findings.push(shiftFinding(finding, item.region.start));
  }
  return sortFindings(dropUnparsableFlowFixes(model, ctx.findings));
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function shiftFinding(finding: Finding, delta: number): Finding {
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })),
  };
}

import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import { RuleContext, shiftFinding } from './context';
import { checkControlCharacters, controlCharactersChanged } from './controlCharacters';
import { checkDuplicates, duplicatesAround, duplicatesChanged } from './duplicates';
import { checkEpisodeMeta, episodeMetaChanged } from './episodeMeta';
import { dropUnparsableFlowFixes } from './flowFixes';
import { checkHeaders, headersChanged } from './headers';
import { checkOrder, orderChanged } from './order';
import { checkItemSchema, checkTopLevelSchema } from './schema';
import { checkItemSpeaker, checkSpeakers, speakersChanged } from './speakers';
import { checkSpeechRate, speechRateChanged } from './speechRate';
import { checkSyntax } from './syntax';
import { checkItemTimes } from './time';
import { checkTimeTypos, timeTyposChanged } from './timeTypo';
import { checkYoutubeId } from './youtube';
import { checkTerms, termsChanged } from '../terms/check';
import { ChangeTest, count, incrementalStats, keptFindings, LocalRecheck, Previous, previousAnalysis, recheckedAround, remember } from './incremental';
import type { TermsInput } from '../terms/sources';

/** Checks of rules of `item` scope (registry.ts): they look at one item alone; their findings are cached per item. */
export const ITEM_CHECKS: readonly ((ctx: RuleContext, item: TranscriptItem) => void)[] = [checkItemSchema, checkItemTimes, checkItemSpeaker];

/**
 * Checks of rules of `file` scope: across items or at the metadata. Each names what it reads of an
 * item (`changed`, rules/incremental.ts): after an edit of one item that changed none of it, its
 * findings of the last analysis are kept, moved; otherwise it runs again.
 */
const FILE_CHECKS: readonly { check: (ctx: RuleContext) => void; changed: ChangeTest; local?: LocalRecheck; readsTerms?: true }[] = [
  { check: checkTopLevelSchema, changed: () => false }, // The metadata only.
  { check: checkOrder, changed: orderChanged },
  { check: checkDuplicates, changed: duplicatesChanged, local: duplicatesAround },
  { check: checkSpeakers, changed: speakersChanged },
  { check: checkYoutubeId, changed: () => false }, // The metadata only.
  { check: checkHeaders, changed: headersChanged },
  { check: checkEpisodeMeta, changed: episodeMetaChanged },
  { check: checkSpeechRate, changed: speechRateChanged },
  { check: checkTimeTypos, changed: timeTyposChanged },
  { check: checkControlCharacters, changed: controlCharactersChanged },
  { check: checkTerms, changed: termsChanged, readsTerms: true }, // Runs again when the site's terms change (they finished loading).
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
  const previous = previousAnalysis(model, config, options.terms);
  const byCheck = FILE_CHECKS.map(({ check, changed, local, readsTerms }, i) => {
    const kept = previous && keptFindings(previous, i, changed, ctx.items, readsTerms);
    if (kept) {
      count(incrementalStats.kept, check.name);
      return kept;
    }
    const rechecked = previous && recheckedAround(previous, i, local, ctx, readsTerms);
    if (rechecked) {
      count(incrementalStats.local, check.name);
      return rechecked;
    }
    count(incrementalStats.ran, check.name);
    return ctx.collect(() => check(ctx));
  });
  const itemFindings = (previous && itemFindingsAfter(ctx, previous)) ?? ctx.items.flatMap((item) => itemChecks(ctx, item).map((finding) => ({ owner: item.index, finding })));
  remember(model, config, options.terms, byCheck, itemFindings);
  for (const found of byCheck) for (const finding of found) ctx.findings.push(finding);
  for (const { finding } of itemFindings) ctx.findings.push(finding);
  return sortFindings(dropUnparsableFlowFixes(model, ctx.findings));
}

/** The item checks' findings after one item changed: the others' kept (moved), the changed one's checked. */
function itemFindingsAfter(ctx: RuleContext, { analysed, change }: Previous): { owner: number; finding: Finding }[] | undefined {
  if (change.index < 0) return analysed.itemFindings;
  const out: { owner: number; finding: Finding }[] = [];
  let added = false;
  const addChanged = () => {
    added = true;
    for (const finding of itemChecks(ctx, change.after)) out.push({ owner: change.index, finding });
  };
  for (const entry of analysed.itemFindings) {
    if (entry.owner < change.index) out.push(entry);
    else if (entry.owner > change.index) {
      if (!added) addChanged();
      out.push({ owner: entry.owner, finding: shiftFinding(entry.finding, change.delta) });
    }
  }
  if (!added) addChanged();
  return out;
}

/** One item's findings: cached with the item object and moved with it. */
function itemChecks(ctx: RuleContext, item: TranscriptItem): readonly Finding[] {
  if (item.kind === 'broken') return NONE;
  let cached = itemFindings.get(item);
  if (cached?.config !== ctx.config) {
    const found = ctx.collect(() => ITEM_CHECKS.forEach((check) => check(ctx, item)));
    cached = { config: ctx.config, at: item.region.start, findings: found.length === 0 ? NONE : found };
    itemFindings.set(item, cached);
  } else if (cached.at !== item.region.start && cached.findings.length > 0) {
    // Moved by an edit before it: placed once where it is now, then shared again.
    cached.findings = cached.findings.map((finding) => shiftFinding(finding, item.region.start - cached!.at));
    cached.at = item.region.start;
  }
  return cached.findings;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

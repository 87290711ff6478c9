import type { EpisodeModel, TranscriptItem } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import { RuleContext } from './context';
import { checkDuplicates } from './duplicates';
import { checkHeaders } from './headers';
import { checkOrder } from './order';
import { checkItemSchema, checkTopLevelSchema } from './schema';
import { checkSpeakers } from './speakers';
import { checkSyntax } from './syntax';
import { checkItemTimes } from './time';
import { checkYoutubeId } from './youtube';

/** Checks that look at one item alone: their findings are cached per item (see ItemMemo). */
const ITEM_CHECKS = [checkItemSchema, checkItemTimes];
/** Checks that look across items or at the metadata: cheap linear scans, run on every analysis. */
const DOCUMENT_CHECKS = [checkTopLevelSchema, checkOrder, checkDuplicates, checkSpeakers, checkYoutubeId, checkHeaders];

/**
 * Item-local findings of unchanged items, kept between versions of a document. Offsets are relative
 * to the item's region, so an edit elsewhere (which only moves the item) leaves them valid; an
 * edited item is a new object, so it misses the cache.
 */
export interface ItemMemo {
  config?: TranscriptConfig;
  byItem: WeakMap<TranscriptItem, Finding[]>;
}

export function createItemMemo(): ItemMemo {
  return { byItem: new WeakMap() };
}

export interface AnalyzeOptions {
  memo?: ItemMemo;
  /** 1-based line of an offset, when the caller already has a line index (the server's TextDocument). */
  lineOf?: (offset: number) => number;
}

const NONE: Finding[] = [];

/**
 * Every finding for one episode, in document order. A front matter that does not parse gets only
 * its syntax errors: the rest would describe a half-read document.
 */
export function analyze(model: EpisodeModel, config: TranscriptConfig, options: AnalyzeOptions = {}): Finding[] {
  if (!model.isEpisode) return [];
  const ctx = new RuleContext(model, config, options.lineOf);
  if (model.syntaxErrors.length > 0) {
    checkSyntax(ctx);
    return sortFindings(ctx.findings);
  }
  for (const check of DOCUMENT_CHECKS) check(ctx);
  const memo = options.memo;
  if (memo && memo.config !== config) {
    memo.config = config;
    memo.byItem = new WeakMap();
  }
  for (const item of ctx.items) {
    let relative = memo?.byItem.get(item);
    if (!relative) {
      const found = ctx.collect(() => ITEM_CHECKS.forEach((check) => check(ctx, item)));
      relative = found.length === 0 ? NONE : found.map((f) => shiftFinding(f, -item.region.start));
      memo?.byItem.set(item, relative);
    }
    for (const finding of relative) ctx.findings.push(shiftFinding(finding, item.region.start));
  }
  return sortFindings(ctx.findings);
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

import type { EpisodeModel } from '../model';
import type { Finding, TranscriptConfig } from '../types';
import { RuleContext } from './context';
import { checkDuplicates } from './duplicates';
import { checkHeaders } from './headers';
import { checkOrder } from './order';
import { checkSchema } from './schema';
import { checkSpeakers } from './speakers';
import { checkSyntax } from './syntax';
import { checkTimes } from './time';
import { checkYoutubeId } from './youtube';

const CONTENT_CHECKS = [checkSchema, checkTimes, checkOrder, checkDuplicates, checkSpeakers, checkYoutubeId, checkHeaders];

/**
 * Every finding for one episode, in document order. A front matter that does not parse gets only
 * its syntax errors: the rest would describe a half-read document.
 */
export function analyze(model: EpisodeModel, config: TranscriptConfig): Finding[] {
  if (!model.isEpisode) return [];
  const ctx = new RuleContext(model, config);
  if (model.syntaxErrors.length > 0) checkSyntax(ctx);
  else for (const check of CONTENT_CHECKS) check(ctx);
  return ctx.findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

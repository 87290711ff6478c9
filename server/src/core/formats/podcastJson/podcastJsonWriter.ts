import type { EpisodeModel } from '../../model';
import { episodeCues } from '../cues/episodeCues';
import { hasName, speakerlessWarning } from '../speakers/speakerLabel';
import type { ExportResult } from '../../convert/types';

/**
 * Podcasting 2.0 JSON transcript (`<podcast:transcript type="application/json">`):
 * `{"version":"1.0.0","segments":[{"speaker","startTime","endTime","body"}]}`, one segment per cue
 * (episodeCues.ts), times in seconds with milliseconds, the cue's text lines joined by a space; `speaker`
 * left out when the line has none.
 */
export function writePodcastJson(model: EpisodeModel): ExportResult {
  const { cues, warnings } = episodeCues(model);
  const segments = cues.map((cue) => ({
    ...(hasName(cue.who) ? { speaker: cue.who } : {}),
    startTime: cue.startMs / 1000,
    endTime: cue.endMs / 1000,
    body: cue.lines.join(' '),
  }));
  return { text: `${JSON.stringify({ version: '1.0.0', segments }, null, 2)}\n`, warnings: [...warnings, ...speakerlessWarning(cues)] };
}

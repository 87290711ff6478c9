import { applyEdits } from '../fixAll';
import type { EpisodeModel } from '../model';
import { parseEpisode } from '../parse/parseEpisode';
import type { TextEdit } from '../types';
import type { UnitRepairs } from './repairs';

/**
 * Repairs are checked on their own unit (repairs.ts), which holds while another unit stays broken:
 * the front matter is still read unit by unit, with one error less. Repairing the last broken unit
 * hands the whole front matter back to the parser, and a layout no single unit shows (keys under
 * `transcript:` above its list, a first key indented above the others) then fails at every later
 * token. So whatever leaves no unit broken must make the whole front matter parse: a repair of the
 * only broken unit that does not is dropped; when fix-all would repair every broken unit and the
 * result does not parse, the last repair leaves fix-all (its unit is still broken after the others).
 */
export function keepRepairsThatParseInPlace(model: EpisodeModel, repairs: readonly (UnitRepairs | undefined)[]): void {
  if (!model.recovered || repairs.length === 0) return;
  if (repairs.length === 1) {
    const only = repairs[0];
    if (only) only.fixes = only.fixes.filter((fix) => parsesWhole(model, fix.edits));
    return;
  }
  const safe = repairs.map((repair) => repair?.fixes.find((fix) => fix.safe));
  if (safe.some((fix) => fix === undefined)) return;
  if (!parsesWhole(model, safe.flatMap((fix) => fix!.edits))) safe[safe.length - 1]!.safe = false;
}

function parsesWhole(model: EpisodeModel, edits: readonly TextEdit[]): boolean {
  return parseEpisode(applyEdits(model.text, edits), model.uri, { maxFrontMatterKB: model.limits?.maxKB }).syntaxErrors.length === 0;
}

import { keepRepairsThatParseInPlace } from '../repair/inPlace';
import { repairUnit } from '../repair/repairs';
import type { RuleContext } from './context';

const MAX_REPAIRED_UNITS = 20;

/**
 * yaml-syntax: the parser's own errors. When the front matter was read unit by unit, each error is
 * confined to one item or one top-level value, shown on the broken value, with its repairs.
 */
export function checkSyntax(ctx: RuleContext): void {
  let repaired = 0;
  const errors = ctx.model.syntaxErrors;
  // Hundreds of broken units is not a slip of the hand: past this many, the errors come without repairs (and stay fast).
  const repairs = errors.map((error) => (error.unit && repaired++ < MAX_REPAIRED_UNITS ? repairUnit(ctx.model, error.unit) : undefined));
  keepRepairsThatParseInPlace(ctx.model, repairs);
  for (const [i, error] of errors.entries()) {
    const unitRepairs = repairs[i];
    if (!unitRepairs) {
      ctx.report('yaml-syntax', error.span, `the front matter does not parse: ${error.message}`);
      continue;
    }
    const rest = ctx.model.recovered ? '; the rest of the front matter is checked' : '';
    ctx.report('yaml-syntax', unitRepairs.span, `the front matter does not parse: ${error.message} (in ${unitRepairs.where})${rest}`, unitRepairs.fixes);
  }
}

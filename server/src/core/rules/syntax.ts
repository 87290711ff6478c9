import type { RuleContext } from './context';

/** yaml-syntax: the parser's own errors, where it stopped. */
export function checkSyntax(ctx: RuleContext): void {
  for (const error of ctx.model.syntaxErrors) ctx.report('yaml-syntax', error.span, `the front matter does not parse: ${error.message}`);
}

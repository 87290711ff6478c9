import type { Finding, Span } from '../types';

/**
 * Semantic tokens for what a grammar cannot know: a speaker spelled unlike the file's majority
 * (`who-variant`) and a `time` that names another second than its `sec` (`time-mismatch`). Standard
 * LSP token types and modifiers, so any client can colour them; the VS Code extension maps them to
 * `invalid.*` TextMate scopes (`semanticTokenScopes`) so every theme does.
 */
export const TOKEN_TYPES = ['variable', 'number'] as const;
export const TOKEN_MODIFIERS = ['deprecated', 'modification'] as const;

export interface EpisodeToken extends Span {
  type: (typeof TOKEN_TYPES)[number];
  modifiers: (typeof TOKEN_MODIFIERS)[number][];
}

const TOKEN_OF_RULE: Record<string, Pick<EpisodeToken, 'type' | 'modifiers'>> = {
  'who-variant': { type: 'variable', modifiers: ['deprecated'] },
  'time-mismatch': { type: 'number', modifiers: ['modification'] },
};

export function semanticTokens(findings: readonly Finding[]): EpisodeToken[] {
  const tokens: EpisodeToken[] = [];
  for (const finding of findings) {
    const token = TOKEN_OF_RULE[finding.rule];
    if (token) tokens.push({ start: finding.start, end: finding.end, ...token });
  }
  return tokens;
}

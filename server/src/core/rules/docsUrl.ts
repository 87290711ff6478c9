import type { RuleId } from '../types';

/**
 * The project's public address: package.json's `repository` (a test keeps the two the same), where
 * the rule pages live. No repository had been published when this was written: the address was chosen
 * after the publisher's name; change it here and in package.json together.
 */
export const REPOSITORY_URL = 'https://github.com/podcast-transcripts/podcast-transcripts';

/** The branch whose docs the links name. */
export const DOCS_BRANCH = 'main';

/** The page of a rule, `docs/rules/<id>.md`, as the repository host shows it: what a diagnostic's `codeDescription` opens. */
export function ruleDocsUrl(id: RuleId): string {
  return `${REPOSITORY_URL}/blob/${DOCS_BRANCH}/docs/rules/${id}.md`;
}

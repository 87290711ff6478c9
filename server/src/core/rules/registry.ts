import type { RuleId, RuleSetting, Severity, TranscriptConfig } from '../types';

/**
 * Every rule, and how much of the episode its findings depend on (`scope`), which decides what a
 * keystroke re-checks (rules/index.ts):
 * - `item`: a finding depends on one transcript item alone (its fields and text). The rule's check
 *   goes in ITEM_CHECKS as `(ctx, item) => void`; its findings are cached with the item object, and
 *   an edit re-checks only the item it touched (parse/updateEpisode.ts keeps every other item's object).
 *   Prefer this scope: it costs nothing per keystroke for the items not edited.
 * - `file`: a finding looks across items (order, runs, counts) or at the metadata. The check goes in
 *   FILE_CHECKS as `(ctx) => void` and runs on every analysis, so it must be a cheap scan: whatever it
 *   computes per item (a normalised text, a label) is cached per item object, and the messages and
 *   fixes of a group of items are built once while the group is unchanged (`ctx.memo`).
 * - `workspace`: needs other files (the server's workspace index, the CLI's file list); not run by analyze.
 * A rule reported by both an item check and a file check (schema-type: item fields and top-level keys)
 * is marked `item`: only item-scoped rules may be reported from ITEM_CHECKS (a test holds it to that).
 */

export type RuleScope = 'item' | 'file' | 'workspace';

export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line for docs, `--help` and SARIF. */
  description: string;
  /** Off unless a configuration names a severity for it (the rule needs a setting to mean anything). */
  offByDefault?: boolean;
  /** What its findings depend on: one item, the whole file, or other files (see above). */
  scope: RuleScope;
}

/** Every rule the checker knows, in the order the docs list them. Ids are a public contract. */
export const RULES: readonly RuleInfo[] = [
  { id: 'yaml-syntax', scope: 'file', defaultSeverity: 'error', description: 'The front matter does not parse as YAML.' },
  { id: 'schema-type', scope: 'item', defaultSeverity: 'error', description: 'A known key holds the wrong kind of value.' },
  { id: 'item-unknown-key', scope: 'item', defaultSeverity: 'error', description: 'A transcript item has a key other than line, header, sec, time, who.' },
  { id: 'item-shape', scope: 'item', defaultSeverity: 'error', description: 'A transcript item is not a map, or has both or neither of header and line.' },
  { id: 'time-malformed', scope: 'item', defaultSeverity: 'error', description: 'time is not M:SS or H:MM:SS.' },
  { id: 'time-mismatch', scope: 'item', defaultSeverity: 'error', description: 'time names a different second than sec.' },
  { id: 'time-noncanonical', scope: 'item', defaultSeverity: 'warning', description: 'time names the same second as sec but is spelled differently.' },
  { id: 'time-missing', scope: 'item', defaultSeverity: 'warning', description: 'A line has sec but no time.' },
  { id: 'sec-missing', scope: 'item', defaultSeverity: 'warning', description: 'A line has time but no sec.' },
  { id: 'sec-order', scope: 'file', defaultSeverity: 'warning', description: 'sec is lower than the previous timed line.' },
  { id: 'item-duplicate', scope: 'file', defaultSeverity: 'warning', description: 'The same header, or the same line text, twice in a row.' },
  { id: 'who-missing', scope: 'item', defaultSeverity: 'warning', description: 'A line without who.' },
  { id: 'who-suspicious', scope: 'file', defaultSeverity: 'warning', description: 'A who that looks like speech or ends in : or .' },
  { id: 'who-variant', scope: 'file', defaultSeverity: 'warning', description: 'A speaker spelled two ways in one file.' },
  { id: 'line-is-speaker', scope: 'file', defaultSeverity: 'warning', description: 'A line whose whole text is a speaker name.' },
  { id: 'youtube-id-invalid', scope: 'file', defaultSeverity: 'error', description: 'ids.youtube is not a YouTube id, or differs from links.youtube.' },
  { id: 'header-hidden', scope: 'file', defaultSeverity: 'hint', description: 'A header with no timed line before the next header (the site hides it).' },
  { id: 'duration-mismatch', scope: 'file', defaultSeverity: 'warning', description: 'duration is not the last sec minus the first sec.' },
  { id: 'clip-mismatch', scope: 'file', defaultSeverity: 'warning', description: 'A quotableClips entry whose url t= or video id disagrees with startOffset or ids.youtube, or that ends before it starts.' },
  { id: 'transcript-copy', scope: 'workspace', defaultSeverity: 'warning', description: "An episode whose spoken lines are (almost) all another episode's (workspace check)." },
  { id: 'chapters-file-mismatch', scope: 'workspace', defaultSeverity: 'warning', offByDefault: true, description: "The episode's headers and its chapter file (chapters.filePattern) disagree. Off by default." },
  { id: 'speech-rate', scope: 'file', defaultSeverity: 'warning', description: 'Between two times, far more words than anyone speaks in that time, or minutes with almost none: a wrong sec or a repeated paragraph.' },
  { id: 'control-character', scope: 'file', defaultSeverity: 'error', description: 'A control character (NUL, ESC, DEL, NEL…) or a line separator written as it is in the front matter.' },
  { id: 'sec-off-speech', scope: 'file', defaultSeverity: 'information', description: "A timed line's sec is more than audio.toleranceSeconds from the nearest start of speech in the media." },
  { id: 'media-offset', scope: 'file', defaultSeverity: 'warning', description: 'The whole transcript is shifted against its media by a constant number of seconds.' },
  { id: 'speech-untranscribed', scope: 'file', defaultSeverity: 'information', description: 'At least audio.untranscribedSeconds of speech in the media with no line for it.' },
  { id: 'sec-past-media', scope: 'file', defaultSeverity: 'error', description: 'A sec after the end of the media.' },
  { id: 'name-spelling', scope: 'file', defaultSeverity: 'warning', description: "A word in a line, or a who, that is a near miss of a name the episode knows (its guests, speakers, title)." },
  { id: 'term-spelling', scope: 'file', defaultSeverity: 'information', description: 'A word, or two or three heard as one, that is a near miss of a term the site uses or a well-known software, company or data-science term.' },
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id as RuleId);
}

/** Whether a string from outside (a setting, a config file, `--rule`) names a rule. */
export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id as RuleId);
}

/** A rule's severity under a configuration: the setting, else the rule's default; `off` turns it off. */
export function ruleSetting(config: TranscriptConfig, id: RuleId): RuleSetting {
  const info = ruleInfo(id);
  return config.rules[id] ?? (info?.offByDefault ? 'off' : info?.defaultSeverity) ?? 'warning';
}

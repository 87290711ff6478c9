import type { RuleId, RuleSetting, Severity, TranscriptConfig } from '../types';

export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line for docs, `--help` and SARIF. */
  description: string;
  /** Off unless a configuration names a severity for it (the rule needs a setting to mean anything). */
  offByDefault?: boolean;
}

/** Every rule the checker knows, in the order the README documents them. Ids are a public contract. */
export const RULES: readonly RuleInfo[] = [
  { id: 'yaml-syntax', defaultSeverity: 'error', description: 'The front matter does not parse as YAML.' },
  { id: 'schema-type', defaultSeverity: 'error', description: 'A known key holds the wrong kind of value.' },
  { id: 'item-unknown-key', defaultSeverity: 'error', description: 'A transcript item has a key other than line, header, sec, time, who.' },
  { id: 'item-shape', defaultSeverity: 'error', description: 'A transcript item is not a map, or has both or neither of header and line.' },
  { id: 'time-malformed', defaultSeverity: 'error', description: 'time is not M:SS or H:MM:SS.' },
  { id: 'time-mismatch', defaultSeverity: 'error', description: 'time names a different second than sec.' },
  { id: 'time-noncanonical', defaultSeverity: 'warning', description: 'time names the same second as sec but is spelled differently.' },
  { id: 'time-missing', defaultSeverity: 'warning', description: 'A line has sec but no time.' },
  { id: 'sec-missing', defaultSeverity: 'warning', description: 'A line has time but no sec.' },
  { id: 'sec-order', defaultSeverity: 'warning', description: 'sec is lower than the previous timed line.' },
  { id: 'item-duplicate', defaultSeverity: 'warning', description: 'The same header, or the same line text, twice in a row.' },
  { id: 'who-missing', defaultSeverity: 'warning', description: 'A line without who.' },
  { id: 'who-suspicious', defaultSeverity: 'warning', description: 'A who that looks like speech or ends in : or .' },
  { id: 'who-variant', defaultSeverity: 'warning', description: 'A speaker spelled two ways in one file.' },
  { id: 'line-is-speaker', defaultSeverity: 'warning', description: 'A line whose whole text is a speaker name.' },
  { id: 'youtube-id-invalid', defaultSeverity: 'error', description: 'ids.youtube is not a YouTube id, or differs from links.youtube.' },
  { id: 'header-hidden', defaultSeverity: 'hint', description: 'A header with no timed line before the next header (the site hides it).' },
  { id: 'duration-mismatch', defaultSeverity: 'warning', description: 'duration is not the last sec minus the first sec.' },
  { id: 'clip-mismatch', defaultSeverity: 'warning', description: 'A quotableClips entry whose url t= or video id disagrees with startOffset or ids.youtube, or that ends before it starts.' },
  { id: 'transcript-copy', defaultSeverity: 'warning', description: "An episode whose spoken lines are (almost) all another episode's (workspace check)." },
  { id: 'chapters-file-mismatch', defaultSeverity: 'warning', offByDefault: true, description: "The episode's headers and its chapter file (chapters.filePattern) disagree. Off by default." },
  { id: 'speech-rate', defaultSeverity: 'warning', description: 'Between two times, far more words than anyone speaks in that time, or minutes with almost none: a wrong sec or a repeated paragraph.' },
  { id: 'control-character', defaultSeverity: 'error', description: 'A control character (NUL, ESC, DEL, NEL…) or a line separator written as it is in the front matter.' },
  { id: 'sec-off-speech', defaultSeverity: 'information', description: "A timed line's sec is more than audio.toleranceSeconds from the nearest start of speech in the media." },
  { id: 'media-offset', defaultSeverity: 'warning', description: 'The whole transcript is shifted against its media by a constant number of seconds.' },
  { id: 'speech-untranscribed', defaultSeverity: 'information', description: 'At least audio.untranscribedSeconds of speech in the media with no line for it.' },
  { id: 'sec-past-media', defaultSeverity: 'error', description: 'A sec after the end of the media.' },
  { id: 'name-spelling', defaultSeverity: 'warning', description: "A word in a line, or a who, that is a near miss of a name the episode knows (its guests, speakers, title)." },
  { id: 'term-spelling', defaultSeverity: 'information', description: 'A word, or two or three heard as one, that is a near miss of a term the site uses or a well-known software, company or data-science term.' },
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

/**
 * Plain data shared by every part of the core. Positions are offsets into the whole document
 * text (JavaScript string offsets, i.e. UTF-16 code units); converting them to line/character
 * happens at the edge (server or CLI) with `TextDocument.positionAt`.
 */

export const RULE_SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof RULE_SEVERITIES)[number];
export type RuleSetting = Severity | 'off';

/** Every rule id: a public contract (settings, `.transcriptlintrc.json`, `--rule`, SARIF), so a misspelt id does not compile. */
export const RULE_IDS = [
  'yaml-syntax', 'schema-type', 'item-unknown-key', 'item-shape', 'time-malformed', 'time-mismatch', 'time-noncanonical',
  'time-missing', 'sec-missing', 'sec-order', 'item-duplicate', 'who-missing', 'who-suspicious', 'who-variant',
  'line-is-speaker', 'youtube-id-invalid', 'header-hidden', 'duration-mismatch', 'clip-mismatch', 'transcript-copy',
  'chapters-file-mismatch', 'speech-rate', 'control-character', 'name-spelling', 'term-spelling', 'sec-off-speech', 'media-offset', 'speech-untranscribed', 'sec-past-media',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor should apply by default (shown first, used by "auto fix"). */
  isPreferred?: boolean;
  /** Safe fixes are applied by fix-all (editor on save, `transcript-lint --fix`). */
  safe: boolean;
  /** A word to add to `words` of the nearest `.transcriptlintrc.json`: the host writes that file (`edits` is empty). */
  addWord?: string;
  /** A command the fix runs instead of (or after) its edits, e.g. Shift Times with an offset. */
  command?: { command: string; arguments: unknown[] };
}

export interface Finding extends Span {
  rule: RuleId;
  severity: Severity;
  message: string;
  fixes: Fix[];
  /**
   * The value a fix would copy may be wrong too (a `sec` computed from the same typo as its `time`):
   * its fixes are offered side by side and fix-all never applies them.
   */
  uncertain?: boolean;
  /** name-spelling, term-spelling: the right words, best first (the CLI's json `suggestions`, SARIF `fixes`). */
  suggestions?: string[];
}

export interface TranscriptConfig {
  /** Severity overrides per rule id. */
  rules: Record<string, RuleSetting>;
  /** `sec-order` fires only when `sec` drops by more than this. */
  toleranceSeconds: number;
  /** Front matter size limit in KB (`transcripts.limits.frontMatterKB`; default 512). */
  frontMatterKB?: number;
  /** chapters-file-mismatch: where an episode's chapter list is kept, relative to the episode's folder, `{name}` its file name without `.md` (e.g. `../podcast-timestamps/{name}.txt`). */
  chaptersFilePattern?: string;
  /** speech-rate: more words a minute than this between two times (`transcripts.speechRate.maxWordsPerMinute`; default 350). */
  maxWordsPerMinute?: number;
  /** The site's own words (`words`, as cspell's): terms never flagged, offered as the right spelling. */
  words?: readonly string[];
  /** name-spelling: the people files' folder relative to the episode's folder (default `../_people`). */
  peopleFolder?: string;
  /** The audio rules (`transcripts.audio.*`, config key `audio`). */
  audio?: AudioConfig;
}

export interface AudioConfig {
  /** Run the audio rules when the media is found (default true). */
  enabled?: boolean;
  /** sec-off-speech: how far (s) a `sec` may be from a speech onset (default 1.5). */
  toleranceSeconds?: number;
  /** speech-untranscribed: the least speech (s) with no line that is reported (default 20). */
  untranscribedSeconds?: number;
  /** Where the CLI looks for media (folders relative to the working folder). */
  mediaFolders?: string[];
}

export const DEFAULT_CONFIG: TranscriptConfig = { rules: {}, toleranceSeconds: 0 };

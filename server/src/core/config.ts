import { isRuleId } from './rules/registry';
import { AudioConfig, RULE_SEVERITIES, RuleSetting, TranscriptConfig } from './types';

/** One source of configuration (a file, the editor settings, the command line); unset values are absent. */
export interface ConfigLayer {
  rules: Record<string, RuleSetting>;
  toleranceSeconds?: number;
  frontMatterKB?: number;
  chaptersFilePattern?: string;
  maxWordsPerMinute?: number;
  words?: string[];
  peopleFolder?: string;
  /** Globs of files the command-line tools and Check All Episodes leave out, relative to the config file's folder. */
  ignores?: string[];
  audio?: AudioConfig;
}

const SETTINGS = new Set<string>([...RULE_SEVERITIES, 'off']);

/**
 * Reads a configuration from untrusted JSON (a `.transcriptlintrc.json`, or editor settings):
 * `{ "rules": { "<rule id>": "<severity>|off" }, "toleranceSeconds": n }`. Problems are returned
 * as messages; valid parts are kept.
 */
export function readConfig(raw: unknown): { config: ConfigLayer; problems: string[] } {
  const problems: string[] = [];
  const config: ConfigLayer = { rules: {} };
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, problems: ['the configuration must be a JSON object'] };
  const { rules, toleranceSeconds, frontMatterKB, chapters, speechRate, words, peopleFolder, ignores, audio } = raw as Record<string, unknown>;
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) problems.push('"rules" must be an object of rule id to severity');
    else for (const [id, value] of Object.entries(rules)) addRule(config, id, value, problems);
  }
  if (toleranceSeconds !== undefined) {
    if (typeof toleranceSeconds === 'number' && Number.isFinite(toleranceSeconds) && toleranceSeconds >= 0) config.toleranceSeconds = toleranceSeconds;
    else problems.push('"toleranceSeconds" must be a number of seconds, 0 or more');
  }
  if (frontMatterKB !== undefined) {
    if (typeof frontMatterKB === 'number' && Number.isFinite(frontMatterKB) && frontMatterKB >= 1) config.frontMatterKB = frontMatterKB;
    else problems.push('"frontMatterKB" must be a number of kilobytes, 1 or more');
  }
  if (chapters !== undefined) readChaptersConfig(config, chapters, problems);
  if (speechRate !== undefined) readSpeechRateConfig(config, speechRate, problems);
  if (words !== undefined) {
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) config.words = words.map((w) => w.trim()).filter((w) => w !== '');
    else problems.push('"words" must be a list of words');
  }
  if (peopleFolder !== undefined && peopleFolder !== '') {
    if (typeof peopleFolder === 'string' && !/^(?:[\\/]|[A-Za-z]:|[a-z][a-z0-9+.-]*:\/\/)/i.test(peopleFolder)) config.peopleFolder = peopleFolder;
    else problems.push('"peopleFolder" must be a path relative to the episodes\' folder, e.g. "../_people"');
  }
  if (ignores !== undefined) {
    if (Array.isArray(ignores) && ignores.every((glob) => typeof glob === 'string' && glob.trim() !== '')) config.ignores = ignores as string[];
    else problems.push('"ignores" must be a list of globs, e.g. ["_podcast/_template.md", "drafts/**"]');
  }
  if (audio !== undefined) readAudioConfig(config, audio, problems);
  return { config, problems };
}

/** `"chapters": { "filePattern": "../podcast-timestamps/{name}.txt" }`: a relative path holding `{name}`. */
function readChaptersConfig(config: ConfigLayer, chapters: unknown, problems: string[]): void {
  const pattern = (chapters as { filePattern?: unknown } | null)?.filePattern;
  if (typeof chapters !== 'object' || chapters === null || Array.isArray(chapters)) problems.push('"chapters" must be an object ({ "filePattern": "../podcast-timestamps/{name}.txt" })');
  else if (pattern === undefined || pattern === '') return;
  else if (typeof pattern !== 'string' || !pattern.includes('{name}') || /^(?:[\\/]|[A-Za-z]:|[a-z][a-z0-9+.-]*:\/\/)/i.test(pattern)) {
    problems.push('"chapters.filePattern" must be a path relative to the episode\'s folder holding {name}, e.g. "../podcast-timestamps/{name}.txt"');
  } else config.chaptersFilePattern = pattern;
}

/** `"speechRate": { "maxWordsPerMinute": 350 }`. */
function readSpeechRateConfig(config: ConfigLayer, speechRate: unknown, problems: string[]): void {
  const max = (speechRate as { maxWordsPerMinute?: unknown } | null)?.maxWordsPerMinute;
  if (typeof speechRate !== 'object' || speechRate === null || Array.isArray(speechRate)) problems.push('"speechRate" must be an object ({ "maxWordsPerMinute": 350 })');
  else if (max === undefined) return;
  else if (typeof max === 'number' && Number.isFinite(max) && max > 0) config.maxWordsPerMinute = max;
  else problems.push('"speechRate.maxWordsPerMinute" must be a number of words, more than 0');
}

/** `"audio": false | { "enabled", "toleranceSeconds", "untranscribedSeconds", "mediaFolders" }`. */
function readAudioConfig(config: ConfigLayer, audio: unknown, problems: string[]): void {
  if (typeof audio === 'boolean') {
    config.audio = { enabled: audio };
    return;
  }
  if (typeof audio !== 'object' || audio === null || Array.isArray(audio)) {
    problems.push('"audio" must be true, false or an object ({ "enabled": true, "toleranceSeconds": 1.5, "untranscribedSeconds": 20, "mediaFolders": ["media"] })');
    return;
  }
  const { enabled, toleranceSeconds, untranscribedSeconds, mediaFolders } = audio as Record<string, unknown>;
  const read: AudioConfig = {};
  if (enabled !== undefined) {
    if (typeof enabled === 'boolean') read.enabled = enabled;
    else problems.push('"audio.enabled" must be true or false');
  }
  const seconds = (value: unknown, key: string, set: (n: number) => void) => {
    if (value === undefined) return;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) set(value);
    else problems.push(`"audio.${key}" must be a number of seconds, 0 or more`);
  };
  seconds(toleranceSeconds, 'toleranceSeconds', (n) => (read.toleranceSeconds = n));
  seconds(untranscribedSeconds, 'untranscribedSeconds', (n) => (read.untranscribedSeconds = n));
  if (mediaFolders !== undefined) {
    if (Array.isArray(mediaFolders) && mediaFolders.every((f) => typeof f === 'string' && f !== '')) read.mediaFolders = mediaFolders as string[];
    else problems.push('"audio.mediaFolders" must be a list of folder paths');
  }
  config.audio = read;
}

/**
 * What a repository's own `.transcriptlintrc.json` may not set in a workspace the user has not
 * trusted (as VS Code's restricted settings): the size limit, and paths that could lead out of it.
 * Returns the layer without them and the keys it dropped, as the file spells them.
 */
export function withoutRestrictedKeys(layer: ConfigLayer): { config: ConfigLayer; dropped: string[] } {
  const { frontMatterKB, chaptersFilePattern, peopleFolder, ...rest } = layer;
  const dropped = [
    ...(frontMatterKB !== undefined ? ['frontMatterKB'] : []),
    ...(chaptersFilePattern !== undefined ? ['chapters.filePattern'] : []),
    ...(peopleFolder !== undefined ? ['peopleFolder'] : []),
  ];
  const config: ConfigLayer = { ...rest };
  if (rest.audio?.mediaFolders) {
    const { mediaFolders: _ignored, ...audio } = rest.audio;
    config.audio = audio;
    dropped.push('audio.mediaFolders');
  }
  return { config, dropped };
}

export function addRule(config: ConfigLayer, id: string, value: unknown, problems: string[]): void {
  if (!isRuleId(id)) problems.push(`unknown rule '${id}'`);
  else if (typeof value !== 'string' || !SETTINGS.has(value)) problems.push(`rule '${id}': severity must be one of ${[...SETTINGS].join(', ')}`);
  else config.rules[id] = value as RuleSetting;
}

/** Later layers win, rule by rule and value by value. */
export function mergeConfigs(...layers: ConfigLayer[]): TranscriptConfig {
  const merged: TranscriptConfig = { rules: {}, toleranceSeconds: 0 };
  for (const layer of layers) {
    Object.assign(merged.rules, layer.rules);
    if (layer.toleranceSeconds !== undefined) merged.toleranceSeconds = layer.toleranceSeconds;
    if (layer.frontMatterKB !== undefined) merged.frontMatterKB = layer.frontMatterKB;
    if (layer.chaptersFilePattern !== undefined) merged.chaptersFilePattern = layer.chaptersFilePattern;
    if (layer.maxWordsPerMinute !== undefined) merged.maxWordsPerMinute = layer.maxWordsPerMinute;
    // Words add up, as cspell's do: the editor's settings cannot take a site's words away.
    if (layer.words !== undefined) merged.words = [...new Set([...(merged.words ?? []), ...layer.words])];
    if (layer.peopleFolder !== undefined) merged.peopleFolder = layer.peopleFolder;
    if (layer.audio !== undefined) merged.audio = { ...merged.audio, ...layer.audio };
  }
  return merged;
}

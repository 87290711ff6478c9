/**
 * Which file names are an episode's media: pure (no VS Code API), so it is unit-tested on names.
 * A name is taken only when it says it is this episode's: never a neighbour's.
 */

/** In order of preference: formats every VS Code plays first, AAC containers (not in desktop VS Code) last. */
export const MEDIA_EXTENSIONS = ['.mp3', '.ogg', '.oga', '.opus', '.wav', '.flac', '.webm', '.m4a', '.mp4'];

export interface MediaNameHints {
  youtube?: string;
  season?: number;
  episode?: number;
}

export type NameRule = (stem: string) => boolean;

/** Next to the episode only this: its own name. */
export function sameNameRule(base: string): NameRule {
  return (s) => s === base;
}

/** In a media folder, in order: the episode's name, its YouTube id, its season and episode (`s04e01`). */
export function folderRules(base: string, hints: MediaNameHints): NameRule[] {
  return [
    sameNameRule(base),
    ...(hints.youtube ? [idRule(hints.youtube)] : []),
    ...(hints.season !== undefined && hints.episode !== undefined ? [seasonRule(hints.season, hints.episode)] : []),
  ];
}

/** The first media file name (by extension preference) that `rule` accepts. */
export function pickMediaName(names: readonly string[], rule: NameRule): string | undefined {
  const candidates = names.filter((n) => MEDIA_EXTENSIONS.includes(extension(n)) && rule(stem(n)));
  candidates.sort((a, b) => MEDIA_EXTENSIONS.indexOf(extension(a)) - MEDIA_EXTENSIONS.indexOf(extension(b)));
  return candidates[0];
}

/**
 * The episode's YouTube id inside the name, with no letter or digit right before or after it
 * (`talk-Xk3pT9qLm2A`, `Xk3pT9qLm2A_final`), so it is not part of a longer word.
 */
function idRule(id: string): NameRule {
  return (s) => {
    for (let at = s.indexOf(id); at >= 0; at = s.indexOf(id, at + 1)) {
      if (!/[A-Za-z0-9]/.test(s[at - 1] ?? '') && !/[A-Za-z0-9]/.test(s[at + id.length] ?? '')) return true;
    }
    return false;
  };
}

/** `s04e01`, `S4E1`, `podcast-s04e01-final`: but not s04e010 or s104e01. */
function seasonRule(season: number, episode: number): NameRule {
  const pattern = new RegExp(`(?:^|[^a-z0-9])s0*${season}e0*${episode}(?![0-9])`, 'i');
  return (s) => pattern.test(s);
}

export function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

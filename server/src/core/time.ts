/** The `time` label format the site's import scripts write: `H:MM:SS` when there are hours, else `M:SS`. */
export function formatTime(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export type ParsedTime =
  | { ok: true; seconds: number }
  | { ok: false; reason: string };

const TIME_PATTERN = /^(\d+):(\d+)(?::(\d+))?$/;

/**
 * Reads a `time` label. Accepts `M:SS` (any number of minutes, so `60:08` is well formed but
 * non-canonical) and `H:MM:SS`; seconds (and minutes when hours are given) must be two digits 00–59.
 */
export function parseTime(label: string): ParsedTime {
  const match = TIME_PATTERN.exec(label);
  if (!match) {
    if (/[\r\n]/.test(label)) return { ok: false, reason: 'it is broken across lines' };
    return { ok: false, reason: 'it is not M:SS or H:MM:SS' };
  }
  const [, first, second, third] = match;
  if (third === undefined) {
    if (!isTwoDigitSexagesimal(second)) return { ok: false, reason: 'seconds must be two digits, 00–59' };
    return { ok: true, seconds: Number(first) * 60 + Number(second) };
  }
  if (!isTwoDigitSexagesimal(second)) return { ok: false, reason: 'minutes must be two digits, 00–59, when hours are given' };
  if (!isTwoDigitSexagesimal(third)) return { ok: false, reason: 'seconds must be two digits, 00–59' };
  return { ok: true, seconds: Number(first) * 3600 + Number(second) * 60 + Number(third) };
}

function isTwoDigitSexagesimal(field: string): boolean {
  return field.length === 2 && Number(field) < 60;
}

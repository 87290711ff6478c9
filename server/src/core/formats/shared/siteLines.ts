/**
 * What the site's two import scripts (`scripts/transcript.py`, `scripts/yamlify_transcript.py`) share,
 * written to give the same results: how a line is cleaned, which lines are timestamps, and the
 * `time` label they write.
 */

/** Python's `str.strip()` white space (str.isspace), which differs from JavaScript's `trim()`. */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const BOM_STRIP = /^\uFEFF+|\uFEFF+$/g;

/** Python's `str.strip()`. */
export function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** `clean_line`: `line.strip().strip('\uFEFF')`. */
export function cleanLine(line: string): string {
  return pyStrip(line).replace(BOM_STRIP, '');
}

/** Python's `' '.join(text.split())`: runs of white space as one space, none at the ends. */
export function collapseSpace(text: string): string {
  return cleanLine(text.replace(new RegExp(`[${PY_SPACE}]+`, 'g'), ' '));
}

export interface SiteTimestamp {
  sec: number;
  /** The label the scripts write: `m:ss` below an hour, else `h:mm:ss`. */
  time: string;
}

const TWO_PART = /^\[?(\d+):(\d+)\]?$/;
const THREE_PART = /^\[?(\d+):(\d+):(\d+)\]?$/;

/**
 * `try_parse_time`: `[m:ss]`, `m:ss`, `[h:mm:ss]` or `h:mm:ss` (the brackets need not pair); in the
 * two-part form minutes of 60 or more roll over into hours. Fields are not range-checked, as in the scripts.
 */
export function parseSiteTimestamp(line: string): SiteTimestamp | undefined {
  const two = TWO_PART.exec(line);
  if (two) {
    const minutes = Number(two[1]);
    return fromParts(Math.floor(minutes / 60), minutes % 60, Number(two[2]));
  }
  const three = THREE_PART.exec(line);
  return three ? fromParts(Number(three[1]), Number(three[2]), Number(three[3])) : undefined;
}

function fromParts(h: number, m: number, s: number): SiteTimestamp {
  const ss = String(s).padStart(2, '0');
  const time = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return { sec: h * 3600 + m * 60 + s, time };
}

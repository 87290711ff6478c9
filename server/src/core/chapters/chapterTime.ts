/** The clock labels chapter lists are written with (whole seconds; hours are never dropped where a format needs them). */

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function parts(sec: number): [number, number, number] {
  const s = Math.max(0, Math.floor(sec));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
}

/** The site's `HH:MM:SS` (`podcast-timestamps/`): two digits each, hours always. */
export function clockLabel(sec: number): string {
  const [h, m, s] = parts(sec);
  return `${two(h)}:${two(m)}:${two(s)}`;
}

/** YouTube's description style: `MM:SS` below an hour (zero-padded to five characters), `H:MM:SS` from an hour on. */
export function youtubeLabel(sec: number): string {
  const [h, m, s] = parts(sec);
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** A WebVTT timestamp, `HH:MM:SS.mmm`. */
export function vttLabel(sec: number): string {
  const whole = Math.floor(sec);
  const millis = Math.round((sec - whole) * 1000);
  return `${clockLabel(whole)}.${String(millis).padStart(3, '0')}`;
}

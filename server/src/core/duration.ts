/**
 * The episode's `duration`: an ISO 8601 duration that the site's scripts derive from the transcript
 * (last `sec` minus first `sec`, FINDINGS.md section 12), written `PT01H05M23S` with the hours always
 * two digits and a zero minutes or seconds part left out (`PT01H35S`, `PT01H05M`).
 */

const ISO_DURATION = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

/** Seconds of a `PT#H#M#S` duration, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** The site's spelling of a whole number of seconds. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `PT${two(hours)}H${minutes > 0 ? `${two(minutes)}M` : ''}${seconds > 0 ? `${two(seconds)}S` : ''}`;
}

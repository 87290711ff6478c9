/**
 * The waveform lane's lines (client/webview/waveform.ts), kept pure so they are tested in Node:
 * the line being played is the one with the latest `sec` at or before the player's time, of equal
 * ones the last in the file, as the transcript's follow highlight chooses it (core/features/player.ts).
 */

export interface LaneLine {
  index: number;
  sec: number;
  end?: number;
  who?: string;
  text: string;
}

/** The lines by `sec`; equal ones keep their file order (the sort is stable). */
export function orderBySecond(lines: readonly LaneLine[]): LaneLine[] {
  return [...lines].sort((a, b) => a.sec - b.sec);
}

/** The line spoken at `t` in lines ordered by orderBySecond; undefined before the first. */
export function lineAtSecond(bySecond: readonly LaneLine[], t: number): LaneLine | undefined {
  let lo = 0;
  let hi = bySecond.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bySecond[mid].sec <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? bySecond[lo - 1] : undefined;
}

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
  const at = lastStartingBy(bySecond, t);
  return at >= 0 ? bySecond[at] : undefined;
}

/** The position of the last line with `sec` at or before `t`; −1 before the first. */
function lastStartingBy(bySecond: readonly LaneLine[], t: number): number {
  let lo = 0;
  let hi = bySecond.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bySecond[mid].sec <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The lines whose span (from `sec` to the next line's) meets the window from `from` to `to` seconds, in
 * lines ordered by orderBySecond: the lines at the `sec` spoken at `from`, and every line starting before `to`.
 */
export function linesInWindow(bySecond: readonly LaneLine[], from: number, to: number): LaneLine[] {
  let first = Math.max(0, lastStartingBy(bySecond, from));
  while (first > 0 && bySecond[first - 1].sec === bySecond[first].sec) first--;
  const found: LaneLine[] = [];
  for (let i = first; i < bySecond.length && bySecond[i].sec < to; i++) found.push(bySecond[i]);
  return found;
}

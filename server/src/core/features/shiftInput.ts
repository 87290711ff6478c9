import { formatTime, parseTime } from '../time';

/**
 * What the user types for "Shift Times From Here": `+7`, `-1:30`, `+1:00:05` move by that much;
 * `=12:34` moves the first timed item to 12:34 and the rest with it. Seconds may carry an `s`.
 * Pure and dependency-free, so the VS Code client can validate the input box with it.
 */
export type ShiftAmount = { delta: number } | { to: number };

export function parseShiftAmount(input: string): ShiftAmount | { error: string } {
  const text = input.replace(/\s+/g, '');
  const match = /^([+\-−=])(.+)$/.exec(text);
  if (!match) return { error: "Start with + or - to move by an amount (+7, -1:30), or = to move to a time (=12:34)." };
  const seconds = readSeconds(match[2]);
  if (seconds === undefined) return { error: `'${match[2]}' is not a number of seconds (7, 90s) or a time (1:30, 1:02:03).` };
  if (match[1] === '=') return { to: seconds };
  return { delta: match[1] === '+' ? seconds : -seconds };
}

export function readSeconds(text: string): number | undefined {
  if (/^\d+s?$/.test(text)) {
    const n = parseInt(text, 10);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const parsed = parseTime(text);
  return parsed.ok ? parsed.seconds : undefined;
}

/** `+7 s`, `−90 s (1:30)`, as shown in messages. */
export function describeDelta(delta: number): string {
  const size = Math.abs(delta);
  return `${delta < 0 ? '−' : '+'}${size} s${size >= 60 ? ` (${formatTime(size)})` : ''}`;
}

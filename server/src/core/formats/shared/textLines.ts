/** A text input's lines, as every text reader numbers them (1-based in messages): CR LF, LF or CR end a line; a leading BOM is dropped. */
export function textLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** The count and the noun, `1 cue` / `3 cues`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Quoted input in a message: the start of a long line only. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

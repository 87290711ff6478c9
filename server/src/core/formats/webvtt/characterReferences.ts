import entities from 'webvtt-parser/html-entities.json';

/**
 * HTML character references as the WebVTT cue-text tokenizer reads them ("consume a character
 * reference" of the HTML standard): every named reference of HTML's table, the legacy ones
 * (`&amp`, `&copy`) also without `;`, and numeric ones in decimal or hex. Unknown names stay as written.
 */

// Longest names: 31 letters ("&CounterClockwiseContourIntegral;"); legacy names without `;`: 6.
const REFERENCE = /&(?:#[xX]([0-9A-Fa-f]{1,8});?|#([0-9]{1,8});?|([A-Za-z][A-Za-z0-9]{0,31};?))/g;
const LONGEST_LEGACY = 6;
const REPLACEMENT = '\uFFFD';

/** Every reference in `text` decoded (a voice's name, `<v R&amp;D Lead>`). */
export function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, hex?: string, dec?: string, name?: string) => decodeOne(whole, hex, dec, name) ?? whole);
}

/**
 * The references the parser's own tokenizer leaves or misreads (hex digits above 9, code points past
 * U+FFFF, legacy names without `;`) decoded before it runs; what would then read as markup or end a
 * line (`<`, `&`, `>`, CR, LF) is written back as a reference the tokenizer decodes itself. An unknown
 * name keeps its text with its `&` as `&#38;`: the parser would otherwise look it up against every
 * name in the table, which makes a file of many such references slow.
 */
export function normalizeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, hex?: string, dec?: string, name?: string) => {
    const decoded = decodeOne(whole, hex, dec, name);
    if (decoded === undefined) return `&#38;${whole.slice(1)}`;
    return decoded.replace(/[<&>\r\n]/g, (char) => `&#${char.charCodeAt(0)};`);
  });
}

function decodeOne(whole: string, hex: string | undefined, dec: string | undefined, name: string | undefined): string | undefined {
  if (name === undefined) return codePoint(hex !== undefined ? parseInt(hex, 16) : Number(dec));
  const exact = entities[`&${name}`];
  if (exact !== undefined) return exact;
  // A legacy name followed by other letters: HTML reads the longest legacy name and keeps the rest (`&copy2024`).
  for (let length = Math.min(LONGEST_LEGACY, name.length - 1); length >= 2; length--) {
    const legacy = entities[`&${name.slice(0, length)}`];
    if (legacy !== undefined) return legacy + whole.slice(length + 1);
  }
  return undefined;
}

/** Zero, surrogates and values past U+10FFFF become U+FFFD, as in HTML. */
function codePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return REPLACEMENT;
  return String.fromCodePoint(code);
}

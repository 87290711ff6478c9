import { Lexer } from 'yaml';

/**
 * What the checker parses at all. A front matter beyond these is reported, not parsed: the YAML
 * parser needs about a second per 500 KB (more for pathological shapes), and an editor waits for
 * every request; nesting deeper than the parser's recursion can take overflows the stack at a
 * depth that depends on the caller, so the result would differ from one call to the next.
 * The longest real episode has 140 KB and 2,016 lines of front matter and nests 4 levels deep.
 */
export const FRONT_MATTER_LIMITS = {
  /** Characters of YAML. */
  length: 512 * 1024,
  lines: 20_000,
  /** Flow collections (`[`, `{`) open at once. */
  depth: 500,
  /** Columns of indentation and block indicators (`- `, `? `, `: `) before a line's content. */
  indent: 1000,
} as const;

export interface LimitProblem {
  message: string;
  /** Offset in the YAML text where the limit is passed. */
  offset: number;
}

/** The size limit in KB when the configuration does not set one (`transcripts.limits.frontMatterKB`). */
export const DEFAULT_FRONT_MATTER_KB = FRONT_MATTER_LIMITS.length / 1024;

/**
 * Why this YAML is too large or too deep to parse, or undefined. Linear and cheap: it runs on every
 * parse. `maxKB` raises or lowers the size limits (length, and lines in proportion) for users who
 * accept a slower open for a larger file; the depth limits protect the parser and stay.
 */
export function frontMatterProblem(yaml: string, maxKB = DEFAULT_FRONT_MATTER_KB): LimitProblem | undefined {
  return checkFrontMatter(yaml, maxKB).problem;
}

/** The limit check and, when it passes, the number of lines (kept by the model for the keystroke path). */
export function checkFrontMatter(yaml: string, maxKB = DEFAULT_FRONT_MATTER_KB): { problem?: LimitProblem; lines: number } {
  return scanLimits(yaml, maxKB);
}

/** The limits after an edit inside one item: the old text passed, so only the sizes and the item's own lines can fail. */
export function editedItemProblem(itemText: string, frontMatterLength: number, frontMatterLines: number, maxKB = DEFAULT_FRONT_MATTER_KB): boolean {
  if (frontMatterLength > maxKB * 1024 || frontMatterLines > maxLinesFor(maxKB)) return true;
  return scanLimits(itemText, maxKB).problem !== undefined;
}

export function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

function maxLinesFor(maxKB: number): number {
  return Math.round((FRONT_MATTER_LIMITS.lines * maxKB) / DEFAULT_FRONT_MATTER_KB);
}

/** One pass over the text: the first limit it passes, or its number of lines (as countLines counts them) when it passes none. */
function scanLimits(yaml: string, maxKB: number): { problem?: LimitProblem; lines: number } {
  const problem = (found: LimitProblem) => ({ problem: found, lines: 0 });
  const maxLength = maxKB * 1024;
  const maxLines = maxLinesFor(maxKB);
  if (yaml.length > maxLength) {
    return problem({ message: `it is too large to check (${kb(yaml.length)}; the limit is ${kb(maxLength)}): raise transcripts.limits.frontMatterKB to check it`, offset: 0 });
  }
  let lines = 1;
  let brackets = 0;
  let lineStart = true;
  let lead = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && yaml.charCodeAt(i + 1) === 10) i++;
      if (++lines > maxLines) return problem({ message: `it is too long to check (over ${maxLines.toLocaleString('en')} lines): raise transcripts.limits.frontMatterKB to check it`, offset: i + 1 });
      lineStart = true;
      lead = 0;
      continue;
    }
    if (lineStart) {
      // space, tab, '-', '?', ':'
      if (c === 32 || c === 9 || c === 45 || c === 63 || c === 58) {
        if (++lead > FRONT_MATTER_LIMITS.indent) return problem({ message: `it is nested too deeply to check (a line indented over ${FRONT_MATTER_LIMITS.indent} columns)`, offset: i });
      } else lineStart = false;
    }
    if (c === 91 || c === 123) brackets++;
  }
  const deep = brackets > FRONT_MATTER_LIMITS.depth ? flowDepthProblem(yaml) : undefined;
  return deep ? problem(deep) : { lines };
}

/** The exact depth of flow collections, from the YAML lexer (brackets inside quoted or plain text do not count). */
function flowDepthProblem(yaml: string): LimitProblem | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(yaml)) {
    if (token === '[' || token === '{') {
      if (++depth > FRONT_MATTER_LIMITS.depth) return { message: `it is nested too deeply to check (over ${FRONT_MATTER_LIMITS.depth} levels of [ ] or { })`, offset };
    } else if ((token === ']' || token === '}') && depth > 0) depth--;
    // Control tokens of the lexer (one character below U+0020) take no room in the source.
    if (!(token.length === 1 && token.charCodeAt(0) < 0x20 && token !== '\t' && token !== '\n' && token !== '\r')) offset += token.length;
  }
  return undefined;
}

function kb(chars: number): string {
  return `${Math.round(chars / 1024).toLocaleString('en')} KB`;
}

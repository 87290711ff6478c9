/** Types for npm `webvtt-parser` (the W3C validator's parser, which ships none): only what the reader uses. */
declare module 'webvtt-parser' {
  export interface CueNode {
    type: 'text' | 'object' | 'timestamp';
    /** `text`: the text; `object`: the tag's annotation (`<v Name>`), references not decoded. */
    value?: string | number;
    /** `object`: `v`, `c`, `i`, `b`, `u`, `ruby`, `rt`, `lang`. */
    name?: string;
    children?: CueNode[];
  }
  export interface ParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    /** The cue's text lines as written, joined with LF. */
    text: string;
    tree: { children: CueNode[] };
  }
  export interface ParseError {
    message: string;
    /** 1-based. */
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: ParsedCue[]; errors: ParseError[] };
  }
}

declare module 'webvtt-parser/html-entities.json' {
  /** HTML's named character references, `&amp;` → `&`; the legacy ones also without `;` (`&amp`). */
  const entities: Record<string, string>;
  export default entities;
}

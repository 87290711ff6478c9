import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Position, Range } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/core/rules/docsUrl';
import {
  analyze, documentLinks, documentSymbols, EpisodeModel, Finding, fixAllAction, foldingSpans, hoverAt, parseEpisode, quickFixes, semanticTokens, TranscriptConfig, videoAt,
} from '../../server/src/core';
import { FIX_ALL_KIND, toCodeAction, toDocumentLink, toDocumentSymbol, toFoldingRanges, toHover, toSemanticTokens } from '../../server/src/convert';
import { buildDictionaries, Dictionaries } from '../../server/src/core/terms/dictionaries';
import type { TermsInput } from '../../server/src/core/terms/sources';
import { readDictionaryFiles } from '../../server/src/node/termDictionaries';

/**
 * The oracle of the differential tests: what a fresh, full analysis of a text says, with nothing
 * remembered from earlier versions, turned into LSP values the way the brief fixes it
 * (`TextDocument.positionAt` on core offsets). The server's answers after incremental edits must
 * equal these.
 */

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

let dictionaries: Dictionaries | undefined;
const termsByWords = new Map<string, TermsInput>();

/**
 * The names and terms the server checks a document of these tests with: its dictionaries and the
 * configuration's `words`; no people files and no other episodes (the tests' URIs have no folder).
 */
export function serverTerms(config: TranscriptConfig): TermsInput {
  const words = config.words ?? [];
  const key = words.join('\n');
  let input = termsByWords.get(key);
  if (!input) {
    dictionaries ??= buildDictionaries(readDictionaryFiles());
    input = { site: { people: new Map(), episodeCounts: new Map(), words, english: dictionaries.english, lists: dictionaries.lists } };
    termsByWords.set(key, input);
  }
  return input;
}

export class Fresh {
  readonly doc: TextDocument;
  private parsed?: { model: EpisodeModel; findings: Finding[] };

  constructor(readonly uri: string, readonly text: string, readonly config: TranscriptConfig, version = 0) {
    this.doc = TextDocument.create(uri, 'markdown', version, text);
  }

  /** Parsed on first use, so a test can send its requests before paying for the oracle. */
  get model(): EpisodeModel {
    return this.analysis().model;
  }

  get findings(): Finding[] {
    return this.analysis().findings;
  }

  private analysis(): { model: EpisodeModel; findings: Finding[] } {
    // Two separate parses: the findings must not depend on anything computed for the features.
    return (this.parsed ??= { model: parseEpisode(this.text, this.uri), findings: analyze(parseEpisode(this.text, this.uri), this.config, { terms: serverTerms(this.config) }) });
  }

  /** Converted here, not with convert.ts, so a conversion bug there shows too. */
  diagnostics(): Diagnostic[] {
    return this.findings.map((f) => ({
      range: { start: this.doc.positionAt(f.start), end: this.doc.positionAt(f.end) },
      severity: SEVERITY[f.severity],
      source: 'transcripts',
      code: f.rule,
      codeDescription: { href: ruleDocsUrl(f.rule) },
      message: f.message,
    }));
  }

  hover(position: Position): Hover | null {
    const hover = hoverAt(this.model, this.doc.offsetAt(position));
    return hover ? toHover(this.doc, hover) : null;
  }

  videoAt(position: Position): { url: string; sec: number } | null {
    return (this.model.isEpisode ? videoAt(this.model, this.doc.offsetAt(position)) : undefined) ?? null;
  }

  symbols(): DocumentSymbol[] {
    return this.model.isEpisode ? documentSymbols(this.model).map((s) => toDocumentSymbol(this.doc, s)) : [];
  }

  folding(): FoldingRange[] {
    return this.model.isEpisode ? toFoldingRanges(this.doc, foldingSpans(this.model)) : [];
  }

  links(): DocumentLink[] {
    return this.model.isEpisode ? documentLinks(this.model).map((l) => toDocumentLink(this.doc, l)) : [];
  }

  /** The token data only: the result id counts requests. */
  semanticTokens(): number[] {
    return toSemanticTokens(this.doc, semanticTokens(this.findings)).data;
  }

  codeActions(range: Range, only?: string[]): CodeAction[] {
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const span = { start: this.doc.offsetAt(range.start), end: this.doc.offsetAt(range.end) };
    const actions = wants('quickfix') ? quickFixes(this.findings, span) : [];
    const fixAll = wants(FIX_ALL_KIND) ? fixAllAction(this.findings, this.text, (text) => analyze(parseEpisode(text, this.uri), this.config, { terms: serverTerms(this.config) })) : undefined;
    return (fixAll ? [...actions, fixAll] : actions).map((a) => toCodeAction(this.doc, a));
  }
}

/** What a JSON-RPC round trip leaves of a value (undefined fields dropped). */
export function wire<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

/** Undefined when equal after a round trip; else a short description of the first difference. */
export function difference(what: string, actual: unknown, expected: unknown): string | undefined {
  const a = wire(actual);
  const e = wire(expected);
  if (isDeepStrictEqual(a, e)) return undefined;
  return `${what} differs from a fresh full analysis: ${firstDifference(a, e, '')}`;
}

function firstDifference(a: unknown, e: unknown, at: string): string {
  if (Array.isArray(a) && Array.isArray(e)) {
    for (let i = 0; i < Math.max(a.length, e.length); i++) {
      if (!isDeepStrictEqual(a[i], e[i])) {
        if (i >= a.length || i >= e.length) return `${at}: ${a.length} items, expected ${e.length} (first extra/missing at [${i}]: ${short(a[i] ?? e[i])})`;
        return firstDifference(a[i], e[i], `${at}[${i}]`);
      }
    }
  }
  if (a && e && typeof a === 'object' && typeof e === 'object' && !Array.isArray(a) && !Array.isArray(e)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    for (const key of keys) {
      const av = (a as Record<string, unknown>)[key];
      const ev = (e as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(av, ev)) return firstDifference(av, ev, `${at}.${key}`);
    }
  }
  return `${at || '(root)'}: got ${short(a)}, expected ${short(e)}`;
}

function short(value: unknown): string {
  const s = JSON.stringify(value) ?? 'undefined';
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

/** The problem with a position, or undefined when it addresses a real spot of the document (never past a line's end). */
export function badPosition(doc: TextDocument, p: Position | undefined): string | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not a position: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= doc.lineCount) return `line ${p.line} outside 0..${doc.lineCount - 1}`;
  const lineRange = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/(\r\n|\r|\n)$/, '');
  if (p.character < 0 || p.character > lineRange.length) return `character ${p.character} outside 0..${lineRange.length} on line ${p.line}`;
  return undefined;
}

export function badRange(doc: TextDocument, r: Range | undefined, what: string): string | undefined {
  if (!r) return `${what}: no range`;
  const problem = badPosition(doc, r.start) ?? badPosition(doc, r.end);
  if (problem) return `${what}: range ${JSON.stringify(r)} is outside the document: ${problem}`;
  if (doc.offsetAt(r.start) > doc.offsetAt(r.end)) return `${what}: range ${JSON.stringify(r)} ends before it starts`;
  return undefined;
}

/** Every range an answer holds, checked against the document it was computed for. */
export function rangeProblems(doc: TextDocument, answers: {
  diagnostics?: Diagnostic[]; hovers?: (Hover | null)[]; symbols?: DocumentSymbol[] | null; folding?: FoldingRange[] | null;
  links?: DocumentLink[] | null; actions?: CodeAction[] | null;
}): string[] {
  const problems: (string | undefined)[] = [];
  for (const d of answers.diagnostics ?? []) problems.push(badRange(doc, d.range, `diagnostic ${d.code}`));
  for (const h of answers.hovers ?? []) if (h?.range) problems.push(badRange(doc, h.range, 'hover'));
  const walk = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      problems.push(badRange(doc, s.range, `symbol ${s.name}`), badRange(doc, s.selectionRange, `symbol ${s.name} selection`));
      if (s.children) walk(s.children);
    }
  };
  walk(answers.symbols ?? []);
  for (const f of answers.folding ?? []) {
    if (!(f.startLine >= 0 && f.endLine < doc.lineCount && f.startLine <= f.endLine)) problems.push(`folding range ${f.startLine}-${f.endLine} outside 0..${doc.lineCount - 1}`);
  }
  for (const l of answers.links ?? []) {
    problems.push(badRange(doc, l.range, 'link'));
    if (l.target !== undefined && !VIDEO_URL.test(l.target)) problems.push(`link target ${l.target} is not a validated video URL`);
  }
  for (const a of answers.actions ?? []) {
    for (const d of a.diagnostics ?? []) problems.push(badRange(doc, d.range, `code action '${a.title}' diagnostic`));
    for (const [uri, edits] of Object.entries(a.edit?.changes ?? {})) {
      if (uri !== doc.uri) problems.push(`code action '${a.title}' edits another document ${uri}`);
      for (const e of edits) problems.push(badRange(doc, e.range, `code action '${a.title}' edit`));
    }
  }
  return problems.filter((p): p is string => p !== undefined);
}

/** Semantic tokens (relative encoding) that do not lie on one line's content. */
export function tokenProblems(doc: TextDocument, data: number[]): string[] {
  const problems: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine, deltaStart, length] = data.slice(i, i + 3);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const problem = badPosition(doc, { line, character }) ?? badPosition(doc, { line, character: character + length });
    if (problem || length <= 0) problems.push(`semantic token ${i / 5} at ${line}:${character} length ${length} is not inside its line: ${problem ?? 'empty'}`);
  }
  return problems;
}

/** The only URL the product may produce. */
export const VIDEO_URL = /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d+$/;

import type { AddWordArgs } from './protocol';
import {
  SemanticTokens, SemanticTokensBuilder, CompletionItem, CompletionItemKind, CodeLens, InsertTextFormat, SymbolInformation,
  CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DocumentLink, DocumentSymbol, ErrorCodes, FoldingRange, Hover, MarkupKind, Position,
  Range, ResponseError, SymbolKind, TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOKEN_MODIFIERS, TOKEN_TYPES, ruleDocsUrl } from './core';
import type {
  EpisodeToken, EpisodeCodeAction, EpisodeCodeLens, EpisodeCompletion, EpisodeHover, EpisodeLink, EpisodeSymbol, Finding, Severity, Span, TextEdit as CoreEdit,
} from './core';
import { Commands } from './protocol';

/**
 * The one edge between the core (offsets, plain data) and LSP (UTF-16 line/character positions):
 * every conversion to an LSP type is here.
 */

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.transcripts`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * A request's position as an offset in the document. Anything but `{ line, character }` with whole
 * numbers 0 or more is refused (InvalidParams): `offsetAt` would turn it into offset 0 or NaN and
 * answer for the wrong place, as it did for a `vscode.Position` structured-cloned into a web worker.
 */
export function toOffset(doc: TextDocument, position: Position): number {
  const { line, character } = (position ?? {}) as Partial<Position>;
  if (!isCount(line) || !isCount(character)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `position must be { line, character } with whole numbers 0 or more, got ${JSON.stringify(position)}`);
  }
  return doc.offsetAt({ line, character });
}

function isCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0;
}

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(doc, finding),
    severity: SEVERITY[finding.severity],
    source: 'transcripts',
    code: finding.rule,
    // As markdownlint's do: the rule id in the Problems panel opens the rule's page.
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
  };
}

/** A finding of a file the server no longer holds the text of, at a range it kept. */
export function toDiagnosticAt(finding: Finding, range: Range): Diagnostic {
  return { ...toDiagnostic(NO_TEXT, finding), range };
}
const NO_TEXT = TextDocument.create('file:///', 'markdown', 0, '');

export function toTextEdits(doc: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(doc, edit), newText: edit.newText }));
}

export function toCodeAction(doc: TextDocument, action: EpisodeCodeAction): CodeAction {
  if (action.addWord !== undefined) {
    const args: AddWordArgs = { uri: doc.uri, word: action.addWord };
    return { title: action.title, kind: CodeActionKind.QuickFix, diagnostics: action.findings.map((f) => toDiagnostic(doc, f)), command: { title: action.title, command: Commands.addWord, arguments: [args] } };
  }
  return {
    title: action.title,
    kind: action.kind === 'source.fixAll' ? FIX_ALL_KIND : CodeActionKind.QuickFix,
    diagnostics: action.findings.map((f) => toDiagnostic(doc, f)),
    isPreferred: action.isPreferred,
    ...(action.edits.length > 0 || !action.command ? { edit: { changes: { [doc.uri]: toTextEdits(doc, action.edits) } } } : {}),
    ...(action.command ? { command: { title: action.title, ...action.command } } : {}),
  };
}

/**
 * Headers (and the spoken lines under them) are String, the kind Markdown's own outline gives its headings
 * (vscode-markdown-languageservice); only the groups of a very long transcript are containers.
 */
const SYMBOL_KIND: Record<EpisodeSymbol['kind'], SymbolKind> = { section: SymbolKind.String, line: SymbolKind.String, group: SymbolKind.Namespace };

export function toDocumentSymbol(doc: TextDocument, symbol: EpisodeSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(doc, symbol.range),
    selectionRange: toRange(doc, symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(doc, child)),
  };
}

/** Line-based folding ranges; spans that fit on one line are dropped. */
export function toFoldingRanges(doc: TextDocument, spans: Span[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const span of spans) {
    const startLine = doc.positionAt(span.start).line;
    const endLine = doc.positionAt(Math.max(span.start, span.end - 1)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}

export function toHover(doc: TextDocument, hover: EpisodeHover): Hover {
  // Plain MarkupContent: the client renders it untrusted; file text in it is escaped by the core.
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(doc, hover.span) };
}

export function toDocumentLink(doc: TextDocument, link: EpisodeLink): DocumentLink {
  return { range: toRange(doc, link.span), target: link.url, tooltip: link.tooltip };
}

export const SEMANTIC_LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** Tokens in document order, each within one line (a value that wraps is cut at the line end). */
export function toSemanticTokens(doc: TextDocument, tokens: EpisodeToken[]): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    const start = doc.positionAt(token.start);
    const end = doc.positionAt(token.end);
    const length = end.line === start.line ? end.character - start.character : doc.offsetAt({ line: start.line + 1, character: 0 }) - token.start - 1;
    if (length <= 0) continue;
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(start.line, start.character, length, TOKEN_TYPES.indexOf(token.type), modifiers);
  }
  return builder.build();
}

const COMPLETION_KIND: Record<EpisodeCompletion['kind'], CompletionItemKind> = {
  speaker: CompletionItemKind.Value,
  key: CompletionItemKind.Property,
  item: CompletionItemKind.Snippet,
};

export function toCompletionItem(doc: TextDocument, completion: EpisodeCompletion, snippets: boolean, retriggerCommand?: string): CompletionItem {
  return {
    label: completion.label,
    kind: COMPLETION_KIND[completion.kind],
    detail: completion.detail,
    sortText: completion.sortText,
    filterText: completion.filterText,
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toRange(doc, completion.span), newText: snippets ? completion.snippet : completion.text },
    command: completion.retrigger && retriggerCommand ? { title: 'Suggest', command: retriggerCommand } : undefined,
  };
}

/** The lens runs the server's own open-video command with the URL the core built; its title is a time label. */
export function toCodeLens(doc: TextDocument, lens: EpisodeCodeLens): CodeLens {
  const at = doc.positionAt(lens.span.start);
  return { range: { start: at, end: at }, command: { title: lens.title, command: Commands.openVideo, arguments: [lens.url] } };
}

/** A header of an episode for Ctrl+T: String, as in the outline. */
export function toSymbol(name: string, uri: string, range: SymbolInformation['location']['range'], containerName: string): SymbolInformation {
  return { name, kind: SYMBOL_KIND.section, location: { uri, range }, containerName };
}

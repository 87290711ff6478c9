import {
  CompletionItem, CompletionItemKind, CodeLens, InsertTextFormat, SymbolInformation, SymbolKind, TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EpisodeCodeLens, EpisodeCompletion, TextEdit as CoreEdit } from './core';
import { toRange } from './convert';

/** Conversions for the editing power tools (the edge between core offsets and LSP positions). */

export const OPEN_VIDEO_COMMAND = 'transcripts.openVideo';

export function toTextEdits(doc: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(doc, edit), newText: edit.newText }));
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
  return { range: { start: at, end: at }, command: { title: lens.title, command: OPEN_VIDEO_COMMAND, arguments: [lens.url] } };
}

export function toSymbol(name: string, uri: string, range: SymbolInformation['location']['range'], containerName: string): SymbolInformation {
  return { name, kind: SymbolKind.Namespace, location: { uri, range }, containerName };
}

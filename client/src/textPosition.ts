import type * as vscode from 'vscode';
import type { TextPositionParams } from '../../server/src/protocol';

/**
 * A document and a position as the protocol carries them. The position must be a plain object: in
 * VS Code for the Web the message reaches the server's worker by structured clone, which copies a
 * `vscode.Position`'s private fields (`_line`) instead of calling its `toJSON`, so the server would
 * read no line at all.
 */
export function textPositionParams(doc: vscode.TextDocument, position: vscode.Position): TextPositionParams {
  return { textDocument: { uri: doc.uri.toString() }, position: { line: position.line, character: position.character } };
}

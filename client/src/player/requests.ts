import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  INSERT_LINE_AT_PLAYER_REQUEST, ITEM_AT_SECOND_REQUEST, ItemAtSecondResult, MEDIA_HINTS_REQUEST, MediaHintsResponse, PlayerEditResult,
  PlayerPosition, PlayerRange, PlayerTextEdit, SECOND_AT_REQUEST, SecondAtResult, SET_TIME_FROM_PLAYER_REQUEST, TIMELINE_REQUEST, TimelineResponse,
} from '../../../server/src/protocol';

/**
 * The player's requests to the language server (server/src/protocol.ts), typed, and the conversions
 * of their positions. The base client type keeps this usable by a browser language client too.
 */
export class PlayerRequests {
  constructor(private readonly client: BaseLanguageClient) {}

  /**
   * The document and position as the protocol carries them: the client's converter, never a
   * `vscode.Position` as is (in VS Code for the Web the message reaches the server's worker by
   * structured clone, which copies its private `_line` instead of calling `toJSON`).
   */
  private at(doc: vscode.TextDocument, position: vscode.Position) {
    return this.client.code2ProtocolConverter.asTextDocumentPositionParams(doc, position);
  }

  itemAtSecond(doc: vscode.TextDocument, at: number | string): Promise<ItemAtSecondResult> {
    return this.client.sendRequest(ITEM_AT_SECOND_REQUEST, { textDocument: this.client.code2ProtocolConverter.asTextDocumentIdentifier(doc), at });
  }

  secondAt(doc: vscode.TextDocument, position: vscode.Position): Promise<SecondAtResult> {
    return this.client.sendRequest(SECOND_AT_REQUEST, this.at(doc, position));
  }

  mediaHints(doc: vscode.TextDocument): Promise<MediaHintsResponse> {
    return this.client.sendRequest(MEDIA_HINTS_REQUEST, { textDocument: this.client.code2ProtocolConverter.asTextDocumentIdentifier(doc) });
  }

  timeline(doc: vscode.TextDocument): Promise<TimelineResponse> {
    return this.client.sendRequest(TIMELINE_REQUEST, { textDocument: this.client.code2ProtocolConverter.asTextDocumentIdentifier(doc) });
  }

  setTimeFromPlayer(doc: vscode.TextDocument, position: vscode.Position, sec: number): Promise<PlayerEditResult> {
    return this.client.sendRequest(SET_TIME_FROM_PLAYER_REQUEST, { ...this.at(doc, position), sec });
  }

  insertLineAtPlayer(doc: vscode.TextDocument, position: vscode.Position, sec: number): Promise<PlayerEditResult> {
    return this.client.sendRequest(INSERT_LINE_AT_PLAYER_REQUEST, { ...this.at(doc, position), sec });
  }
}

export function toPosition(p: PlayerPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toRange(r: PlayerRange): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function toTextEdits(edits: readonly PlayerTextEdit[]): vscode.TextEdit[] {
  return edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText));
}

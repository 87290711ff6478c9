import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  INSERT_LINE_AT_PLAYER_REQUEST, ITEM_AT_SECOND_REQUEST, ItemAtSecondResult, MEDIA_HINTS_REQUEST, MediaHintsResponse, PlayerEditResult,
  PlayerPosition, PlayerRange, PlayerTextEdit, SECOND_AT_REQUEST, SecondAtResult, SET_TIME_FROM_PLAYER_REQUEST,
} from '../../../server/src/protocol';
import { textPositionParams } from '../textPosition';

/**
 * The player's requests to the language server (server/src/protocol.ts), typed, and the conversions
 * of their positions. The base client type keeps this usable by a browser language client too.
 */
export class PlayerRequests {
  constructor(private readonly client: BaseLanguageClient) {}

  itemAtSecond(doc: vscode.TextDocument, at: number | string): Promise<ItemAtSecondResult> {
    return this.client.sendRequest(ITEM_AT_SECOND_REQUEST, { textDocument: { uri: doc.uri.toString() }, at });
  }

  secondAt(doc: vscode.TextDocument, position: vscode.Position): Promise<SecondAtResult> {
    return this.client.sendRequest(SECOND_AT_REQUEST, textPositionParams(doc, position));
  }

  mediaHints(doc: vscode.TextDocument): Promise<MediaHintsResponse> {
    return this.client.sendRequest(MEDIA_HINTS_REQUEST, { textDocument: { uri: doc.uri.toString() } });
  }

  setTimeFromPlayer(doc: vscode.TextDocument, position: vscode.Position, sec: number): Promise<PlayerEditResult> {
    return this.client.sendRequest(SET_TIME_FROM_PLAYER_REQUEST, { ...textPositionParams(doc, position), sec });
  }

  insertLineAtPlayer(doc: vscode.TextDocument, position: vscode.Position, sec: number): Promise<PlayerEditResult> {
    return this.client.sendRequest(INSERT_LINE_AT_PLAYER_REQUEST, { ...textPositionParams(doc, position), sec });
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

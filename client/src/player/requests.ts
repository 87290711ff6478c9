import * as vscode from 'vscode';
import { type BaseLanguageClient, WorkDoneProgress } from 'vscode-languageclient';
import {
  AUDIO_ANALYSIS_REQUEST, AudioAnalysisResult, INSERT_LINE_AT_PLAYER_REQUEST, ITEM_AT_SECOND_REQUEST, ItemAtSecondResult, MEDIA_HINTS_REQUEST, MediaHintsResponse, PlayerEditResult,
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

  /**
   * The speech analysis of the episode's media (the server decodes it, or answers from its cache), checked
   * against the episode by the audio rules from then on. `onPercent` follows the server's work-done progress.
   */
  async audioAnalysis(doc: vscode.TextDocument, media: vscode.Uri, onPercent: (percent: number) => void, token: vscode.CancellationToken): Promise<AudioAnalysisResult> {
    const workDoneToken = `transcripts-audio-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const listening = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'report' && typeof value.percentage === 'number') onPercent(value.percentage);
    });
    try {
      return await this.client.sendRequest(AUDIO_ANALYSIS_REQUEST, {
        media: media.toString(), textDocument: this.client.code2ProtocolConverter.asTextDocumentIdentifier(doc), workDoneToken,
      }, token);
    } finally {
      listening.dispose();
    }
  }

  /** An analysis the player's page made itself (M4A/AAC), for the server to check and keep for the episode. */
  givenAnalysis(doc: vscode.TextDocument, media: vscode.Uri, analysis: unknown): Promise<AudioAnalysisResult> {
    return this.client.sendRequest(AUDIO_ANALYSIS_REQUEST, {
      media: media.toString(), textDocument: this.client.code2ProtocolConverter.asTextDocumentIdentifier(doc), analysis,
    });
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

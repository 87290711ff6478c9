import type { Connection, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, TranscriptLanguageService } from '../core';
import {
  insertLineAtPlayer, itemAtSecond, mediaHints, parseTimeInput, PlayerEdit, secondAt, setTimeFromPlayer, SpokenItem,
} from '../core/features/player';
import { timelineOf } from '../core/features/timeline';
import { toOffset, toRange, toTextEdits } from '../convert';
import {
  INSERT_LINE_AT_PLAYER_REQUEST, ITEM_AT_SECOND_REQUEST, ItemAtSecondParams, ItemAtSecondResult, MEDIA_HINTS_REQUEST, MediaHintsResponse,
  PlayerDocumentParams, PlayerEditParams, PlayerEditResult, SECOND_AT_REQUEST, SecondAtParams, SecondAtResult, SET_TIME_FROM_PLAYER_REQUEST,
  SpokenItemResult, TIMELINE_REQUEST, TimelineResponse,
} from '../protocol';

/** The server's error guard (server.ts): logs an exception and answers it as an error, the server keeps going. */
type Guard = <P, R>(name: string, handler: (params: P) => R | Promise<R>) => (params: P) => Promise<R | ResponseError<void>>;

export interface PlayerHost {
  connection: Connection;
  service: TranscriptLanguageService;
  documents: TextDocuments<TextDocument>;
  guard: Guard;
}

const NOT_OPEN = { ok: false, message: 'The document is not open in the language server.' } as const;

/** The media player's requests (protocol.ts): lookups and edits of the transcript; the media stays with the client. */
export function registerPlayerHandlers({ connection, service, documents, guard }: PlayerHost): void {
  connection.onRequest(ITEM_AT_SECOND_REQUEST, guard('itemAtSecond', (params: ItemAtSecondParams): ItemAtSecondResult => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return NOT_OPEN;
    const parsed = typeof params.at === 'number' ? { sec: params.at } : parseTimeInput(String(params.at));
    if ('error' in parsed) return { ok: false, message: parsed.error };
    if (!Number.isFinite(parsed.sec) || parsed.sec < 0) return { ok: false, message: `${parsed.sec} is not a time: seconds must be 0 or more.` };
    const model = service.model(doc);
    const hit = itemAtSecond(model, parsed.sec);
    if (!hit) return { ok: false, message: model.isEpisode ? 'This transcript has no timed line (sec).' : 'This file is not an episode: its front matter has no transcript.' };
    return { ...spoken(doc, hit), at: parsed.sec };
  }));

  connection.onRequest(SECOND_AT_REQUEST, guard('secondAt', (params: SecondAtParams): SecondAtResult => {
    const doc = documents.get(params.textDocument.uri);
    const hit = doc && secondAt(service.model(doc), toOffset(doc, params.position));
    return doc && hit ? spoken(doc, hit) : null;
  }));

  connection.onRequest(MEDIA_HINTS_REQUEST, guard('mediaHints', (params: PlayerDocumentParams): MediaHintsResponse => {
    const doc = documents.get(params.textDocument.uri);
    return (doc && mediaHints(service.model(doc))) ?? null;
  }));

  connection.onRequest(TIMELINE_REQUEST, guard('timeline', (params: PlayerDocumentParams): TimelineResponse => {
    const doc = documents.get(params.textDocument.uri);
    const timeline = doc && timelineOf(service.model(doc));
    if (!doc || !timeline) return null;
    const lines = timeline.lines.map(({ start, ...line }) => ({ ...line, position: doc.positionAt(start) }));
    return { version: doc.version, lines, headers: timeline.headers };
  }));

  const edit = (name: string, make: typeof setTimeFromPlayer) =>
    guard(name, (params: PlayerEditParams): PlayerEditResult => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return NOT_OPEN;
      return toEditResult(doc, make(service.model(doc), toOffset(doc, params.position), params.sec));
    });
  connection.onRequest(SET_TIME_FROM_PLAYER_REQUEST, edit('setTimeFromPlayer', setTimeFromPlayer));
  connection.onRequest(INSERT_LINE_AT_PLAYER_REQUEST, edit('insertLineAtPlayer', insertLineAtPlayer));
}

function spoken(doc: TextDocument, hit: SpokenItem): SpokenItemResult {
  return { ok: true, sec: hit.sec, position: doc.positionAt(hit.item.span.start), range: toRange(doc, hit.span), ...(hit.before ? { before: true } : {}) };
}

/** Offsets to positions; the cursor is an offset in the text after the edits, so it is converted in that text. */
function toEditResult(doc: TextDocument, result: PlayerEdit): PlayerEditResult {
  if (!result.ok) return result;
  const cursor = result.cursor !== undefined ? cursorAfter(doc, result) : undefined;
  return { ok: true, version: doc.version, edits: toTextEdits(doc, result.edits), message: result.message, warning: result.warning, ...(cursor ? { cursor } : {}) };
}

function cursorAfter(doc: TextDocument, result: PlayerEdit & { ok: true }): { line: number; character: number } {
  const edited = TextDocument.create(doc.uri, doc.languageId, doc.version, applyEdits(doc.getText(), result.edits));
  return edited.positionAt(result.cursor!);
}

import { Connection, ErrorCodes, InitializeParams, MessageType, ResponseError, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TranscriptLanguageService } from '../core';
import type { ServerHost } from '../host';
import type { InitializationOptions } from '../protocol';
import type { SettingsCache } from '../settings';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { SiteTermsProvider } from '../siteTerms';
import type { EpisodeMedia } from './episodeMedia';

/** What the client said it can do, read once from `initialize`. */
export interface ClientFeatures {
  pullConfiguration: boolean;
  refreshSemanticTokens: boolean;
  refreshCodeLens: boolean;
  snippets: boolean;
  applyEdit: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  createProgress: boolean;
  workspaceFolders: boolean;
  retriggerCommand?: string;
  audioCacheFolder?: string;
  /** Set to true when the user grants trust (DID_GRANT_WORKSPACE_TRUST). */
  workspaceTrusted: boolean;
}

export function readClientFeatures(params: InitializeParams): ClientFeatures {
  const caps = params.capabilities;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  return {
    pullConfiguration: caps.workspace?.configuration === true,
    refreshSemanticTokens: caps.workspace?.semanticTokens?.refreshSupport === true,
    refreshCodeLens: caps.workspace?.codeLens?.refreshSupport === true,
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    applyEdit: caps.workspace?.applyEdit === true,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    showDocument: caps.window?.showDocument?.support === true,
    createProgress: caps.window?.workDoneProgress === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    retriggerCommand: typeof options.retriggerSuggestCommand === 'string' ? options.retriggerSuggestCommand : undefined,
    audioCacheFolder: typeof options.audioCacheFolder === 'string' ? options.audioCacheFolder : undefined,
    workspaceTrusted: options.workspaceTrusted !== false,
  };
}

/** Everything a group of handlers works with; built once by startServer. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: TranscriptLanguageService;
  settings: SettingsCache;
  host: ServerHost;
  index: WorkspaceIndex;
  terms: SiteTermsProvider;
  /** Filled in by `initialize`, before any other request. */
  client: ClientFeatures;
  /**
   * Re-checks an open document (coalesced). `quiet`: publish only if its diagnostics differ from the
   * last ones published for the same version (a re-check after something loaded in the background).
   */
  schedule(uri: string, quiet?: boolean): void;
  guard: Guard;
  /** The media analysis each open episode is checked against (handlers/audio.ts). */
  media: EpisodeMedia;
}

export type Guard = <P, R, A extends unknown[] = []>(name: string, handler: (params: P, ...rest: A) => R | Promise<R>) => (params: P, ...rest: A) => Promise<R | ResponseError<void>>;

/** Wraps a handler: an exception is logged and answered as an error; the server keeps going. */
export function guardWith(connection: Connection): Guard {
  return (name, handler) => async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      // Bad parameters (a position that is not one): the caller's error, answered as it was raised.
      if (error instanceof ResponseError) {
        connection.console.warn(`transcripts: ${name}: ${error.message}`);
        return error;
      }
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      connection.console.error(`transcripts: ${name} failed: ${message}`);
      return new ResponseError(ErrorCodes.InternalError, `transcripts: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** Tells the user with `window/showMessage`: a notification, so no client waits on an answer. */
export function showMessage(connection: Connection, kind: 'info' | 'warning', message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: kind === 'info' ? MessageType.Info : MessageType.Warning, message });
}

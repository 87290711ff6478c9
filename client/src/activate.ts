import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ClientCommands, Commands, DID_GRANT_WORKSPACE_TRUST, InitializationOptions, SETTINGS_SECTION } from '../../server/src/protocol';
import { checkWorkspaceWithProgress } from './commands/checkWorkspace';
import { EXPORT_TRANSCRIPT_COMMAND, exportTranscript } from './commands/exportTranscript';
import { importTranscript } from './commands/importTranscript';
import { copyChapters } from './commands/copyChapters';
import { insertChapters } from './commands/insertChapters';
import { openVideoAtCursor } from './commands/openVideoAtCursor';
import { shiftTimesInteractively } from './commands/shiftTimes';
import { suggestChapters } from './commands/suggestChapters';
import { serveFileSystem } from './fileSystem';
import { codeLensEnabled, configurationFor } from './settings';
import { startStatusItem } from './statusItem';
import { registerPlayer } from './player';

/**
 * What the desktop and the browser extension share: the client options, the commands, the status
 * item and the file requests. `createClient` is the only difference (a Node process, or a Worker).
 */
export async function activateClient(
  context: vscode.ExtensionContext,
  createClient: (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient,
): Promise<BaseLanguageClient> {
  let client: BaseLanguageClient | undefined;
  // Media analyses (transcripts/audioAnalysis) are kept in the extension's storage, by file identity.
  const audioCache = vscode.Uri.joinPath(context.globalStorageUri, 'audio');
  const initializationOptions: InitializationOptions = {
    retriggerSuggestCommand: 'editor.action.triggerSuggest',
    audioCacheFolder: audioCache.toString(),
    // Untrusted: the repository's .transcriptlintrc.json may not raise the limits either (package.json restricts the settings).
    workspaceTrusted: vscode.workspace.isTrusted,
  };
  const options: LanguageClientOptions = {
    initializationOptions,
    // Markdown of any scheme: file, untitled, vscode-vfs (github.dev), vscode-test-web, …
    documentSelector: [{ language: 'markdown' }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.transcriptlintrc.json'),
    },
    middleware: {
      // The commands themselves belong to the server; from the palette they get an input box or a progress notification.
      executeCommand: async (command, args, next) => {
        if (command === Commands.shiftTimes && args.length === 0 && client) return shiftTimesInteractively(client, next);
        if (command === Commands.checkWorkspace && args.length === 0 && client) return checkWorkspaceWithProgress(client);
        return next(command, args);
      },
      provideCodeLenses: (document, token, next) => (codeLensEnabled(document) ? next(document, token) : []),
      workspace: {
        configuration: (params) => params.items.map((item) => configurationFor(item.section, item.scopeUri)),
      },
    },
  };
  client = createClient('transcripts', 'Podcast Transcripts', options);
  const running = client;
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.openVideoAtCursor, () => openVideoAtCursor(running)),
    vscode.commands.registerCommand(EXPORT_TRANSCRIPT_COMMAND, () => exportTranscript(running)),
    vscode.commands.registerCommand('transcripts.importTranscript', () => importTranscript(running)),
    // Chapters (issue 19).
    vscode.commands.registerCommand('transcripts.insertChapters', () => insertChapters(running)),
    vscode.commands.registerCommand('transcripts.copyChapters', () => copyChapters(running)),
    vscode.commands.registerCommand('transcripts.suggestChapters', () => suggestChapters(running)),
    ...serveFileSystem(running, audioCache),
  );
  await running.start();
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void running.sendNotification(DID_GRANT_WORKSPACE_TRUST)));
  startStatusItem(running, context);
  registerPlayer(context, running);
  return running;
}

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { PowerToolsClient } from './powerTools';
import { registerPlayer } from './player';

/** The VS Code face of the language server: start it, pass settings, and add what only the editor can do (open a browser). */

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const power = new PowerToolsClient();
  const clientOptions: LanguageClientOptions = {
    initializationOptions: power.initializationOptions,
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'transcripts',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.transcriptlintrc.json'),
    },
    middleware: {
      // Shift times' input box, Check All Episodes' progress, the transcripts.codeLens setting (powerTools.ts).
      ...power.middleware,
      workspace: {
        // Send only what the user set, so a `.transcriptlintrc.json` is not overridden by defaults.
        configuration: (params) => params.items.map((item) => explicitSettings(item.section, item.scopeUri)),
      },
    },
  };
  client = new LanguageClient('transcripts', 'Podcast Transcripts', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('transcripts.openVideoAtCursor', () => openVideoAtCursor()));
  await client.start();
  power.attach(client, context);
  registerPlayer(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function explicitSettings(section: string | undefined, scopeUri: string | undefined): unknown {
  if (section !== 'transcripts') return vscode.workspace.getConfiguration(section, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const config = vscode.workspace.getConfiguration('transcripts', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const explicit = <T>(key: string): T | undefined => {
    const inspected = config.inspect<T>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const rules = explicit<Record<string, string>>('rules');
  const toleranceSeconds = explicit<number>('order.toleranceSeconds');
  const frontMatterKB = explicit<number>('limits.frontMatterKB');
  return {
    rules,
    order: toleranceSeconds === undefined ? undefined : { toleranceSeconds },
    limits: frontMatterKB === undefined ? undefined : { frontMatterKB },
  };
}

async function openVideoAtCursor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const result = await client.sendRequest<{ url: string; sec: number } | null>('transcripts/videoAt', {
    textDocument: { uri: editor.document.uri.toString() },
    position: editor.selection.active,
  });
  if (!result) {
    void vscode.window.showInformationMessage('No video moment here: put the cursor on a timed transcript line of an episode with a valid ids.youtube.');
    return;
  }
  // The URL is built by the server from a validated id and an integer second only.
  await vscode.env.openExternal(vscode.Uri.parse(result.url));
}

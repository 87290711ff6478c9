import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateClient } from './activate';

/** The desktop extension (`main`): the language server as a Node process (dist/server.js) over IPC. */

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  client = await activateClient(context, (id, name, options) => new LanguageClient(id, name, serverOptions, options));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

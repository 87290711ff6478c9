import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { startServerOnPort } from '../../../server/src/browser/inProcess';
import { activateClient } from '../activate';

/**
 * The web extension (`browser`: vscode.dev, github.dev, VS Code for the Web): the language server
 * in a Web Worker (dist/browser/server.js). Where the extension host cannot create a Worker
 * (code-server's browser host: "Creating workers from remote extensions is currently not
 * supported"), the same server runs in the extension host over a MessageChannel.
 */

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = await activateClient(context, (id, name, options) => new LanguageClient(id, name, () => Promise.resolve(connect(context)), options));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Reader and writer to the server: a Worker if the host can create one, else the in-process server. */
function connect(context: vscode.ExtensionContext): { reader: BrowserMessageReader; writer: BrowserMessageWriter } {
  let port: ConstructorParameters<typeof BrowserMessageReader>[0];
  try {
    // Not handed to LanguageClient as a Worker: VS Code's web extension host patches Worker, and
    // the client's `instanceof Worker` check then fails; reader and writer accept it as it is.
    port = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true)) as never;
  } catch (error) {
    console.info(`Podcast Transcripts: no Worker in this extension host (${error instanceof Error ? error.message : String(error)}); the language server runs in the extension host over a MessageChannel.`);
    const { port1, port2 } = new MessageChannel();
    startServerOnPort(port2 as never);
    port = port1 as never;
  }
  return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
}

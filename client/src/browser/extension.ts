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
  client = await activateClient(context, (options) => new LanguageClient('transcripts', 'Podcast Transcripts', () => Promise.resolve(connect(context)), options));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function connect(context: vscode.ExtensionContext): Worker | { reader: BrowserMessageReader; writer: BrowserMessageWriter } {
  try {
    return new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true));
  } catch {
    const { port1, port2 } = new MessageChannel();
    startServerOnPort(port2);
    return { reader: new BrowserMessageReader(port1), writer: new BrowserMessageWriter(port1) };
  }
}

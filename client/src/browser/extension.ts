import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateClient } from '../activate';

/**
 * The web extension (`browser`: vscode.dev, github.dev, VS Code for the Web): the language server
 * in a Web Worker (dist/browser/server.js). Where the extension host cannot create a Worker
 * (code-server's browser host: "Creating workers from remote extensions is currently not
 * supported"), the same script runs in the extension host over a MessageChannel: fetched, not
 * bundled here, so this client does not carry a second copy of the server.
 */

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = await activateClient(context, (id, name, options) => new LanguageClient(id, name, () => connect(context), options));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Reader and writer to the server: a Worker if the host can create one, else the server script in this host. */
async function connect(context: vscode.ExtensionContext): Promise<{ reader: BrowserMessageReader; writer: BrowserMessageWriter }> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true);
  let port: ConstructorParameters<typeof BrowserMessageReader>[0];
  try {
    // Not handed to LanguageClient as a Worker: VS Code's web extension host patches Worker, and
    // the client's `instanceof Worker` check then fails; reader and writer accept it as it is.
    port = new Worker(script) as never;
  } catch (error) {
    console.info(`Podcast Transcripts: no Worker in this extension host (${error instanceof Error ? error.message : String(error)}); the language server runs in the extension host over a MessageChannel.`);
    const { port1, port2 } = new MessageChannel();
    await runWorkerScript(script, workerScope(port2 as unknown as Port));
    port = port1 as never;
  }
  return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
}

/** A browser MessagePort, as much of it as the server's reader and writer use (this file is typed without the DOM library). */
interface Port {
  postMessage(message: unknown, transfer: unknown[]): void;
  addEventListener(type: string, listener: (event: unknown) => void): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  onmessage: ((event: unknown) => void) | null;
}

/**
 * What the worker script gets as `self`: the port's messaging, and a worker's `importScripts`, so
 * that libraries bundled in the server (mammoth's `setimmediate`) take their worker path; seeing a
 * bare `postMessage` without it, they take the port for a window and post `(message, '*')`, which a
 * MessagePort refuses ("Overload resolution failed").
 */
function workerScope(port: Port): object {
  return {
    postMessage: (message: unknown, transfer?: unknown) => port.postMessage(message, Array.isArray(transfer) ? transfer : []),
    addEventListener: port.addEventListener.bind(port),
    removeEventListener: port.removeEventListener.bind(port),
    get onmessage() {
      return port.onmessage;
    },
    set onmessage(listener: Port['onmessage']) {
      port.onmessage = listener;
    },
    importScripts: () => {
      throw new Error('importScripts is not available to the language server here');
    },
  };
}

/**
 * Runs the worker script here with `port` as its `self`: the script talks to its client only
 * through `self` (server/src/browser/main.ts), and the extension host evaluates extension code the
 * same way.
 */
async function runWorkerScript(url: string, port: object): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The language server script ${url} could not be read: HTTP ${response.status}.`);
  new Function('self', await response.text())(port);
}

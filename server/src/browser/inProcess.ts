import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../server';
import { browserHost } from './host';
// Bytes, inlined by tools/bundle.mjs (esbuild's binary loader): a worker has no file to read it from.
import vadWasm from '@echogarden/fvad-wasm/fvad.wasm';

/**
 * The same server on one end of a MessageChannel, for an extension host that cannot create a
 * Worker (code-server's browser extension host: microsoft/vscode#144235). The client takes the
 * other port.
 */
export function startServerOnPort(port: ConstructorParameters<typeof BrowserMessageReader>[0]): void {
  const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
  startServer(connection, browserHost(connection, vadWasm));
}

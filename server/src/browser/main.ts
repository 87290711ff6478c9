/**
 * The language server in a Web Worker (dist/browser/server.js): LSP over postMessage to the
 * client, the files of the workspace read through it. The same startServer as the Node entry.
 */
import { startServerOnPort } from './inProcess';

declare const self: Parameters<typeof startServerOnPort>[0];

startServerOnPort(self);

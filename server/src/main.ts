#!/usr/bin/env node
/**
 * `transcript-language-server`: the language server for any LSP client.
 * Transport from the command line, as every vscode-languageserver server: --stdio, --node-ipc, --socket=<port>.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './node/host';
import { startServer } from './server';
import { VERSION } from './version';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h') || !args.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  process.stdout.write(
    'Usage: transcript-language-server --stdio\n\n' +
      'The podcast transcript language server: diagnostics, quick fixes, outline, folding, hovers and\n' +
      'links for episode files. Start it from your editor\'s LSP client (other transports: --node-ipc,\n' +
      '--socket=<port>).\n',
  );
  if (!args.includes('--help') && !args.includes('-h')) process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), nodeHost);
}

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerPlayerCommands } from './commands';
import { PlayerController } from './controller';
import { PlayerRequests } from './requests';

/** The media player beside an episode (issue 13): its commands, panel, follow and status item. */
export function registerPlayer(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const player = new PlayerController(context, new PlayerRequests(client));
  context.subscriptions.push(player, ...registerPlayerCommands(player));
}

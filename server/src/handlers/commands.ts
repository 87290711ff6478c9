import { CancellationToken, ErrorCodes, ExecuteCommandParams, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver';
import { Commands, OpenVideoResult } from '../protocol';
import { ServerContext, showMessage } from './context';
import { shiftTimes } from './editing';
import { addWord } from './siteWords';
import type { WorkspaceFeatures } from './workspace';

/** The only URLs the open-video command opens: what `videoUrl` builds. */
const VIDEO_URL = /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d{1,9}$/;

/** The server's commands (announced in executeCommandProvider), each delegated to its concern. */
export const COMMAND_IDS = [Commands.shiftTimes, Commands.checkWorkspace, Commands.openVideo, Commands.addWord];

export function registerCommands(ctx: ServerContext, workspace: WorkspaceFeatures): void {
  ctx.connection.onExecuteCommand(ctx.guard('executeCommand', async (params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter) => {
    switch (params.command) {
      case Commands.shiftTimes: return shiftTimes(ctx, params.arguments?.[0]);
      case Commands.checkWorkspace: return workspace.checkWorkspace(token, WorkDoneProgressReporter.isNullInstance(progress) ? undefined : progress);
      case Commands.openVideo: return openVideo(ctx, params.arguments?.[0]);
      case Commands.addWord: return addWord(ctx, params.arguments?.[0]);
      default: return new ResponseError(ErrorCodes.InvalidParams, `transcripts: unknown command ${params.command}`);
    }
  }));
}

/** Asks the client to open the URL outside the editor (`window/showDocument`, external). */
async function openVideo(ctx: ServerContext, url: unknown): Promise<OpenVideoResult> {
  if (typeof url !== 'string' || !VIDEO_URL.test(url)) return { opened: false };
  if (!ctx.client.showDocument) {
    showMessage(ctx.connection, 'info', `Video: ${url}`);
    return { opened: false };
  }
  const result = await ctx.connection.window.showDocument({ uri: url, external: true });
  return { opened: result.success };
}

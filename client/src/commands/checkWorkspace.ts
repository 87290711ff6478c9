import * as vscode from 'vscode';
import { BaseLanguageClient, ExecuteCommandRequest, WorkDoneProgress } from 'vscode-languageclient';
import { CheckSummary, Commands } from '../../../server/src/protocol';

/** Check All Episodes with a cancellable progress notification fed by the server's work-done progress. */
export async function checkWorkspaceWithProgress(client: BaseLanguageClient): Promise<CheckSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Check All Episodes checks the files of the open folder: open a folder first.');
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking all episodes', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `transcripts-check-${Date.now()}`;
      let done = 0;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? done;
        progress.report({ message: value.message, increment: Math.max(0, percentage - done) });
        done = percentage;
      });
      try {
        return (await client.sendRequest(ExecuteCommandRequest.type, { command: Commands.checkWorkspace, arguments: [], workDoneToken }, token)) as CheckSummary;
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        listening.dispose();
      }
    },
  );
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const words = summary
    ? `${summary.cancelled ? 'Stopped after' : 'Checked'} ${plural(summary.episodes, 'episode')}: ${plural(summary.findings, 'finding')} in ${plural(summary.filesWithFindings, 'file')}${summary.copies > 0 ? `, ${plural(summary.copies, 'copied transcript')}` : ''}.`
    : 'Check All Episodes was cancelled.';
  const show = 'Show Problems';
  if (summary && summary.findings > 0) {
    void vscode.window.showInformationMessage(words, show).then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  } else void vscode.window.showInformationMessage(words);
  return summary;
}

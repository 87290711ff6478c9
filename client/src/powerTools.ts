import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, Middleware, WorkDoneProgress } from 'vscode-languageclient/node';
import { parseShiftAmount } from '../../server/src/core/features/shiftInput';
import type { CheckSummary } from '../../server/src/powerTools';

/**
 * The VS Code face of the editing power tools (issue 8). The commands themselves belong to the
 * server (it lists them in executeCommandProvider and the language client registers them); this
 * middleware adds what only the editor can do: the input box of Shift Times From Here, the progress
 * notification of Check All Episodes, the `transcripts.codeLens` setting, and the status item.
 */

const SHIFT_TIMES = 'transcripts.shiftTimes';
const CHECK_WORKSPACE = 'transcripts.checkWorkspace';
const STATUS_REQUEST = 'transcripts/status';
/** Set while the active editor is an episode (for menus). */
const EPISODE_CONTEXT = 'transcripts.isEpisode';

interface Status {
  text: string;
  sec?: number;
  url?: string;
}


export class PowerToolsClient {
  private client?: LanguageClient;
  private statusItem?: vscode.LanguageStatusItem;
  private statusTimer?: ReturnType<typeof setTimeout>;

  /** Options the language client is created with. */
  readonly initializationOptions = { retriggerSuggestCommand: 'editor.action.triggerSuggest' };

  readonly middleware: Middleware = {
    executeCommand: async (command, args, next) => {
      if (command === SHIFT_TIMES && args.length === 0) return this.shiftTimesInteractively(next);
      if (command === CHECK_WORKSPACE && args.length === 0) return this.checkWorkspaceWithProgress();
      return next(command, args);
    },
    provideCodeLenses: (document, token, next) =>
      vscode.workspace.getConfiguration('transcripts', document.uri).get<boolean>('codeLens', true) ? next(document, token) : [],
  };

  /** Starts following the active editor, once the client runs. */
  attach(client: LanguageClient, context: vscode.ExtensionContext): void {
    this.client = client;
    const later = () => this.scheduleStatus();
    context.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(later),
      vscode.window.onDidChangeTextEditorSelection(later),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && later()),
      { dispose: () => this.statusItem?.dispose() },
    );
    later();
  }

  private scheduleStatus(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => void this.updateStatus().catch(() => undefined), 100);
  }

  /** The language status item: `23:41 / 1:02:03`; its link opens the video at the cursor. */
  private async updateStatus(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const status = editor && editor.document.languageId === 'markdown' ? await this.status(editor) : null;
    void vscode.commands.executeCommand('setContext', EPISODE_CONTEXT, status !== null);
    if (!status) {
      this.statusItem?.dispose();
      this.statusItem = undefined;
      return;
    }
    const item = (this.statusItem ??= vscode.languages.createLanguageStatusItem('transcripts.time', { language: 'markdown' }));
    item.name = 'Transcript time';
    item.text = status.text;
    item.detail = 'at the cursor / episode length';
    item.accessibilityInformation = { label: `Transcript time ${status.text.replace(' / ', ' of ')}` };
    item.command = status.url ? { title: 'Open video', command: 'transcripts.openVideoAtCursor', tooltip: 'Open the video at the cursor' } : undefined;
  }

  private async status(editor: vscode.TextEditor): Promise<Status | null> {
    if (!this.client?.isRunning()) return null;
    return this.client.sendRequest<Status | null>(STATUS_REQUEST, {
      textDocument: { uri: editor.document.uri.toString() },
      position: editor.selection.active,
    });
  }

  /** Shift Times From Here from the palette: the amount from an input box, the first line of the selection. */
  private async shiftTimesInteractively(next: (command: string, args: unknown[]) => vscode.ProviderResult<unknown>): Promise<unknown> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Shift Times From Here works in an episode: put the cursor on a transcript item.');
      return undefined;
    }
    const line = Math.min(...editor.selections.map((s) => s.start.line));
    const here = (await this.status(editor))?.text.split(' / ')[0];
    const input = await vscode.window.showInputBox({
      title: 'Shift Times From Here',
      prompt: `Move every time from this item${here && here !== '–' ? ` (${here})` : ''} to the end: +7 or -1:30 moves by that much, =12:34 moves this item to 12:34 and the rest with it.`,
      placeHolder: '+7, -1:30 or =12:34',
      validateInput: (value) => {
        const parsed = parseShiftAmount(value);
        return 'error' in parsed ? parsed.error : undefined;
      },
    });
    if (input === undefined) return undefined;
    const amount = parseShiftAmount(input);
    if ('error' in amount) return undefined;
    const result = (await next(SHIFT_TIMES, [{ uri: editor.document.uri.toString(), line, ...amount }])) as { applied?: boolean; message?: string } | undefined;
    if (result?.applied && result.message) vscode.window.setStatusBarMessage(result.message, 8000);
    return result;
  }

  /** Check All Episodes with a cancellable progress notification fed by the server's work-done progress. */
  private async checkWorkspaceWithProgress(): Promise<CheckSummary | undefined> {
    const client = this.client;
    if (!client) return undefined;
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
          return (await client.sendRequest(ExecuteCommandRequest.type, { command: CHECK_WORKSPACE, arguments: [], workDoneToken }, token)) as CheckSummary;
        } catch (error) {
          if (token.isCancellationRequested) return undefined;
          throw error;
        } finally {
          listening.dispose();
        }
      },
    );
    const words = summary
      ? `${summary.cancelled ? 'Stopped after' : 'Checked'} ${summary.episodes} episode${summary.episodes === 1 ? '' : 's'}: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} file${summary.filesWithFindings === 1 ? '' : 's'}${summary.copies > 0 ? `, ${summary.copies} copied transcript${summary.copies === 1 ? '' : 's'}` : ''}.`
      : 'Check All Episodes was cancelled.';
    const show = 'Show Problems';
    if (summary && summary.findings > 0) {
      void vscode.window.showInformationMessage(words, show).then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else void vscode.window.showInformationMessage(words);
    return summary;
  }
}

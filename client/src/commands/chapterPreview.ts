import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ChapterEntry, INSERT_CHAPTERS_REQUEST, InsertChaptersParams, InsertChaptersResult, InsertChaptersSuccess } from '../../../server/src/protocol';
import { toTextEdits } from '../player/requests';

/**
 * What Insert Chapters and Suggest Chapters share: the server computes the header edits, and VS
 * Code's refactor preview shows them (a WorkspaceEdit whose edits need confirmation) before they are
 * applied, as one undo step. Chapters that cover no line are named in the preview and after.
 */

/** The active editor when it holds Markdown (an episode, as far as the client can tell); else says so. */
export function episodeEditor(command: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage(`${command} works in an episode: open one first.`);
  return undefined;
}

export type ChapterOutcome = 'applied' | 'unchanged' | 'cancelled' | 'refused';

function clock(sec: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(sec / 3600))}:${two(Math.floor((sec % 3600) / 60))}:${two(sec % 60)}`;
}

export function chapterNames(chapters: readonly ChapterEntry[]): string {
  return chapters.map((c) => `${clock(c.sec)} ${c.title}`).join('; ');
}

export async function previewChapters(
  client: BaseLanguageClient,
  doc: vscode.TextDocument,
  chapters: string,
  options: { keepHeaders?: boolean; fromModel?: boolean; source: string },
): Promise<ChapterOutcome> {
  const params: InsertChaptersParams = {
    textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(doc),
    chapters,
    keepHeaders: options.keepHeaders === true,
    fromModel: options.fromModel === true,
  };
  const result = await client.sendRequest<InsertChaptersResult>(INSERT_CHAPTERS_REQUEST, params);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${result.message} Nothing was changed.`);
    return 'refused';
  }
  if (result.notChapters.length > 0 && !(await goOnDespite(result))) return 'cancelled';
  if (result.version !== doc.version) {
    void vscode.window.showWarningMessage('The episode changed while the chapters were placed: run the command again. Nothing was changed.');
    return 'refused';
  }
  // One notification for all that was left out, beside the preview (several toasts hide each other).
  const leftOut = result.warnings.length > 0 ? ` From ${options.source}: ${result.warnings.join('; ')}.` : '';
  const notWritten = result.coverNoLine.length > 0 ? ` Not written (they cover no line): ${chapterNames(result.coverNoLine)}.` : '';
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(`The headers already are these chapters; nothing to change.${notWritten}${leftOut}`);
    return 'unchanged';
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = {
    needsConfirmation: true,
    label: `Chapters from ${options.source}: ${result.inserted.length} as headers${options.keepHeaders ? '' : `, ${result.removed} old removed`}`,
    description: result.coverNoLine.length > 0 ? `not written, cover no line: ${chapterNames(result.coverNoLine)}` : undefined,
  };
  for (const textEdit of toTextEdits(result.edits)) edit.replace(doc.uri, textEdit.range, textEdit.newText, metadata);
  // Edits that need confirmation open the Refactor Preview unticked (VS Code's design): the user ticks them.
  void vscode.window.showInformationMessage(`Review the header changes in the Refactor Preview: tick the episode (or single headers), then Apply.${notWritten}${leftOut}`);
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: true });
  if (!applied || !changedSince(doc, result)) {
    void vscode.window.showInformationMessage('Chapters not inserted: nothing was changed.');
    return 'cancelled';
  }
  void vscode.window.showInformationMessage(`${result.inserted.length} ${result.inserted.length === 1 ? 'chapter' : 'chapters'} inserted as headers.${notWritten}`);
  return 'applied';
}

/** Whether the document moved past the version the edits were for (the preview can be discarded, and applyEdit still answers true). */
function changedSince(doc: vscode.TextDocument, result: InsertChaptersSuccess): boolean {
  return doc.version !== result.version;
}

/** Lines of the list that are not chapters: named, and the user decides whether to go on without them. */
async function goOnDespite(result: InsertChaptersSuccess): Promise<boolean> {
  const shown = result.notChapters.slice(0, 5).map((n) => `line ${n.line}: ${n.text}`).join('\n');
  const more = result.notChapters.length > 5 ? `\n… and ${result.notChapters.length - 5} more` : '';
  const choice = await vscode.window.showWarningMessage(
    `${result.notChapters.length} ${result.notChapters.length === 1 ? 'line of the list is' : 'lines of the list are'} not a chapter (HH:MM:SS Topic) and will be left out.`,
    { modal: true, detail: shown + more },
    'Go On Without Them',
  );
  return choice === 'Go On Without Them';
}

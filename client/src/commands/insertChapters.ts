import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { dialogFolder } from '../dialogFolder';
import { episodeEditor, previewChapters } from './chapterPreview';

/**
 * Transcripts: Insert Chapters… — a chapter list from the clipboard, a file, or typed into an
 * editor becomes the episode's headers, shown in the refactor preview first.
 */
export async function insertChapters(client: BaseLanguageClient): Promise<void> {
  const editor = episodeEditor('Insert Chapters');
  if (!editor) return;
  const doc = editor.document;
  const source = await vscode.window.showQuickPick(
    [
      { label: 'From the Clipboard', id: 'clipboard' as const, detail: 'HH:MM:SS Topic lines, a YouTube description, Podcasting 2.0 chapters JSON or WebVTT chapters' },
      { label: 'From a File…', id: 'file' as const },
      { label: 'Type or Paste a List…', id: 'typed' as const, detail: 'an editor opens for the list; then choose Insert' },
    ],
    { title: 'Insert Chapters', placeHolder: 'Where is the chapter list?' },
  );
  if (!source) return;
  const list = source.id === 'clipboard' ? await vscode.env.clipboard.readText() : source.id === 'file' ? await listFromFile(doc) : await listTyped(doc);
  if (list === undefined) return;
  if (list.trim() === '') {
    void vscode.window.showInformationMessage(`The ${source.id === 'clipboard' ? 'clipboard' : 'list'} is empty: nothing was changed.`);
    return;
  }
  const keepHeaders = await chooseMode(doc);
  if (keepHeaders === undefined) return;
  await previewChapters(client, doc, list, { keepHeaders, source: source.id === 'clipboard' ? 'the clipboard' : source.id === 'file' ? 'the file' : 'the typed list' });
}

async function listFromFile(doc: vscode.TextDocument): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Insert Chapters: the chapter list',
    canSelectMany: false,
    defaultUri: dialogFolder(doc.uri),
    filters: { 'Chapter lists': ['txt', 'json', 'vtt'], 'All files': ['*'] },
  });
  if (!picked?.[0]) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(picked[0]));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${picked[0].path.split('/').pop()}: ${error instanceof TypeError ? 'it is not UTF-8 text' : String(error)}. Nothing was changed.`);
    return undefined;
  }
}

/** An untitled editor beside the episode for the list; Insert in the notification reads it. */
async function listTyped(doc: vscode.TextDocument): Promise<string | undefined> {
  const scratch = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
  await vscode.window.showTextDocument(scratch, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const choice = await vscode.window.showInformationMessage(
    `Type or paste the chapter list (00:02:39 Topic, one a line) in the new editor, then choose Insert to put it into ${doc.uri.path.split('/').pop()}.`,
    'Insert',
  );
  if (choice !== 'Insert') return undefined;
  const text = scratch.getText();
  await vscode.window.showTextDocument(doc);
  return text;
}

/** Replace the episode's headers (the site's way), or keep them and merge by time; asked only when it has headers. */
async function chooseMode(doc: vscode.TextDocument): Promise<boolean | undefined> {
  if (!/^[ \t]*- header:/m.test(doc.getText())) return false;
  const mode = await vscode.window.showQuickPick(
    [
      { label: 'Replace the Headers', keep: false, detail: "the episode's headers are removed; the chapters become its headers (as the site's script does)" },
      { label: 'Keep the Headers', keep: true, detail: 'the chapters are merged in by time' },
    ],
    { title: 'Insert Chapters', placeHolder: 'The episode has headers' },
  );
  return mode?.keep;
}

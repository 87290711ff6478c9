import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { findFrontMatter } from '../../../server/src/core/parse/frontMatter';
import { plural } from '../../../server/src/core/formats/shared/textLines';
import { importFormatOf, MAX_INPUT_BYTES } from '../../../server/src/core/convert/types';
import {
  ImportTranscriptParams, ImportTranscriptResult, IMPORT_TRANSCRIPT_REQUEST, ReadOptions, ReadTranscriptResult, READ_TRANSCRIPT_REQUEST,
  SETTINGS_SECTION, SourceFile,
} from '../../../server/src/protocol';
import { dialogFolder } from '../dialogFolder';
import { toTextEdits } from '../player/requests';

/**
 * Transcripts: Import Transcript… (issue 18): pick the file (workspace.fs, so the web too), the
 * server reads it, each unknown speaker is named or kept, then the items go into the active episode
 * (a modal confirms replacing its transcript) or a new untitled one. Nothing is saved: the user sees
 * the result, and one undo takes it back. The conversion is the server's.
 */
export async function importTranscript(client: BaseLanguageClient): Promise<void> {
  const active = vscode.window.activeTextEditor?.document;
  const file = await pickSource(active);
  if (!file) return;
  const source = await loadSource(file);
  if (!source) return;
  const episode = await chooseTarget(active);
  if (episode === null) return;
  // Asked before the cue and speaker questions, so that Cancel throws no answers away.
  const replace = episode && episodeHasTranscript(episode) ? await confirmReplace(episode) : false;
  if (replace === undefined) return;
  const options: ReadOptions = { maxLineChars: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>('import.maxLineChars') };
  if (source.format !== 'docx' && source.format !== 'text') {
    const perCue = await askPerCue();
    if (perCue === undefined) return;
    options.oneItemPerCue = perCue;
  }
  const read = await client.sendRequest<ReadTranscriptResult>(READ_TRANSCRIPT_REQUEST, { source, ...options });
  if (!read.ok) return error(read.message);
  const speakers = await askSpeakers(read.unknownSpeakers, read.knownSpeakers);
  if (!speakers) return;
  const params: ImportTranscriptParams = { source, ...options, speakers };
  const summary = `${plural(read.lines, 'line')} and ${plural(read.headers, 'header')} imported from ${basename(file)}`;
  if (episode) await importInto(client, episode, { ...params, replace }, summary);
  else await importIntoNew(client, params, summary);
  if (read.warnings.length > 0) void vscode.window.showWarningMessage(plainText(`Import Transcript: ${read.warnings.join('; ')}`));
}

/** The active Markdown document, or undefined for a new episode; null when the user cancelled. */
async function chooseTarget(active: vscode.TextDocument | undefined): Promise<vscode.TextDocument | undefined | null> {
  if (!active || active.languageId !== 'markdown') return undefined;
  const into = { label: `Into ${basename(active.uri)}`, description: 'the active episode', target: active };
  const fresh = { label: 'Into a new episode', description: 'an untitled file, saved when you choose', target: undefined };
  const picked = await vscode.window.showQuickPick([into, fresh], { title: 'Import Transcript: where to?' });
  return picked ? picked.target : null;
}

/** A `transcript:` key in the episode's front matter (the server checks again before it writes). */
function episodeHasTranscript(doc: vscode.TextDocument): boolean {
  const text = doc.getText();
  const frontMatter = findFrontMatter(text);
  return frontMatter !== undefined && /^transcript[ \t]*:/m.test(text.slice(frontMatter.contentStart, frontMatter.contentEnd));
}

/** true: replace; undefined: cancelled. */
async function confirmReplace(doc: vscode.TextDocument): Promise<true | undefined> {
  const replace = await vscode.window.showWarningMessage(
    `${basename(doc.uri)} already has a transcript. Replace it with the imported one?`,
    { modal: true, detail: 'Only the transcript key changes; Undo takes it back. Nothing is saved.' },
    'Replace',
  );
  return replace === 'Replace' ? true : undefined;
}

async function pickSource(active: vscode.TextDocument | undefined): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Import Transcript',
    openLabel: 'Import',
    canSelectMany: false,
    defaultUri: dialogFolder(active?.uri),
    filters: { 'Transcripts (Word, Otter text, SRT, WebVTT, Podcasting 2.0 JSON)': ['docx', 'txt', 'srt', 'vtt', 'json'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** The file as the server takes it: text as text (UTF-8 only), a Word document as base64. */
async function loadSource(uri: vscode.Uri): Promise<SourceFile | undefined> {
  const name = basename(uri);
  const format = importFormatOf(name);
  if (!format) return void error(`${name}: the format cannot be told from the file name; import a .docx, .txt, .srt, .vtt or .json file.`);
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_INPUT_BYTES) return void error(`${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are not read.`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (format === 'docx') return { name, format, base64: toBase64(bytes) };
  try {
    return { name, format, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return void error(`${name} is not UTF-8 text.`);
  }
}

async function askPerCue(): Promise<boolean | undefined> {
  const join = { label: 'One line per speaker\'s turn', description: 'consecutive cues of one speaker joined (as the site\'s lines are)', perCue: false };
  const each = { label: 'One item per cue', description: 'every caption cue its own item', perCue: true };
  return (await vscode.window.showQuickPick([join, each], { title: 'Import Transcript: cues' }))?.perCue;
}

/** For each unknown name, keep it or rename it to a workspace speaker (or a typed name); undefined when cancelled. */
async function askSpeakers(unknown: readonly string[], known: readonly string[]): Promise<Record<string, string> | undefined> {
  const renames: Record<string, string> = {};
  for (const [index, name] of unknown.entries()) {
    const keep = { label: `Keep "${name}"`, name };
    const typed = { label: 'Another name…', name: '' };
    const items = [keep, ...known.filter((k) => k !== name).map((k) => ({ label: k, name: k })), typed];
    const picked = await vscode.window.showQuickPick(items, {
      title: `Import Transcript: who is "${name}"? (${index + 1} of ${unknown.length})`,
      placeHolder: 'A speaker of the workspace\'s episodes, or keep the name',
    });
    if (!picked) return undefined;
    let chosen = picked.name;
    if (picked === typed) {
      const input = await vscode.window.showInputBox({ title: `Import Transcript: name for "${name}"`, value: name, validateInput: (v) => (v.trim() === '' ? 'Type a name.' : undefined) });
      if (input === undefined) return undefined;
      chosen = input.trim();
    }
    if (chosen !== name) renames[name] = chosen;
  }
  return renames;
}

async function importInto(client: BaseLanguageClient, doc: vscode.TextDocument, params: ImportTranscriptParams, summary: string): Promise<void> {
  const at = { textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) } };
  let result = await client.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, { ...params, ...at });
  // The episode gained a transcript after the first question (edited meanwhile): asked now.
  if (!result.ok && result.hasTranscript) {
    if (!(await confirmReplace(doc))) return;
    result = await client.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, { ...params, ...at, replace: true });
  }
  if (!result.ok) return error(result.message);
  if (result.version !== doc.version) return error('The episode changed while the import was prepared: run Import Transcript again.');
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, toTextEdits(result.edits ?? []));
  if (!(await vscode.workspace.applyEdit(edit))) return error('The transcript could not be written into the episode (is it read-only?).');
  const editor = await vscode.window.showTextDocument(doc);
  const start = result.edits?.[0]?.range.start;
  if (start) {
    const position = new vscode.Position(start.line, start.character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }
  vscode.window.setStatusBarMessage(`${summary}${result.replaced ? ' (transcript replaced)' : ''}`, 8000);
}

async function importIntoNew(client: BaseLanguageClient, params: ImportTranscriptParams, summary: string): Promise<void> {
  const result = await client.sendRequest<ImportTranscriptResult>(IMPORT_TRANSCRIPT_REQUEST, params);
  if (!result.ok) return error(result.message);
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.newText ?? '' });
  await vscode.window.showTextDocument(doc);
  vscode.window.setStatusBarMessage(`${summary} into a new episode`, 8000);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function error(message: string): void {
  void vscode.window.showErrorMessage(plainText(`Import Transcript: ${message}`));
}

/** Messages quote the source: `[text](link)` in it must not become a link (or a command) in the notification. */
export function plainText(message: string): string {
  return message.replace(/\]\(/g, '] (');
}

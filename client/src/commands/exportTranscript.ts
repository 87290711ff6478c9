import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_TRANSCRIPT_REQUEST, ExportFormat, ExportTranscriptParams, ExportTranscriptResult } from '../../../server/src/protocol';
import { dialogFolder, hasFolder } from '../dialogFolder';
import { uriExists } from '../fileSystem';

/**
 * Transcripts: Export Transcript…: pick a format, the server writes the text (exportTranscript),
 * and it goes beside the episode as `<name><extension>` (asking before replacing a file) or to a
 * path chosen with Save As…. Files through `vscode.workspace.fs` only, so VS Code for the Web
 * works the same.
 */

export const EXPORT_TRANSCRIPT_COMMAND = 'transcripts.exportTranscript';

interface FormatPick extends vscode.QuickPickItem {
  format: ExportFormat;
  captions: boolean;
}

const FORMATS: FormatPick[] = [
  { label: 'WebVTT', description: '.vtt', detail: 'One cue per line with speaker voice spans: Apple Podcasts, Podcasting 2.0, browsers', format: 'vtt', captions: false },
  { label: 'WebVTT captions', description: '.vtt', detail: 'Caption-sized cues of at most two lines of 42 characters: YouTube, video players', format: 'vtt', captions: true },
  { label: 'SRT', description: '.srt', detail: 'One numbered cue per line, "Who: " where the speaker changes', format: 'srt', captions: false },
  { label: 'SRT captions', description: '.srt', detail: 'Caption-sized SRT cues: YouTube captions', format: 'srt', captions: true },
  { label: 'Podcasting 2.0 JSON', description: '.json', detail: 'Transcript segments for <podcast:transcript type="application/json">', format: 'json', captions: false },
  { label: 'Text', description: '.txt', detail: "The site's Otter text shape, as scripts/yamlify_transcript.py reads it", format: 'text', captions: false },
];

const SAVE_AS = 'Save As…';

export async function exportTranscript(client: BaseLanguageClient): Promise<vscode.Uri | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Export Transcript exports the episode in the active editor: open an episode first.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(FORMATS, { title: 'Export Transcript', placeHolder: 'Export the transcript as…', matchOnDetail: true });
  if (!pick) return undefined;
  const params: ExportTranscriptParams = { textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(document), format: pick.format, captions: pick.captions };
  const result = await client.sendRequest<ExportTranscriptResult>(EXPORT_TRANSCRIPT_REQUEST, params);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  const target = await chooseTarget(document.uri, result.extension);
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  void tellWritten(target, result.warnings);
  return target;
}

/** Beside the episode (when it is a saved file) after a confirmation if that file exists, or Save As…. */
async function chooseTarget(episode: vscode.Uri, extension: string): Promise<vscode.Uri | undefined> {
  const beside = hasFolder(episode) ? vscode.Uri.joinPath(episode, '..', baseName(episode) + extension) : undefined;
  const choices = beside ? [{ label: `Beside the episode: ${fileName(beside)}`, uri: beside }, { label: SAVE_AS }] : [{ label: SAVE_AS }];
  const where = await vscode.window.showQuickPick(choices, { title: 'Export Transcript', placeHolder: 'Write it where?' });
  if (!where) return undefined;
  if (!('uri' in where) || !where.uri) {
    const filters = { [extension.slice(1).toUpperCase()]: [extension.slice(extension.lastIndexOf('.') + 1)] };
    return vscode.window.showSaveDialog({ title: 'Export Transcript', defaultUri: beside ?? defaultSaveUri(episode, extension), filters });
  }
  if (await uriExists(where.uri)) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${fileName(where.uri)} already exists. Replace it?`, { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  return where.uri;
}

/** `transcript.vtt` in the workspace folder for an untitled episode (no folder of its own); no default outside a workspace. */
function defaultSaveUri(episode: vscode.Uri, extension: string): vscode.Uri | undefined {
  const folder = dialogFolder(episode);
  return folder && vscode.Uri.joinPath(folder, `transcript${extension}`);
}

async function tellWritten(target: vscode.Uri, warnings: readonly string[]): Promise<void> {
  const open = 'Open';
  const reveal = 'Reveal in Explorer';
  const said = `Exported the transcript to ${fileName(target)}.`;
  const choice = warnings.length > 0
    ? await vscode.window.showWarningMessage(`${said} Note: ${warnings.join(' ')}`, open, reveal)
    : await vscode.window.showInformationMessage(said, open, reveal);
  if (choice === open) await vscode.window.showTextDocument(target);
  if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', target);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** `ep.md` → `ep`: the export is named after the episode. */
function baseName(uri: vscode.Uri): string {
  const name = fileName(uri);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

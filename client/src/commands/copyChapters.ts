import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { ChapterExportFormat } from '../../../server/src/core/convert/types';
import { EXPORT_TRANSCRIPT_REQUEST, ExportTranscriptParams, ExportTranscriptResult, SETTINGS_SECTION } from '../../../server/src/protocol';
import { episodeEditor } from './chapterPreview';

const FORMATS: Record<ChapterExportFormat, { label: string; detail: string }> = {
  youtube: { label: 'YouTube Description', detail: '00:00 Intro, 02:39 Topic … (MM:SS, H:MM:SS past an hour)' },
  chapters: { label: 'Chapter List (HH:MM:SS Topic)', detail: "the site's podcast-timestamps/ file" },
  'chapters-json': { label: 'Podcasting 2.0 Chapters JSON', detail: '{"version":"1.2.0","chapters":[{"startTime","title"}]}' },
  'chapters-vtt': { label: 'WebVTT Chapters', detail: 'a cue per chapter' },
};

/** Transcripts: Copy Chapters — the episode's headers as a chapter list on the clipboard; YouTube's rule breaks and hidden headers named. */
export async function copyChapters(client: BaseLanguageClient): Promise<void> {
  const editor = episodeEditor('Copy Chapters');
  if (!editor) return;
  const picked = await vscode.window.showQuickPick(
    (Object.keys(FORMATS) as ChapterExportFormat[]).map((format) => ({ ...FORMATS[format], format })),
    { title: 'Copy Chapters', placeHolder: 'Copy the chapters as…' },
  );
  if (!picked) return;
  const introTitle = vscode.workspace.getConfiguration(SETTINGS_SECTION, editor.document.uri).get<string>('chapters.introTitle', 'Intro');
  const params: ExportTranscriptParams = { textDocument: client.code2ProtocolConverter.asTextDocumentIdentifier(editor.document), format: picked.format, introTitle };
  const result = await client.sendRequest<ExportTranscriptResult>(EXPORT_TRANSCRIPT_REQUEST, params);
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return;
  }
  if (result.text === '' || result.text.trim() === 'WEBVTT' || /"chapters": \[\]/.test(result.text)) {
    void vscode.window.showInformationMessage('This episode has no chapters to copy (no header with a timed line after it).');
    return;
  }
  await vscode.env.clipboard.writeText(result.text);
  const lines = picked.format === 'youtube' || picked.format === 'chapters' ? result.text.split('\n').filter(Boolean).length : undefined;
  void vscode.window.showInformationMessage(`Copied the chapters as ${picked.label}${lines !== undefined ? ` (${lines} lines)` : ''}.`);
  for (const warning of result.warnings) void vscode.window.showWarningMessage(`Copy Chapters: ${warning}`);
}

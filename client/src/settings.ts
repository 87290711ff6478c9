import * as vscode from 'vscode';
import { SETTINGS_SECTION, TranscriptSettings } from '../../server/src/protocol';

/**
 * What `workspace/configuration` answers for the `transcripts` section: only what the user set
 * (user, workspace or folder), so a `.transcriptlintrc.json` is not overridden by defaults.
 * Other sections are answered as VS Code has them.
 */
export function configurationFor(section: string | undefined, scopeUri: string | undefined): unknown {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  if (section !== SETTINGS_SECTION) return vscode.workspace.getConfiguration(section, scope);
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const explicit = <T>(key: string): T | undefined => {
    const inspected = config.inspect<T>(key);
    return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
  };
  const rules = explicit<Record<string, string>>('rules');
  const toleranceSeconds = explicit<number>('order.toleranceSeconds');
  const frontMatterKB = explicit<number>('limits.frontMatterKB');
  const chaptersFilePattern = explicit<string>('chapters.filePattern');
  const maxWordsPerMinute = explicit<number>('speechRate.maxWordsPerMinute');
  const audio = { enabled: explicit<boolean>('audio.enabled'), toleranceSeconds: explicit<number>('audio.toleranceSeconds'), untranscribedSeconds: explicit<number>('audio.untranscribedSeconds') };
  const settings: TranscriptSettings = {
    rules,
    order: toleranceSeconds === undefined ? undefined : { toleranceSeconds },
    limits: frontMatterKB === undefined ? undefined : { frontMatterKB },
    chapters: chaptersFilePattern === undefined ? undefined : { filePattern: chaptersFilePattern },
    speechRate: maxWordsPerMinute === undefined ? undefined : { maxWordsPerMinute },
    audio: Object.values(audio).every((v) => v === undefined) ? undefined : audio,
  };
  return settings;
}

/** `transcripts.codeLens`: a client-side switch (the server always computes the lenses). */
export function codeLensEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<boolean>('codeLens', true);
}

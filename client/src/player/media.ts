import * as vscode from 'vscode';
import type { MediaHintsResult } from '../../../server/src/protocol';
import { extension, folderRules, MEDIA_EXTENSIONS, NameRule, pickMediaName, sameNameRule, stem } from './mediaNames';
import { dialogFolder, hasFolder } from '../dialogFolder';
import { uriExists } from '../fileSystem';
import { mediaFolderSegments } from './mediaFolders';

/**
 * Which media file belongs to an episode (the names: mediaNames.ts). Only through
 * `vscode.workspace.fs` and URIs (no Node `fs`/`path`), so that it works on remote and virtual
 * file systems and in VS Code for the Web.
 */

const VIDEO_EXTENSIONS = new Set(['.webm', '.mp4']);
const CHOICES_KEY = 'transcripts.player.chosenMedia';

export type MediaFound = { uri: vscode.Uri; how: 'chosen' | 'beside' | 'folder' };
export type MediaSearch = MediaFound | { missing: true; lookedFor: string; folders: string[] };

export async function findMedia(episode: vscode.Uri, hints: MediaHintsResult, state: vscode.Memento): Promise<MediaSearch> {
  const chosen = chosenMedia(episode, state);
  if (chosen && (await uriExists(chosen))) return { uri: chosen, how: 'chosen' };
  const base = stem(fileName(episode));
  const beside = hasFolder(episode) ? pick(await list(vscode.Uri.joinPath(episode, '..')), sameNameRule(base)) : undefined;
  if (beside) return { uri: beside, how: 'beside' };
  const folders = mediaFolders(episode);
  // A rule is tried in every folder before the next rule: an exact name anywhere beats an id match.
  for (const rule of folderRules(base, hints)) {
    for (const folder of folders) {
      const found = pick(await list(folder.uri), rule);
      if (found) return { uri: found, how: 'folder' };
    }
  }
  return { missing: true, lookedFor: `${base}${MEDIA_EXTENSIONS[0]} (or ${MEDIA_EXTENSIONS.slice(1).join(' ')})`, folders: folders.map((f) => f.label) };
}

export function isVideo(uri: vscode.Uri): boolean {
  return VIDEO_EXTENSIONS.has(extension(fileName(uri)));
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** "Choose Media File…": remembered per episode in the workspace. */
export async function chooseMedia(episode: vscode.Uri, state: vscode.Memento): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: `Media file for ${fileName(episode)}`,
    defaultUri: dialogFolder(episode),
    canSelectMany: false,
    openLabel: 'Play',
    filters: { 'Audio and video': MEDIA_EXTENSIONS.map((e) => e.slice(1)) },
  });
  const uri = picked?.[0];
  if (uri) await state.update(CHOICES_KEY, { ...state.get<Record<string, string>>(CHOICES_KEY, {}), [episode.toString()]: uri.toString() });
  return uri;
}

function chosenMedia(episode: vscode.Uri, state: vscode.Memento): vscode.Uri | undefined {
  const chosen = state.get<Record<string, string>>(CHOICES_KEY, {})[episode.toString()];
  return chosen ? vscode.Uri.parse(chosen) : undefined;
}

/**
 * `transcripts.player.mediaFolders`, workspace-relative: in the episode's workspace folder, else in
 * each. Entries that would leave the workspace folder (absolute, `..` above it) are dropped.
 */
function mediaFolders(episode: vscode.Uri): { uri: vscode.Uri; label: string }[] {
  const setting = vscode.workspace.getConfiguration('transcripts.player', episode).get<unknown[]>('mediaFolders', []);
  const own = vscode.workspace.getWorkspaceFolder(episode);
  const roots = own ? [own] : vscode.workspace.workspaceFolders ?? [];
  const inside = (Array.isArray(setting) ? setting : []).flatMap((rel) => {
    const segments = mediaFolderSegments(rel);
    return segments ? [{ segments, label: String(rel) }] : [];
  });
  return roots.flatMap((root) => inside.map(({ segments, label }) => ({ uri: vscode.Uri.joinPath(root.uri, ...segments), label })));
}

function pick(files: vscode.Uri[], rule: NameRule): vscode.Uri | undefined {
  const name = pickMediaName(files.map(fileName), rule);
  return name === undefined ? undefined : files.find((f) => fileName(f) === name);
}

async function list(folder: vscode.Uri): Promise<vscode.Uri[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => vscode.Uri.joinPath(folder, name));
  } catch {
    return []; // A media folder that does not exist (yet) is not an error.
  }
}

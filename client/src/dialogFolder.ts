import * as vscode from 'vscode';

/**
 * Where a file dialog for an episode starts: the episode's folder, or for an untitled episode (one
 * that Import → Into a new episode just made) the workspace folder, since `untitled:` has no
 * folder and no file system to list (VS Code: "File system provider for untitled:. is not available").
 */
export function dialogFolder(episode: vscode.Uri | undefined): vscode.Uri | undefined {
  if (episode && hasFolder(episode)) return vscode.Uri.joinPath(episode, '..');
  const own = episode ? vscode.workspace.getWorkspaceFolder(episode) : undefined;
  return (own ?? vscode.workspace.workspaceFolders?.[0])?.uri;
}

/** An episode saved somewhere (file, remote, virtual): not an untitled buffer. */
export function hasFolder(episode: vscode.Uri): boolean {
  return episode.scheme !== 'untitled';
}

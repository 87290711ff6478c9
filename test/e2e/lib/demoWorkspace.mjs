// The demo's workspace: a folder it names when it starts and never deletes (issue 28). By default
// `demo-workspace/` at the repository root (git-ignored); `--workspace DIR` names another. The first
// start copies samples/ into it; later starts add only sample files that are missing, so what the user
// changed or saved there stays as it is. No VS Code here: the test of this runs it alone.
import fs from 'node:fs';
import path from 'node:path';

export function prepareDemoWorkspace(dir, samples) {
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(samples)) {
    const target = path.join(dir, name);
    if (!fs.existsSync(target)) fs.cpSync(path.join(samples, name), target, { recursive: true, errorOnExist: false, force: false });
  }
  return dir;
}

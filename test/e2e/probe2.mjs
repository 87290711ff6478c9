import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { launch, closeBrowser, writeSettings } from '/work/main/test/e2e/lib/vscode.mjs';
const vs = await launch({ name: 'probe', extension: false });
await vs.openFile('episode.md');
const pids = execSync(`pgrep -g ${vs.server.child.pid}`).toString().trim().split('\n');
const show = (w) => {
  console.log('--', w, 'settings ino', fs.statSync(vs.t + '/data/User/settings.json').ino.toString(16), 'User ino', fs.statSync(vs.t + '/data/User').ino.toString(16), 'data ino', fs.statSync(vs.t + '/data').ino.toString(16));
  for (const p of pids) { try { for (const fd of fs.readdirSync(`/proc/${p}/fdinfo`)) { const s = fs.readFileSync(`/proc/${p}/fdinfo/${fd}`, 'utf8'); const w = s.split('\n').filter(l => l.startsWith('inotify')).map(l => /ino:(\w+)/.exec(l)[1]); if (w.length) console.log(p, fd, w.join(' ')); } } catch {} }
};
show('before');
await writeSettings(vs.t, { 'window.title': 'gen1' });
await new Promise(r => setTimeout(r, 3000));
show('after'); console.log(await vs.page.title());
await vs.close(); await closeBrowser(); process.exit(0);

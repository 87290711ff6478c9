// Names and terms: a misheard guest name and a misheard tool underlined in a real VS Code, the
// site's spelling offered first and applied; Check All Episodes finds the same in a closed episode.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

// A made-up site: _people/ beside _podcast/, four episodes spelling the tool "Vandelay".
const SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'site');

test('misheard name and tool underlined, "Replace with" the site\'s spelling, Check All Episodes includes the rules', (t) => withVSCode(t, { name: 'terms', fixtures: SITE }, async (vs) => {
  await vs.openEpisode('_podcast/open.md');
  const editor = vs.activeEditor();
  await vs.openProblems();
  await vs.problem('name-spelling').first().waitFor();
  await vs.problem('term-spelling').first().waitFor();
  const texts = (await vs.problemTexts()).join('\n');
  assert.match(texts, /'Tomash' is probably 'Tomasz' \(guest Tomasz Wierzbicki\)/);
  assert.match(texts, /'Vandelai' is probably 'Vandelay' \(in 4 episodes\)/);
  await editor.locator('.squiggly-warning').first().waitFor();
  await editor.locator('.squiggly-info').first().waitFor();

  await vs.gotoLine(22, 25); // inside 'Vandelai'
  await vs.waitEditorStable();
  const fix = await vs.quickFixMenu(/Replace with 'Vandelay'/);
  await vs.screenshot('terms-quickfix-menu');
  await fix.click();
  await vs.waitEditorLine(/^- line: We deploy on Vandelay every single day\.$/);
  assert.equal(await vs.lineText(22), '- line: We deploy on Vandelay every single day.');
  assert.equal(await vs.lineText(18), '- line: Thanks, I am Tomash and I build the deploys.');
  await vs.problem('term-spelling').first().waitFor({ state: 'detached' });

  await vs.runCommand('Transcripts: Check All Episodes');
  await vs.page.locator('.notification-list-item', { hasText: /Checked 6 episodes/ }).first().waitFor();
  await vs.openProblems();
  const late = vs.problem('term-spelling');
  await late.first().waitFor();
  const lateTexts = await late.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent));
  assert.equal(lateTexts.length, 1, lateTexts.join('\n'));
  assert.match(lateTexts[0], /'Vandelai' is probably 'Vandelay' \(in 4 episodes\)/);
  assert.match((await vs.problemTexts()).join('\n'), /late\.md/);
  await vs.screenshot('terms-check-all');
}));

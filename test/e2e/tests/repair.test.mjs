// Broken YAML: an unclosed header quote is reported while the timing finding elsewhere in the
// file still is; the light bulb's "Close the quote of header …" repairs it; the Outline shows
// the unbroken header before the repair and both headers after it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

const BROKEN = `- header: 'Night Watch: "The Long Beam" and why it turns`;
const REPAIRED = `${BROKEN}'`;

/** The Outline's rows as labels, once `last` is rendered. */
async function outline(vs, last) {
  const rows = vs.page.locator('.outline-pane .monaco-list-row');
  await rows.filter({ hasText: last }).first().waitFor();
  return rows.evaluateAll((els) => els.map((el) => (el.querySelector('.label-name') ?? el).textContent.trim()));
}

test('an unclosed header quote: error and time-mismatch together; the light bulb closes the quote; the Outline shows the header', (t) => withVSCode(t, {
  name: 'repair',
  settings: { 'outline.collapseItems': 'alwaysCollapse' }, // top-level rows only, so all fit on screen
}, async (vs) => {
  const p = vs.page;
  const before = vs.readFile('broken.md');
  await vs.openEpisode('broken.md');
  const editor = vs.activeEditor();

  // Both findings at once: the syntax error stays local, the timing check still runs.
  await vs.openProblems();
  for (const [code, line, message] of [
    ['yaml-syntax', 8, /the front matter does not parse: Missing closing 'quote \(in header 'Night Watch: "The Long…'\)/],
    ['time-mismatch', 20, /time '0:39' is 39 s but sec is 38 s \(0:38\)/],
  ]) {
    const row = vs.problem(code).first();
    await row.waitFor();
    const text = await row.textContent();
    assert.match(text, message, text);
    assert.match(text, new RegExp(`Ln ${line}\\b`), `${code} is on line ${line}: ${text}`);
  }
  assert.equal((await vs.problemTexts()).length, 3, 'the file row and two markers');

  // The Outline, while the file is broken: the unbroken header, and the lines the broken one would hold.
  await p.locator('.pane-header[aria-expanded="true"]', { hasText: 'ws' }).click();
  await vs.runCommand('Explorer: Focus on Outline View');
  assert.deepEqual(await outline(vs, 'Fog Season'), ['Mara Quill · 0:04 — Good evening from the lamp room.', 'Tobin Ashgrove · 0:11 — Thanks for having me up all these stairs.', 'Fog Season']);

  // The light bulb on the broken header.
  await vs.focusEditor();
  await vs.gotoLine(8, 30);
  await vs.waitEditorStable();
  const fix = await vs.quickFixMenu(`Close the quote of header 'Night Watch: "The Long…'`);
  // One reading is plausible, so one repair (fix-all is a source action: not in this menu).
  const titles = await p.locator('.action-widget .monaco-list-row').evaluateAll((els) => els.map((el) => el.textContent.trim()));
  assert.deepEqual(titles.filter((s) => s !== 'Quick Fix'), [`Close the quote of header 'Night Watch: "The Long…'`]);
  await vs.screenshot('repair-quickfix');
  await fix.click();

  await vs.waitEditorLine(new RegExp(`^${REPAIRED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  assert.equal(await vs.lineText(8), REPAIRED);
  assert.equal(await vs.lineText(20), "  time: '0:39'", 'the repair changes only the broken value');
  await vs.problem('yaml-syntax').first().waitFor({ state: 'detached' });
  await vs.problem('time-mismatch').first().waitFor();
  assert.equal(await editor.locator('.squiggly-error').count() > 0, true, 'the time-mismatch squiggle stays');

  // The Outline now shows the repaired header too, with its lines under it.
  assert.deepEqual(await outline(vs, 'Night Watch'), ['Night Watch: "The Long Beam" and why it turns', 'Fog Season']);
  await vs.screenshot('repair-outline');

  // Saved: the file is the original with one quote added.
  await vs.focusEditor();
  await p.keyboard.press('Control+S');
  await p.locator('.tab.active:not(.dirty)[data-resource-name="broken.md"]').waitFor();
  assert.equal(vs.readFile('broken.md'), before.replace(`${BROKEN}\n`, `${REPAIRED}\n`));
}));

// The extension in VS Code for the Web: the language server in a Web Worker, other files read
// through the client from the virtual file system (vscode-test-web://mount/). One workbench for
// the whole file (steps in order: the quick fix edits the episode the earlier steps read).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWeb } from '../lib/web.mjs';

let wb;
before(async () => { wb = await launchWeb({ name: 'web' }); });
after(async () => {
  await wb?.close({ failed: failures > 0, error: lastError });
});
let failures = 0;
let lastError;
/** A step that leaves a failure screenshot and log. */
const step = (name, fn) => test(name, async (t) => {
  const started = Date.now();
  try {
    await fn();
  } catch (e) {
    failures++;
    lastError = e;
    await wb.screenshot(`failed-${name.slice(0, 40)}`).catch(() => {});
    throw e;
  } finally {
    t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
});

/** Opens a file of the mounted folder by clicking through the Explorer (no search provider here for Quick Open). */
async function openFromExplorer(relPath) {
  const p = wb.page;
  const parts = relPath.split('/');
  for (const [i, part] of parts.entries()) {
    const row = p.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${part}"]`).first();
    await row.waitFor();
    if (i < parts.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    } else await row.click();
  }
  await p.locator(`.tab.active[data-resource-name="${parts.at(-1)}"]`).waitFor();
  await wb.activeEditor().locator('.view-lines .view-line').first().waitFor();
  await wb.focusEditor();
}

step('the server runs in a Web Worker and checks an episode of the mounted folder', async () => {
  await openFromExplorer('_podcast/greenhouse.md');
  const editor = wb.activeEditor();
  await editor.locator('.squiggly-error').first().waitFor();
  await wb.waitEditorStable();
  // The worker is started from a blob (VS Code wraps it); what it loaded shows in its resource timing.
  const loaded = await Promise.all(wb.workers.map((w) => w.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [])));
  assert.ok(loaded.flat().some((url) => url.endsWith('/dist/browser/server.js')), `a worker loaded dist/browser/server.js: ${JSON.stringify(loaded)}`);
  await wb.openProblems();
  await wb.problem('time-mismatch').first().waitFor();
  const texts = await wb.problemTexts();
  assert.ok(texts.some((t) => /time '0:25' is 25 s but sec is 20 s/.test(t)), texts.join('\n'));
  await wb.screenshot('web-diagnostics');
});

step('the folder\'s .transcriptlintrc.json is honoured (who-missing raised to an error)', async () => {
  const row = wb.problem('who-missing').first();
  await row.waitFor();
  assert.equal(await row.locator('.codicon-error').count(), 1, `an error icon: ${await row.innerHTML()}`);
});

step('hover on a line: the speaker, the time and the video link', async () => {
  await wb.focusEditor();
  const hover = await wb.hoverText('Welcome back to the greenhouse');
  await hover.locator('a', { hasText: 'Open video at 0:12' }).waitFor();
  const href = await hover.locator('a', { hasText: 'Open video at 0:12' }).getAttribute('href');
  assert.match(href, /^https:\/\/www\.youtube\.com\/watch\?v=GhSeNsOr123&t=12$/);
  await wb.screenshot('web-hover');
  await wb.page.mouse.move(5, 5);
  await wb.page.keyboard.press('Escape');
});

step('the Outline lists the headers of the episode', async () => {
  const p = wb.page;
  await wb.runCommand('Explorer: Focus on Outline View');
  const rows = p.locator('.outline-pane .monaco-list-row');
  await rows.filter({ hasText: 'Closing the Vents' }).first().waitFor();
  const labels = await rows.evaluateAll((els) => els.filter((el) => el.getAttribute('aria-level') === '1').map((el) => (el.querySelector('.label-name') ?? el).textContent.trim()));
  assert.deepEqual(labels, ['Opening the Vents', 'Closing the Vents']);
  await wb.screenshot('web-outline');
});

step('the quick fix "Recompute time from sec" is applied', async () => {
  const editor = wb.activeEditor();
  await wb.gotoLine(14, 12); // inside '0:25'
  await wb.waitEditorStable();
  const fix = await wb.quickFixMenu(/Recompute `?time`? from `?sec`?/);
  await wb.screenshot('web-quickfix-menu');
  // The preferred fix comes focused; Enter applies it (a click can land on the menu's pointer block here).
  assert.match(await fix.getAttribute('class'), /\bfocused\b/);
  await wb.page.keyboard.press('Enter');
  await wb.waitEditorLine(/^  time: '0:20'$/);
  await wb.problem('time-mismatch').first().waitFor({ state: 'detached' });
  await wb.screenshot('web-quickfix');
});

step('Check All Episodes reads the virtual file system and finds the transcript copied between two files', async () => {
  const p = wb.page;
  await wb.runCommand('Transcripts: Check All Episodes');
  const message = p.locator('.notification-list-item', { hasText: /Checked 3 episodes/ }).first();
  await message.waitFor();
  assert.match(await message.innerText(), /1 copied transcript/);
  await wb.openProblems();
  const copies = wb.problem('transcript-copy');
  await copies.nth(1).waitFor();
  const texts = await copies.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || r.textContent));
  assert.ok(texts.some((t) => /_podcast\/compost-rerun\.md/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /_podcast\/compost-basics\.md/.test(t)), texts.join('\n'));
  await wb.screenshot('web-check-all');
});

step('Ctrl+T finds a header in every episode of the folder, the episode as container', async () => {
  const p = wb.page;
  await wb.focusEditor();
  await wb.quickInput('Control+T', 'Turning the Heap');
  const rows = p.locator('.quick-input-list .monaco-list-row', { hasText: 'Turning the Heap' });
  await rows.nth(1).waitFor();
  const labels = await rows.evaluateAll((els) => els.map((el) => el.textContent));
  assert.equal(labels.length, 2, labels.join('\n'));
  assert.ok(labels.some((l) => /Compost Basics/.test(l)) && labels.some((l) => /Compost, Again/.test(l)), labels.join('\n'));
  await wb.screenshot('web-workspace-symbols');
  await p.keyboard.press('Escape');
});

// Names and terms in VS Code for the Web: the language server in its Web Worker reads the people
// folder and the other episodes through the client (vscode-test-web://mount/), flags a misheard
// guest name and a misheard tool with the site's spelling first, and its quick fixes apply it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { launchWeb, WEB_DIR } from '../lib/web.mjs';

// A made-up site: _people/ beside _podcast/, four episodes spelling the tool "Quillmark", and
// kilns.md hearing the guest Oksana Veretennikova as "Veretenikova" and the tool as "Quilmark".
const SITE = path.join(WEB_DIR, 'fixtures', 'site');

/** The best suggestion comes first and focused; Enter applies it (a click can land on the menu's pointer block here). */
async function apply(wb, fix) {
  assert.match(await fix.getAttribute('class'), /\bfocused\b/);
  assert.equal(await fix.getAttribute('aria-posinset'), '1');
  await wb.page.keyboard.press('Enter');
}

test('misheard name and tool flagged in the Web Worker with the site\'s spelling, "Replace with" applies it', async () => {
  const wb = await launchWeb({ name: 'web-terms', prepare: (folder) => fsp.cp(SITE, folder, { recursive: true }) });
  let failed = false;
  try {
    await wb.openFromExplorer('_podcast/kilns.md');
    const editor = wb.activeEditor();
    await editor.locator('.squiggly-warning').first().waitFor();
    await editor.locator('.squiggly-info').first().waitFor();
    await wb.waitEditorStable();
    await wb.openProblems();
    const name = wb.problem('name-spelling');
    const term = wb.problem('term-spelling');
    await name.first().waitFor();
    await term.first().waitFor();
    assert.equal(await name.count(), 1);
    assert.equal(await term.count(), 1);
    assert.match(await name.first().getAttribute('aria-label'), /'Veretenikova' is probably 'Veretennikova' \(guest Oksana Veretennikova\)/);
    assert.match(await term.first().getAttribute('aria-label'), /'Quilmark' is probably 'Quillmark' \(in 4 episodes\)/);
    await wb.screenshot('web-terms');

    await wb.gotoLine(22, 34); // inside 'Quilmark'
    await wb.waitEditorStable();
    const fixTerm = await wb.quickFixMenu(/Replace with 'Quillmark'/);
    await wb.screenshot('web-terms-quickfix-menu');
    await apply(wb, fixTerm);
    await wb.waitEditorLine(/^- line: We log every firing in Quillmark these days\.$/);
    await term.first().waitFor({ state: 'detached' });

    await wb.gotoLine(18, 30); // inside 'Veretenikova'
    await wb.waitEditorStable();
    const fixName = await wb.quickFixMenu(/Replace with 'Veretennikova'/);
    await apply(wb, fixName);
    await wb.waitEditorLine(/^- line: Hello, I am Oksana Veretennikova and I teach glazing\.$/);
    await name.first().waitFor({ state: 'detached' });
    assert.equal(await wb.lineText(18), '- line: Hello, I am Oksana Veretennikova and I teach glazing.');
    assert.equal(await wb.lineText(22), '- line: We log every firing in Quillmark these days.');
    await wb.screenshot('web-terms-fixed');
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    await wb.close({ failed });
  }
});

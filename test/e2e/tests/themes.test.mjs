// Syntax highlighting (issue 5) in real VS Code, in a dark and a light default theme:
// headers, speakers and times get distinct colours; a malformed time stands out from a valid
// one; the semantic token of a misspelled speaker (who-variant) differs from the right spelling.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';
import { waitValue, tokenColor, mergedFixtures } from '../lib/extra.mjs';

const dirs = [];
after(async () => {
  await closeBrowser();
  for (const d of dirs) await fsp.rm(d, { recursive: true, force: true });
});

const seen = {}; // theme -> colours, to compare the two themes

async function checkTheme(t, theme, shot) {
  const fixtures = await mergedFixtures('themes'); // fixtures/ws plus times.md
  dirs.push(fixtures);
  return withVSCode(t, { name: shot, fixtures, settings: { 'workbench.colorTheme': theme } }, async (vs) => {
    const p = vs.page;
    // The theme really is applied (the workbench's class names the theme type).
    const dark = /Dark/.test(theme);
    await p.locator(`.monaco-workbench.${dark ? 'vs-dark' : 'vs'}`).waitFor();
    await vs.openEpisode('episode.md');

    const color = (line, text) => tokenColor(vs, line, text);
    // The semantic token for the who-variant arrives after the grammar's colours: wait for it.
    const quill = await color(12, 'Mara Quill');
    assert.ok(quill, 'speaker token rendered');
    const qill = await waitValue(p, () => color(29, 'Mara Qill'), (c) => c && c !== quill,
      { what: `the who-variant "Mara Qill" (line 29) coloured unlike "Mara Quill" (${quill})` });

    const c = {
      header: await color(8, 'Introduction'),
      speaker: quill,
      time: await color(11, "'0:05'"),
      sec: await color(10, '5'),
      line: await color(9, 'Welcome to the show'),
      variant: qill,
    };
    t.diagnostic(`${theme}: ${JSON.stringify(c)}`);
    for (const [k, v] of Object.entries(c)) assert.ok(v, `${k} token rendered`);
    assert.notEqual(c.header, c.speaker, 'header vs speaker');
    assert.notEqual(c.header, c.time, 'header vs time');
    assert.notEqual(c.speaker, c.time, 'speaker vs time');
    await vs.screenshot(shot);

    // A malformed time (times.md line 11, '0:9') is coloured unlike a valid one (line 7).
    await vs.openFile('times.md');
    const valid = await waitValue(p, () => color(7, "'0:05'"), Boolean, { what: 'valid time rendered' });
    const invalid = await waitValue(p, () => color(11, "'0:9'"), Boolean, { what: 'invalid time rendered' });
    t.diagnostic(`${theme}: valid time ${valid}, invalid time ${invalid}`);
    assert.equal(valid, c.time, 'a valid time has the same colour in both files');
    assert.notEqual(invalid, valid, 'invalid time vs valid time');
    seen[theme] = { ...c, invalid };
    await vs.screenshot(`${shot}-times`);
  });
}

test('dark theme: headers, speakers, times, invalid times and who-variants in distinct colours', (t) => checkTheme(t, 'Dark 2026', 'theme-dark'));

test('light theme: the same distinctions, in other colours than the dark theme', async (t) => {
  await checkTheme(t, 'Light 2026', 'theme-light');
  const [d, l] = [seen['Dark 2026'], seen['Light 2026']];
  if (d && l) assert.notEqual(d.speaker, l.speaker, 'the speaker colour follows the theme');
});

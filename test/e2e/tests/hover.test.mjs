// Hover on a spoken line: speaker, time and the "Open video at M:SS" link to the right second.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { withVSCode, closeBrowser } from '../lib/vscode.mjs';

after(closeBrowser);

test('hover shows speaker, time and the video link', (t) => withVSCode(t, { name: 'hover' }, async (vs) => {
  await vs.openEpisode('episode.md');
  const hover = await vs.hoverText('How did the keepers record', 'Open video at 1:15');
  const text = await hover.textContent();
  assert.match(text, /Mara Quill/, text);
  assert.match(text, /1:15/, text);
  const link = hover.locator('a', { hasText: 'Open video at 1:15' });
  assert.equal(await link.count(), 1, text);
  const href = (await link.getAttribute('data-href')) || (await link.getAttribute('href'));
  assert.equal(href, 'https://www.youtube.com/watch?v=AbCdEfGhIjK&t=75');
  await vs.screenshot('hover');
}));

// Chapters steps shared by the desktop e2e (tests/chapters.test.mjs) and test:web: quick picks
// opened by a command, the Refactor Preview, notifications.
import assert from 'node:assert/strict';
import { waitValue } from './extra.mjs';

/** Runs a palette command, then picks `pick` in the quick pick titled `title` that the command opens. */
export async function commandWithPick(vs, label, title, pick) {
  const p = vs.page;
  await vs.quickInput('F1', label);
  await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await p.keyboard.press('Enter');
  await choose(vs, title, pick);
}

export async function choose(vs, title, pick) {
  const p = vs.page;
  await p.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  const row = p.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: pick }).first();
  await row.waitFor();
  await row.click();
}

/**
 * The Refactor Preview: its edits as listed; edits that need confirmation start unticked (VS Code's
 * design), so the file's box is ticked (all of them) before Apply.
 */
export async function reviewAndApply(vs, edits) {
  const p = vs.page;
  const pane = p.locator('.bulk-edit-panel');
  await pane.waitFor({ state: 'visible' });
  const listed = await waitValue(p, () => pane.innerText(), (text) => edits.every((e) => text.includes(e)), { what: `the refactor preview to list ${JSON.stringify(edits)}` });
  assert.equal(listed.split('\n').filter((l) => l.startsWith('- header:')).length, edits.length, listed);
  await vs.screenshot(`${vs.name}-preview`);
  // One category (ours), so the preview lists by file: the first row is the file, whose box ticks every edit.
  await pane.locator('.monaco-list-row').first().locator('.edit-checkbox').click();
  await p.waitForFunction(() => document.querySelectorAll('.bulk-edit-panel .edit-checkbox.checked, .bulk-edit-panel .edit-checkbox[aria-checked="true"]').length > 0);
  await vs.screenshot(`${vs.name}-preview-ticked`);
  await pane.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
  await pane.waitFor({ state: 'hidden' });
}

export async function notification(vs, text) {
  const toast = vs.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible' });
  return (await toast.innerText()).replace(/\s+/g, ' ');
}


// Page-level steps for the media player's webview, shared by the desktop (code-server) and the
// web (VS Code for the Web) suites: the webview's page sits inside two iframes in both.

/** The player page inside the webview's two iframes. */
export function playerFrame(wb) {
  return wb.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The player's time as its page shows it, e.g. `0:04 / 0:17` (null while the page is not there). */
export async function playerTime(wb) {
  return playerFrame(wb).locator('#time').textContent({ timeout: 2000 }).catch(() => null);
}

/** Runs Transcripts: Open Player and waits for the page (its Choose Media File… button is always there). */
export async function openPlayer(wb) {
  await wb.runCommand('Transcripts: Open Player');
  await playerFrame(wb).locator('#choose').waitFor();
}

/** 1-based line numbers of the editor lines painted by the player's whole-line highlight. */
export async function highlightedLines(wb) {
  return wb.activeEditor().evaluate((ed) => {
    const numbers = new Map([...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
      .map((el) => [Math.round(parseFloat(el.parentElement.style.top || el.style.top)), Number(el.textContent)]));
    return [...ed.querySelectorAll('.view-overlays > div')]
      .filter((row) => [...row.children].some((c) => /\bced-/.test(c.className)))
      .map((row) => numbers.get(Math.round(parseFloat(row.style.top))))
      .filter(Boolean)
      .sort((a, b) => a - b);
  });
}

/** The regions of the waveform lane's timed lines: [item index, start px, end px], in the lane's order. */
export async function laneRegions(frame) {
  return frame.locator('#waveform').evaluate((lane) => {
    const root = lane.querySelector('div')?.shadowRoot ?? lane;
    return [...root.querySelectorAll('[part~="region"]')]
      .map((el) => ({ part: el.getAttribute('part') ?? '', box: el.getBoundingClientRect() }))
      .map(({ part, box }) => [Number(/line-(\d+)/.exec(part)?.[1]), Math.round(box.left), Math.round(box.right)]);
  });
}

/** The shaded speech under the waveform: [start, end] of each segment as a share (0–1) of the whole lane's length. */
export async function laneSpeech(frame) {
  return frame.locator('#waveform').evaluate((lane) => {
    const root = lane.querySelector('div')?.shadowRoot ?? lane;
    const band = root.querySelector('[part~="speech"]');
    if (!band) return [];
    const whole = band.getBoundingClientRect();
    return [...band.children].map((el) => {
      const box = el.getBoundingClientRect();
      return [(box.left - whole.left) / whole.width, (box.right - whole.left) / whole.width];
    });
  });
}

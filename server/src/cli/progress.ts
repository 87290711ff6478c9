/**
 * A one-line counter on stderr (`checked 120/203 files`), redrawn in place at most every 100 ms
 * and erased at the end. Only for a terminal: the caller decides whether it is shown at all.
 */
export interface Progress {
  tick(): void;
  done(): void;
}

const NONE: Progress = { tick() {}, done() {} };

export function createProgress(stream: { write(text: string): unknown }, total: number, enabled: boolean): Progress {
  if (!enabled) return NONE;
  let count = 0;
  let last = 0;
  let shown = false;
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last < 100 && count < total) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2Kchecked ${count}/${total} files`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}

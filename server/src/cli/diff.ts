/**
 * A unified diff of two texts (what `--fix-dry-run` prints), in the form `diff -u` and `git diff`
 * write, so `git apply` and `patch -p1` take it. Lines are compared with their line breaks; a
 * carriage return before a line feed stays part of the line, as in those tools.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const hunk of hunks(ops, context)) out += hunk;
  return out;
}

export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The shortest edit script (Myers' O(ND) algorithm), after trimming the common ends. */
function diffLines(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  return [
    ...a.slice(0, prefix).map((line): Op => ({ kind: ' ', line })),
    ...myers(midA, midB),
    ...a.slice(a.length - suffix).map((line): Op => ({ kind: ' ', line })),
  ];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m); trace[d] holds v before round d, for k in [-d-1, d+1].
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d];
    const at = (k: number): number => before[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: ' ', line: a[--x] }), y--;
    if (d === 0) break;
    if (down) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', line: a[--x] }), y--;
  return ops.reverse();
}

function* hunks(ops: Op[], context: number): Generator<string> {
  let i = 0;
  // Line numbers (1-based) of ops[i] in the old and new text.
  const oldLine: number[] = [];
  const newLine: number[] = [];
  for (let o = 1, n = 1; i < ops.length; i++) {
    oldLine.push(o);
    newLine.push(n);
    if (ops[i].kind !== '+') o++;
    if (ops[i].kind !== '-') n++;
  }
  i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i === ops.length) return;
    const start = Math.max(0, i - context);
    let end = i;
    // Extend over changes closer than two contexts apart, so hunks never overlap.
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const body = ops.slice(start, stop);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    let text = `@@ -${range(oldLine[start], oldCount)} +${range(newLine[start], newCount)} @@\n`;
    for (const op of body) {
      const bare = op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line;
      text += `${op.kind}${bare}\n`;
      if (!op.line.endsWith('\n')) text += '\\ No newline at end of file\n';
    }
    yield text;
    i = stop;
  }
}

/** `start,count` as diff writes it: an empty range names the line before it; a count of 1 is left out. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

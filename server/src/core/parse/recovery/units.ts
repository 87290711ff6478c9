import { closesOn, isBoundary, isDash, keyOf, Line, OpenQuote, quoteOpenedBy, splitLines } from './lines';

/**
 * The front matter cut into the smallest units that parse on their own: one per top-level key, and
 * one per transcript item. Offsets are relative to the YAML text and cover whole lines. A quoted
 * value left open runs on (over lines at any indentation, as PyYAML reads them) until it closes or
 * a line that starts a new key of the schema at or left of its own key.
 */

export interface Unit {
  start: number;
  end: number;
}

export interface TopUnit extends Unit {
  /** The key as written on its first line (undefined when the line is not a key). */
  key?: string;
  /** Its first line is indented: only the front matter's first unit can be (later indented lines extend the unit above). */
  indented?: boolean;
  /** For `transcript:` with a block list: the key line (and comments) before the first item, and the items. */
  list?: { head: Unit; items: Unit[] };
}

export function layoutUnits(yaml: string): TopUnit[] {
  const units: TopUnit[] = [];
  let current: TopUnit | undefined;
  let item: Unit | undefined;
  let dashColumn: number | undefined;
  let open: OpenQuote | undefined;
  const extend = (line: Line) => {
    if (!current) return;
    current.end = line.next;
    if (item) item.end = line.next;
    else if (current.list) current.list.head.end = line.next;
  };
  const lines = splitLines(yaml);
  for (const [index, line] of lines.entries()) {
    if (open) {
      if (!isBoundary(lines, index, open)) {
        extend(line);
        if (closesOn(yaml, line, open)) open = undefined;
        continue;
      }
      open = undefined;
    }
    if (line.blank || line.comment) {
      extend(line);
      continue;
    }
    const key = keyOf(line);
    if (!current || (line.indent === 0 && !isDash(line.content) && key?.keyColumn === 0)) {
      current = { start: line.start, end: line.next, key: key?.keyColumn === 0 ? key.key : undefined, indented: line.indent > 0 || undefined };
      item = undefined;
      dashColumn = undefined;
      if (current.key === 'transcript' && isEmptyValue(yaml, line, key!.valueColumn)) current.list = { head: { start: line.start, end: line.next }, items: [] };
      units.push(current);
    } else if (current.list && isDash(line.content) && (dashColumn === undefined || line.indent === dashColumn)) {
      dashColumn ??= line.indent;
      item = { start: line.start, end: line.next };
      current.list.items.push(item);
      current.end = line.next;
    } else {
      extend(line);
    }
    open = quoteOpenedBy(yaml, line);
  }
  return units;
}

/**
 * The first unit is indented above units at column 0: it can never read in place, whatever it holds,
 * since a whole parse takes the root map's column from the first key and every key after it is then
 * an error. So it is a broken unit even when it parses alone, and no repair of its value mends it.
 */
export function misplacedFirst(units: readonly TopUnit[]): boolean {
  return units.length > 1 && units[0].indented === true;
}

function isEmptyValue(yaml: string, line: Line, valueColumn: number): boolean {
  const rest = yaml.slice(line.start + valueColumn, line.end).trim();
  return rest === '' || rest.startsWith('#');
}

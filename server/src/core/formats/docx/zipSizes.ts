/**
 * The sizes a zip file (a .docx) declares for its entries once inflated, read from its central
 * directory without inflating anything, so that a document that would inflate from 1 MB to 1 GB
 * is refused before mammoth unzips it (issue 28). ZIP64 sizes are read too. Bytes that are not a
 * zip give undefined: mammoth then says what is wrong with them.
 */

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

export interface ZipSizes {
  entries: number;
  /** The sum of the entries' declared uncompressed sizes. */
  inflatedBytes: number;
  /** The largest entry: its name and declared uncompressed size. */
  largest?: { name: string; bytes: number };
}

export function zipSizes(data: Uint8Array): ZipSizes | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfDirectory(view);
  if (end === undefined) return undefined;
  let entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) {
    const zip64 = zip64Directory(view, end);
    if (!zip64) return undefined;
    ({ entries, offset } = zip64);
  }
  const sizes: ZipSizes = { entries: 0, inflatedBytes: 0 };
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength + extraLength > view.byteLength) return undefined;
    let bytes = view.getUint32(offset + 24, true);
    if (bytes === 0xffffffff) bytes = zip64Size(view, offset + 46 + nameLength, extraLength) ?? bytes;
    const name = new TextDecoder().decode(data.subarray(offset + 46, offset + 46 + nameLength));
    sizes.entries++;
    sizes.inflatedBytes += bytes;
    if (!sizes.largest || bytes > sizes.largest.bytes) sizes.largest = { name, bytes };
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return sizes;
}

function findEndOfDirectory(view: DataView): number | undefined {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_END_SEARCH; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return undefined;
}

function zip64Directory(view: DataView, end: number): { entries: number; offset: number } | undefined {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return undefined;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) return undefined;
  return { entries: Number(view.getBigUint64(record + 32, true)), offset: Number(view.getBigUint64(record + 48, true)) };
}

/** The uncompressed size in an entry's ZIP64 extra field (id 1, its first value). */
function zip64Size(view: DataView, from: number, length: number): number | undefined {
  for (let at = from; at + 4 <= from + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001 && size >= 8) return Number(view.getBigUint64(at + 4, true));
    at += 4 + size;
  }
  return undefined;
}

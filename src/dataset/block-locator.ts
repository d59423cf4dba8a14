/**
 * Finds the line and column of a data path in block-style YAML (the style `npm run format`
 * writes) by reading indentation, without building a YAML document: locating thousands of
 * findings in a national-scale file must not cost a full parse. Returns null when the text
 * is not plain block style at that place; the caller then falls back to the `yaml` parser.
 *
 * It reads the file's UTF-8 bytes, not a decoded string, so the loader keeps no text per
 * file; the line index is a few typed arrays (13 bytes a line, not an object a line).
 * Indentation, dashes and keys are ASCII, so a byte column is a character column there;
 * a line whose leading part holds any other byte is decoded and read as text instead.
 */
import type { PathSegment } from './issues.ts';

/** Per line: indentation, key column, value column, key length (0: no key); 16 bits unless a line is very long. */
type Columns = Uint16Array | Int32Array;
export type LineIndex = {
  count: number;
  indent: Columns;
  keyColumn: Columns;
  valueColumn: Columns;
  keyLength: Columns;
  /** Byte offset of the line's key (or of where it would start). */
  keyOffset: Int32Array;
  /** `ITEM` (a `- ` line) and `BLANK` (empty or a comment). */
  flags: Uint8Array;
};

const ITEM = 1;
const BLANK = 2;
/** A key as the locator knows it: ASCII letters, digits and underscores before a colon. */
const KEY = /^([A-Za-z0-9_]+):(?:\s+|$)/;
// A BOM at a line's start is white space to trimStart, so the decoder must keep it.
const lineDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

class ColumnOverflow extends Error {}

/** ASCII white space as `trimStart` and `\s` see it (the line feed ends the line). */
const isSpace = (b: number) => b === 32 || b === 9 || b === 11 || b === 12 || b === 13;
const isKeyByte = (b: number) => (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 95;

type LineColumns = { indent: number; item: boolean; keyColumn: number; valueColumn: number; keyLength: number; keyOffset: number };

/** One line read as text (the reading the byte scan must agree with), for lines where a non-ASCII byte may be white space. */
function readTextLine(bytes: Uint8Array, start: number, end: number): LineColumns | null {
  const raw = lineDecoder.decode(bytes.subarray(start, end));
  const indent = raw.length - raw.trimStart().length;
  const body = raw.slice(indent);
  if (body === '' || body.startsWith('#')) return null;
  const item = body === '-' || body.startsWith('- ');
  const afterDash = item ? body.slice(2).trimStart() : body;
  const keyColumn = item ? indent + (body.length - afterDash.length) : indent;
  const match = KEY.exec(afterDash);
  const valueColumn = match ? keyColumn + match[0].length : keyColumn;
  const keyOffset = start + Buffer.byteLength(raw.slice(0, keyColumn));
  return { indent, item, keyColumn, valueColumn, keyLength: match ? match[1]!.length : 0, keyOffset };
}

/**
 * Reads line `i` from its bytes into the index; false when a non-ASCII byte sits where
 * white space may be (the line is then read as text).
 */
function readByteLine(bytes: Uint8Array, start: number, end: number, index: LineIndex, i: number, limit: number): boolean {
  let p = start;
  while (p < end && isSpace(bytes[p]!)) p++;
  if (p < end && bytes[p]! >= 0x80) return false;
  if (p === end || bytes[p] === 35) {
    index.flags[i] = BLANK;
    return true;
  }
  const item = bytes[p] === 45 && (p + 1 === end || bytes[p + 1] === 32);
  let k = p;
  if (item) {
    k = Math.min(p + 2, end);
    while (k < end && isSpace(bytes[k]!)) k++;
    if (k < end && bytes[k]! >= 0x80) return false;
  }
  let e = k;
  while (e < end && isKeyByte(bytes[e]!)) e++;
  let keyLength = 0;
  let valueColumn = k - start;
  if (e > k && e < end && bytes[e] === 58) {
    let v = e + 1;
    while (v < end && isSpace(bytes[v]!)) v++;
    if (v < end && bytes[v]! >= 0x80) return false;
    if (v > e + 1 || v === end) {
      keyLength = e - k;
      valueColumn = v - start;
    }
  }
  if (valueColumn > limit) throw new ColumnOverflow();
  index.indent[i] = p - start;
  index.keyColumn[i] = k - start;
  index.valueColumn[i] = valueColumn;
  index.keyLength[i] = keyLength;
  index.keyOffset[i] = k;
  index.flags[i] = item ? ITEM : 0;
  return true;
}

function build(bytes: Uint8Array, count: number, wide: boolean): LineIndex {
  const columns = () => (wide ? new Int32Array(count) : new Uint16Array(count));
  const index: LineIndex = {
    count,
    indent: columns(),
    keyColumn: columns(),
    valueColumn: columns(),
    keyLength: columns(),
    keyOffset: new Int32Array(count),
    flags: new Uint8Array(count),
  };
  const limit = wide ? 0x7fffffff : 0xffff;
  let start = 0;
  for (let i = 0; i < count; i++) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    if (!readByteLine(bytes, start, end, index, i, limit)) {
      const line = readTextLine(bytes, start, end);
      if (line === null) index.flags[i] = BLANK;
      else {
        // The value column is the largest; the line is longer than it.
        if (line.valueColumn > limit) throw new ColumnOverflow();
        index.indent[i] = line.indent;
        index.keyColumn[i] = line.keyColumn;
        index.valueColumn[i] = line.valueColumn;
        index.keyLength[i] = line.keyLength;
        index.keyOffset[i] = line.keyOffset;
        index.flags[i] = line.item ? ITEM : 0;
      }
    }
    start = end + 1;
  }
  return index;
}

/** Reads every line's indentation and key. */
export function indexLines(bytes: Uint8Array): LineIndex {
  let count = 1;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) count++;
  try {
    return build(bytes, count, false);
  } catch (error) {
    if (!(error instanceof ColumnOverflow)) throw error;
    return build(bytes, count, true);
  }
}

export type BlockLocator = (path: readonly PathSegment[], keyOf?: string) => { line: number; column: number } | null;

export function blockLocator(bytes: Uint8Array): BlockLocator {
  const { count, indent, keyColumn, valueColumn, keyLength, keyOffset, flags } = indexLines(bytes);
  const blank = (i: number) => (flags[i]! & BLANK) !== 0;
  /** Item lines of each sequence, by the sequence's first line: findings often share a list. */
  const itemsCache = new Map<number, number[]>();
  /** Where the block of a line ends, by the line and the depth (its indent or its key column). */
  const endsCache = new Map<number, number>();
  const next = (from: number, end: number) => {
    let i = from;
    while (i < end && blank(i)) i++;
    return i;
  };
  /** The end of the block that starts at `start`: the next line indented `depth` or less, at most `end`. */
  const blockEnd = (start: number, end: number, depth: number, asKey: boolean) => {
    const cacheKey = start * 2 + (asKey ? 1 : 0);
    let natural = endsCache.get(cacheKey);
    if (natural === undefined) {
      let i = start + 1;
      while (i < count && (blank(i) || indent[i]! > depth)) i++;
      endsCache.set(cacheKey, (natural = i));
    }
    return Math.min(natural, end);
  };
  const keyIs = (i: number, segment: string) => {
    const length = keyLength[i]!;
    if (length === 0 || length !== segment.length) return false;
    const offset = keyOffset[i]!;
    for (let j = 0; j < length; j++) if (bytes[offset + j] !== segment.charCodeAt(j)) return false;
    return true;
  };

  return (path, keyOf) => {
    let start = 0;
    let end = count;
    // The column where keys of the current mapping start; -1 at the root until seen.
    let mapColumn = -1;
    let position = { line: 1, column: 1 };
    // After a value written on the key's own line (a flow collection), indentation says nothing.
    let inline = false;
    const total = keyOf === undefined ? path.length : path.length + 1;
    for (let depth = 0; depth < total; depth++) {
      const segment = depth < path.length ? path[depth]! : keyOf!;
      if (inline) return null;
      const first = next(start, end);
      if (first >= end) return position;
      if (typeof segment === 'number') {
        if ((flags[first]! & ITEM) === 0) return null;
        let items = itemsCache.get(first);
        if (!items) {
          items = [];
          const dashIndent = indent[first]!;
          for (let i = first; i < end; i++) {
            if (blank(i)) continue;
            if (indent[i]! < dashIndent) break;
            if ((flags[i]! & ITEM) !== 0 && indent[i] === dashIndent) items.push(i);
          }
          itemsCache.set(first, items);
        }
        const found = items[segment] ?? -1;
        if (found === -1) return position;
        start = found;
        end = blockEnd(found, end, indent[found]!, false);
        mapColumn = keyColumn[found]!;
        position = { line: found + 1, column: keyColumn[found]! + 1 };
      } else {
        const column = mapColumn === -1 ? keyColumn[first]! : mapColumn;
        let found = -1;
        for (let i = first; i < end; i++) {
          if (!blank(i) && keyColumn[i] === column && keyIs(i, segment)) {
            found = i;
            break;
          }
        }
        if (found === -1) return position;
        const isLast = depth === total - 1;
        if (isLast && keyOf !== undefined) return { line: found + 1, column: keyColumn[found]! + 1 };
        const valueInline = valueColumn[found]! > keyColumn[found]! + segment.length + 1;
        const blockStop = blockEnd(found, end, column, true);
        inline = valueInline;
        if (valueInline) position = { line: found + 1, column: valueColumn[found]! + 1 };
        else {
          const child = next(found + 1, blockStop);
          position =
            child < blockStop ? { line: child + 1, column: indent[child]! + 1 } : { line: found + 1, column: keyColumn[found]! + 1 };
        }
        start = found + 1;
        end = blockStop;
        mapColumn = -1;
      }
    }
    return position;
  };
}

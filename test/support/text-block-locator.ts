/**
 * The block locator as it was before it read bytes (one object a line, over the decoded
 * text): kept only as the oracle that test/dataset/block-locator.test.ts compares the byte
 * reader with, so that every finding keeps its line and column.
 */
import type { PathSegment } from '../../src/dataset/issues.ts';

type Line = { indent: number; item: boolean; key: string | null; keyColumn: number; valueColumn: number };

const KEY = /^([A-Za-z0-9_]+):(?:\s+|$)/;

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    const indent = raw.length - raw.trimStart().length;
    const body = raw.slice(indent);
    if (body === '' || body.startsWith('#')) {
      lines.push({ indent: -1, item: false, key: null, keyColumn: 0, valueColumn: 0 });
      continue;
    }
    const item = body === '-' || body.startsWith('- ');
    const afterDash = item ? body.slice(2).trimStart() : body;
    const keyStart = item ? indent + (body.length - afterDash.length) : indent;
    const match = KEY.exec(afterDash);
    const key = match ? match[1]! : null;
    const valueColumn = match ? keyStart + match[0].length : keyStart;
    lines.push({ indent, item, key, keyColumn: keyStart, valueColumn });
  }
  return lines;
}

type BlockLocator = (path: readonly PathSegment[], keyOf?: string) => { line: number; column: number } | null;

export function textBlockLocator(text: string): BlockLocator {
  const lines = readLines(text);
  /** Item lines of each sequence, by the sequence's first line: findings often share a list. */
  const itemsCache = new Map<number, number[]>();
  const next = (from: number, end: number) => {
    let i = from;
    while (i < end && lines[i]!.indent === -1) i++;
    return i;
  };
  /** The end of the block that starts at `start`: the next line indented `depth` or less. */
  const blockEnd = (start: number, end: number, depth: number) => {
    let i = start + 1;
    while (i < end && (lines[i]!.indent === -1 || lines[i]!.indent > depth)) i++;
    return i;
  };

  return (path, keyOf) => {
    let start = 0;
    let end = lines.length;
    // The column where keys of the current mapping start; -1 at the root until seen.
    let mapColumn = -1;
    let position = { line: 1, column: 1 };
    // After a value written on the key's own line (a flow collection), indentation says nothing.
    let inline = false;
    const segments = keyOf === undefined ? path : [...path, keyOf];
    for (const [depth, segment] of segments.entries()) {
      if (inline) return null;
      const first = next(start, end);
      if (first >= end) return position;
      if (typeof segment === 'number') {
        const dash = lines[first]!;
        if (!dash.item) return null;
        let items = itemsCache.get(first);
        if (!items) {
          items = [];
          for (let i = first; i < end; i++) {
            const line = lines[i]!;
            if (line.indent === -1) continue;
            if (line.indent < dash.indent) break;
            if (line.item && line.indent === dash.indent) items.push(i);
          }
          itemsCache.set(first, items);
        }
        const found = items[segment] ?? -1;
        if (found === -1) return position;
        const line = lines[found]!;
        start = found;
        end = blockEnd(found, end, line.indent);
        mapColumn = line.keyColumn;
        position = { line: found + 1, column: line.keyColumn + 1 };
      } else {
        const column = mapColumn === -1 ? lines[first]!.keyColumn : mapColumn;
        let found = -1;
        for (let i = first; i < end; i++) {
          const line = lines[i]!;
          if (line.indent === -1) continue;
          if (line.keyColumn === column && line.key === segment) {
            found = i;
            break;
          }
        }
        if (found === -1) return position;
        const line = lines[found]!;
        const isLast = depth === segments.length - 1;
        if (isLast && keyOf !== undefined) return { line: found + 1, column: line.keyColumn + 1 };
        const valueInline = line.valueColumn > line.keyColumn + segment.length + 1;
        const blockStop = blockEnd(found, end, column);
        inline = valueInline;
        if (valueInline) position = { line: found + 1, column: line.valueColumn + 1 };
        else {
          const child = next(found + 1, blockStop);
          position =
            child < blockStop ? { line: child + 1, column: lines[child]!.indent + 1 } : { line: found + 1, column: line.keyColumn + 1 };
        }
        start = found + 1;
        end = blockStop;
        mapColumn = -1;
      }
    }
    return position;
  };
}

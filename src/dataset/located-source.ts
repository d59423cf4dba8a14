/**
 * The way back from a data path to a line and column, for a file already read: the block
 * locator over its bytes, and the `yaml` package's document (built only when the locator
 * cannot answer, decoded from the same bytes).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { blockLocator, type BlockLocator } from './block-locator.ts';
import type { PathSegment } from './issues.ts';
import type { ParsedFile } from './yaml-source.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `locate`, `sourceAt` and `release` over a file's bytes as js-yaml read them (with a BOM
 * or CR line ends dropped, re-encoded): the block locator reads the bytes, and the `yaml`
 * document the rare fallback needs is decoded from them on demand. Made outside
 * `parseYamlFile`, so that the closures hold nothing of its scope (the text above all).
 * A host that validated the file elsewhere (a worker thread) locates with this alone.
 */
export function locatedSource(file: string, bytes: Uint8Array): Omit<ParsedFile, 'data' | 'issues'> {
  let source: Uint8Array | undefined = bytes;
  let fast: BlockLocator | undefined;
  let composed: ReturnType<typeof composeDocument> | undefined;
  const document = () => (composed ??= composeDocument(decoder.decode(source!)));
  return {
    file,
    locate: (path, keyOf) => {
      if (source === undefined) return { line: 0, column: 0 };
      fast ??= blockLocator(source);
      const found = fast(path, keyOf);
      if (found) return found;
      const { doc } = document();
      return locateIn(doc, doc.lineCounter, path, keyOf);
    },
    sourceAt(path) {
      if (source === undefined) return undefined;
      const { doc, text: composedText } = document();
      const { node, depth } = nodeAt(doc, path);
      if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
      return composedText.slice(node.range[0], node.range[1]).trim();
    },
    sourceBytes: () => source,
    release() {
      source = undefined;
      fast = undefined;
      composed = undefined;
    },
  };
}

export function composeDocument(text: string): { doc: Document & { lineCounter: LineCounter }; text: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true }) as Document & {
    lineCounter: LineCounter;
  };
  doc.lineCounter = lineCounter;
  return { doc, text };
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node: Node | null; depth: number } {
  let node: Node | null = doc.contents as Node | null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
    } else break;
    depth++;
  }
  return { node, depth };
}

function locateIn(doc: Document, counter: LineCounter, path: readonly PathSegment[], keyOf?: string) {
  const { node } = nodeAt(doc, path);
  let offset = node?.range?.[0] ?? 0;
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === keyOf);
    if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
  } else if (keyOf !== undefined || path.length === 0) {
    // keep the collection's own position
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Canonical formatting of a data file: keys in schema order, dates and codes quoted,
 * two-space indentation, LF endings, no BOM. Comments are kept. Pure: text in, text out.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import type { z } from 'zod';
import { unwrapSchema } from '../schema/introspect.ts';

type AnySchema = z.core.$ZodType;

/** Strings that must stay strings whatever a YAML reader thinks: dates, codes, numbers, booleans. */
const NEEDS_QUOTES = /^(?:\d|[+-]\d|true$|false$|null$|yes$|no$|on$|off$|~$)/i;

function childSchema(schema: AnySchema | undefined, key: string | number): AnySchema | undefined {
  if (!schema) return undefined;
  const def = unwrapSchema(schema)._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  if (def.type === 'object' && typeof key === 'string') return def.shape?.[key];
  if (def.type === 'array') return def.element;
  return undefined;
}

function fieldOrder(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = unwrapSchema(schema)._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function isShortScalarList(node: Node): boolean {
  if (!isSeq(node)) return false;
  if (node.items.length === 0) return true;
  if (!node.items.every((item) => isScalar(item) && !item.commentBefore && !item.comment)) return false;
  return node.items.reduce((n: number, item) => n + String((item as Scalar).value).length + 4, 0) <= 80;
}

function normalize(node: Node | null | undefined, schema: AnySchema | undefined): void {
  if (!node) return;
  if (isMap(node)) {
    const order = fieldOrder(schema);
    if (order.length && node.items.length > 1) {
      // A comment above the first key heads the block, not that key: keep it on top.
      const firstKey = node.items[0]!.key as Node | null;
      const heading = isScalar(firstKey) ? firstKey.commentBefore : undefined;
      if (isScalar(firstKey)) firstKey.commentBefore = undefined;
      const rank = (key: unknown) => {
        const i = order.indexOf(String(isScalar(key) ? key.value : key));
        return i === -1 ? order.length : i;
      };
      node.items = node.items
        .map((pair, index) => ({ pair, index }))
        .sort((a, b) => rank(a.pair.key) - rank(b.pair.key) || a.index - b.index)
        .map(({ pair }) => pair);
      const newFirst = node.items[0]!.key as Node | null;
      if (heading && isScalar(newFirst)) newFirst.commentBefore = [heading, newFirst.commentBefore].filter(Boolean).join('\n');
    }
    node.flow = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
      normalize(pair.value as Node, childSchema(schema, key));
    }
  } else if (isSeq(node)) {
    node.flow = isShortScalarList(node);
    node.items.forEach((item, i) => normalize(item as Node, childSchema(schema, i)));
  } else if (isScalar(node)) {
    if (typeof node.value === 'string') {
      const text = node.value;
      if (text.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (NEEDS_QUOTES.test(text) || text === '') node.type = Scalar.QUOTE_DOUBLE;
      else if (text.includes('\\') && !text.includes("'")) node.type = Scalar.QUOTE_SINGLE;
      else node.type = Scalar.PLAIN;
    }
  }
}

export type FormatResult = { ok: true; text: string } | { ok: false };

/** Formats a data file; `{ ok: false }` when the text is not valid YAML (validate reports why). */
export function formatYaml(source: string, schema?: AnySchema): FormatResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const doc = parseDocument(text, { uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length) return { ok: false };
  normalize(doc.contents as Node, schema);
  const out = doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    defaultStringType: 'PLAIN',
    flowCollectionPadding: false,
    nullStr: 'null',
  });
  return { ok: true, text: out.endsWith('\n') ? out : `${out}\n` };
}

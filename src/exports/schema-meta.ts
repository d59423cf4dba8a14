/**
 * Reads what the Zod schemas already say about a field (description, examples, allowed
 * values, pattern, whether it may be missing), so that the downloads, the datapackage and
 * the data dictionary never repeat it by hand. Pure.
 */
import type { z } from 'zod';
import { WRAPPER_TYPES } from '../schema/introspect.ts';

export type FieldFacts = {
  description: string;
  examples: unknown[];
  /** Present in every record after validation (a default counts as present). */
  required: boolean;
  enum?: string[];
  pattern?: string;
  /** The innermost Zod type name (`string`, `enum`, `number`, `array`…). */
  zodType: string;
  /** For a list: the pattern every item matches, when the schema has one. */
  itemPattern?: string;
};

type CheckDef = { format?: string; pattern?: RegExp };
type AnyZod = z.ZodType & {
  _zod: { def: { type: string; innerType?: AnyZod; element?: AnyZod; checks?: Array<{ _zod: { def: unknown } }> } };
};

function metaOf(schema: AnyZod): { description?: string; examples?: unknown[] } {
  return (schema.meta() as { description?: string; examples?: unknown[] } | undefined) ?? {};
}

/** Everything the schema knows about one field, looking through optional/nullable/default. */
export function fieldFacts(schema: z.ZodType): FieldFacts {
  let current = schema as AnyZod;
  let description = metaOf(current).description;
  let examples = metaOf(current).examples;
  let required = true;
  while (WRAPPER_TYPES.includes(current._zod.def.type)) {
    // In a download, a defaulted field always has a value: only optional and nullable ones may be empty.
    if (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable') required = false;
    current = current._zod.def.innerType!;
    description ??= metaOf(current).description;
    examples ??= metaOf(current).examples;
  }
  const facts: FieldFacts = { description: description ?? '', examples: examples ?? [], required, zodType: current._zod.def.type };
  if (current._zod.def.type === 'enum') facts.enum = [...(current as unknown as { options: string[] }).options];
  const checks = (current._zod.def.checks ?? []).map((c) => c._zod.def as CheckDef);
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  if (pattern) facts.pattern = pattern.source;
  if (current._zod.def.type === 'array' && current._zod.def.element) {
    const item = fieldFacts(current._zod.def.element).pattern;
    if (item) facts.itemPattern = item;
  }
  return facts;
}

/** The leaf field paths of an object schema, for the dictionary's completeness check. */
export function schemaFieldPaths(schema: z.ZodType, prefix = ''): string[] {
  let current = schema as AnyZod;
  while (WRAPPER_TYPES.includes(current._zod.def.type)) current = current._zod.def.innerType!;
  if (current._zod.def.type !== 'object') return [prefix];
  const shape = (current as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).flatMap(([key, value]) => schemaFieldPaths(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * The one place that reads Zod's internals: which wrappers qualify a schema (optional,
 * nullable, default…), and the object shape or list element inside. The loader's messages,
 * the formatter, the data dictionary and the export metadata all look through schemas here,
 * with one list of wrappers.
 */
import type { z } from 'zod';

export type AnySchema = z.core.$ZodType;

/** Zod's definition record, as far as we read it. */
export type SchemaDef = {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string>;
  checks?: Array<{ _zod: { def: unknown } }>;
};

/** Wrapper types that only qualify the schema inside them (`innerType`). A pipe is looked through to its input. */
export const WRAPPER_TYPES: readonly string[] = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'];

export function defOf(schema: AnySchema): SchemaDef {
  return schema._zod.def as SchemaDef;
}

/** The schema under every wrapper, and the wrappers met on the way, outermost first. */
export function peel(schema: AnySchema): { inner: AnySchema; wrappers: string[] } {
  let inner = schema;
  const wrappers: string[] = [];
  for (;;) {
    const def = defOf(inner);
    if (def.innerType && WRAPPER_TYPES.includes(def.type)) {
      wrappers.push(def.type);
      inner = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      wrappers.push('pipe');
      inner = def.in;
    } else return { inner, wrappers };
  }
}

/** The schema that describes the value itself, under optional/nullable/default/pipe wrappers. */
export function unwrapSchema(schema: AnySchema): AnySchema {
  return peel(schema).inner;
}

/** The fields of an object schema (under wrappers), or undefined for anything else. */
export function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = defOf(unwrapSchema(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** The item schema of a list schema (under wrappers), or undefined for anything else. */
export function arrayElement(schema: AnySchema): AnySchema | undefined {
  const def = defOf(unwrapSchema(schema));
  return def.type === 'array' ? def.element : undefined;
}

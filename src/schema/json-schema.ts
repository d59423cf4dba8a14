/** JSON Schemas for editors, generated from the Zod schemas (committed; a test checks drift). */
import { z } from 'zod';
import { FederalFile, FiguresFile, PlatformsFile, PolicyFile, RegionFile, RegionsFile } from './index.ts';

/** File name under data/schema/ → schema of the data file it describes. */
export const JSON_SCHEMA_FILES = {
  'platforms.schema.json': PlatformsFile,
  'regions.schema.json': RegionsFile,
  'figures.schema.json': FiguresFile,
  'federal.schema.json': FederalFile,
  'region-file.schema.json': RegionFile,
  'policy.schema.json': PolicyFile,
} as const;

export function toJsonSchemaText(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify(json, null, 2)}\n`;
}

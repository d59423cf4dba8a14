/** `npm run schema`: writes the editors' JSON Schemas into data/schema/. */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_FILES, toJsonSchemaText } from '../src/schema/json-schema.ts';

const dir = path.resolve('data/schema');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(JSON_SCHEMA_FILES)) {
  writeFileSync(path.join(dir, name), toJsonSchemaText(schema));
  console.log(`data/schema/${name}`);
}

import { dictionaryMarkdown } from '../src/schema/dictionary.ts';
writeFileSync(path.resolve('data/README.md'), dictionaryMarkdown());
console.log('data/README.md');

/**
 * Reads every import in src/ (static, re-exports and dynamic `import('…')`), resolved to the
 * stage folder it points at. Shared by the layer test and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ImportEdge = { file: string; line: number; from: string; to: string; specifier: string; typeOnly: boolean };

const SOURCE = /\.(ts|astro|svelte|mjs)$/;
const IMPORT = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"`]([^'"`$]+)['"`]\s*\)/g;

export function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The stage folder of a file: the first folder under src/ (a file directly in src/ is its own). */
export function stageOf(srcRoot: string, file: string): string {
  const relative = path.relative(srcRoot, file).split(path.sep);
  return relative.length > 1 ? relative[0]! : relative[0]!.replace(/\.[^.]+$/, '');
}

export function importEdges(srcRoot: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcRoot)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[3] ?? match[4]!;
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(srcRoot + path.sep)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      const from = stageOf(srcRoot, file);
      const to = stageOf(srcRoot, target);
      if (from !== to) edges.push({ file: path.relative(srcRoot, file), line, from, to, specifier, typeOnly: Boolean(match[2]) });
    }
  }
  return edges;
}

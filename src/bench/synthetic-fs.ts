/** Writes a synthetic dataset folder next to copies of the real reference files. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { syntheticRegionFiles, type SyntheticOptions } from './synthetic.ts';

export function writeSyntheticDataset(
  dir: string,
  options: SyntheticOptions & { referenceDir?: string } = {},
): { files: number; bytes: number } {
  const reference = options.referenceDir ?? 'data';
  mkdirSync(path.join(dir, 'regions'), { recursive: true });
  for (const name of ['platforms.yaml', 'regions.yaml']) copyFileSync(path.join(reference, name), path.join(dir, name));
  const regions = (parse(readFileSync(path.join(reference, 'regions.yaml'), 'utf8')) as { regions: Array<{ id: string }> }).regions.map(
    (r) => r.id,
  );
  let files = 2;
  let bytes = 0;
  for (const file of syntheticRegionFiles(regions, options)) {
    const target = path.join(dir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    files++;
    bytes += Buffer.byteLength(file.text);
  }
  return { files, bytes };
}

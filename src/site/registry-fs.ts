/**
 * The site's single entry to the data: loads and validates once per build and refuses
 * to render anything from invalid data.
 */
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { takeValidated } from '../dataset/shared-dataset.ts';
import { hasErrors } from '../dataset/issues.ts';
import { readDataVersion } from '../changes/history-fs.ts';
import { buildRegistry, type Registry } from '../model/registry.ts';
import { takeRegistry } from '../model/shared-registry.ts';
import { formatAsBuildError } from '../report/format-issues.ts';

let cached: Registry | undefined;

export function getRegistry(): Registry {
  if (!cached) {
    // Ages are counted to the data version's date (D4), so one commit always builds the same site.
    const asOf = readDataVersion(dataDir()).date;
    const shared = takeRegistry(dataDir(), asOf);
    if (shared) return (cached = shared);
    const { dataset, issues } = takeValidated(dataDir()) ?? loadDatasetFromDir();
    if (hasErrors(issues)) throw new Error(formatAsBuildError(issues));
    cached = buildRegistry(dataset, { asOf });
  }
  return cached;
}

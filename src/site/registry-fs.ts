/**
 * The site's single entry to the data: loads and validates once per build and refuses
 * to render anything from invalid data.
 */
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { takeValidated } from '../dataset/shared-dataset.ts';
import { hasErrors } from '../dataset/issues.ts';
import { readDataVersion } from '../changes/history-fs.ts';
import { buildRegistry, type Registry } from '../model/registry.ts';
import { formatAsBuildError } from '../report/format-issues.ts';

let cached: Registry | undefined;

export function getRegistry(): Registry {
  if (!cached) {
    const { dataset, issues } = takeValidated(dataDir()) ?? loadDatasetFromDir();
    if (hasErrors(issues)) throw new Error(formatAsBuildError(issues));
    // Ages are counted to the data version's date (D4), so one commit always builds the same site.
    cached = buildRegistry(dataset, { asOf: readDataVersion(dataDir()).date });
  }
  return cached;
}

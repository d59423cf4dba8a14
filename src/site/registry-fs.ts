/**
 * The site's single entry to the data: loads and validates once per build and refuses
 * to render anything from invalid data.
 */
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { derivedFromValidated } from '../dataset/shared-dataset.ts';
import { hasErrors } from '../dataset/issues.ts';
import { readDataVersion } from '../changes/history-fs.ts';
import type { LoadResult } from '../dataset/load-dataset.ts';
import { buildRegistry, registryKey, type Registry } from '../model/registry.ts';
import { formatAsBuildError } from '../report/format-issues.ts';

let cached: Registry | undefined;

export function getRegistry(): Registry {
  if (!cached) {
    // Ages are counted to the data version's date (D4), so one commit always builds the same site.
    const asOf = readDataVersion(dataDir()).date;
    const registryOf = ({ dataset, issues }: LoadResult) => {
      if (hasErrors(issues)) throw new Error(formatAsBuildError(issues));
      return buildRegistry(dataset, { asOf });
    };
    // In the build the exports phase has made this very registry already (see render-site.ts).
    cached = derivedFromValidated(dataDir(), registryKey(asOf), registryOf) ?? registryOf(loadDatasetFromDir());
  }
  return cached;
}

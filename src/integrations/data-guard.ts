/**
 * Stops any Astro build or dev server whose data does not validate, so invalid data can
 * never reach dist/, even when someone runs `astro build` directly and skips CI.
 */
import type { AstroIntegration } from 'astro';
import { DataDirError, dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { takeValidated } from '../dataset/shared-dataset.ts';
import { hasErrors } from '../dataset/issues.ts';
import { formatAsBuildError } from '../report/format-issues.ts';

/** The build error for the data folder as it is now, or null when it validates. */
export function dataBuildError(): string | null {
  try {
    const { issues } = takeValidated(dataDir()) ?? loadDatasetFromDir();
    return hasErrors(issues) ? formatAsBuildError(issues) : null;
  } catch (error) {
    if (error instanceof DataDirError) return error.message;
    throw error;
  }
}

export default function dataGuard(): AstroIntegration {
  return {
    name: 'gospabliki:data-guard',
    hooks: {
      'astro:config:setup': () => {
        const message = dataBuildError();
        if (message) throw new Error(message);
      },
    },
  };
}

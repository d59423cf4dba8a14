/**
 * Stops any Astro build or dev server whose data does not validate, so invalid data can
 * never reach dist/, even when someone runs `astro build` directly and skips CI.
 */
import type { AstroIntegration } from 'astro';
import { dataDir, loadDatasetFromDir } from '../dataset/dataset-fs.ts';
import { takeValidated } from '../dataset/shared-dataset.ts';
import { hasErrors } from '../dataset/issues.ts';
import { formatAsBuildError } from '../report/format-issues.ts';

export default function dataGuard(): AstroIntegration {
  return {
    name: 'gospabliki:data-guard',
    hooks: {
      'astro:config:setup': () => {
        const { issues } = takeValidated(dataDir()) ?? loadDatasetFromDir();
        if (hasErrors(issues)) throw new Error(formatAsBuildError(issues));
      },
    },
  };
}

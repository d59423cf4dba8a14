/**
 * Rules that span files, run in order, each a small function returning its findings:
 * platform rules, reference files, one organisation at a time, parents. Accounts are
 * canonicalised (and their duplicates found) by canonical-accounts.ts, before these run.
 */
import type { Dataset } from './dataset.ts';
import type { Issue } from './issues.ts';
import type { Located } from './rule-context.ts';
import { checkOrganizations } from './rules-organizations.ts';
import { checkParents, checkReferenceFiles } from './rules-references.ts';

export type { Located } from './rule-context.ts';
export { STALE_AFTER_DAYS } from './rules-organizations.ts';

export function checkDataset(dataset: Dataset, located: readonly Located[], today: string): Issue[] {
  return [...checkReferenceFiles(dataset, located, today), ...checkOrganizations(located, today), ...checkParents(located)];
}

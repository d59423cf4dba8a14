/**
 * Builds the site once from the browser-test fixture data and serves it on loopback.
 * Tests read the address with `inject('siteUrl')`.
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../src/build/build-site.ts';
import { startStaticServer } from '../../src/serve/static-server.ts';
import { formatForTerminal } from '../../src/report/format-issues.ts';

export const SITE_DATA = path.resolve('test/fixtures/site');
export const SITE_OUT = path.resolve('.cache/test-site');

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const previous = process.env.DATA_DIR;
  process.env.DATA_DIR = SITE_DATA;
  // Regional and federal bodies (12 in the fixture) get search records of their own;
  // municipal ones are searched on their region's pages, as most bodies are at national scale.
  const previousBudget = process.env.SEARCH_RECORD_BUDGET;
  process.env.SEARCH_RECORD_BUDGET = '12';
  // The fixture was laid out for pages of 250 rows: Chelyabinsk's municipalities get pages of
  // their own and Moscow a continuation page, as large regions do at national scale.
  const previousRows = process.env.PAGE_ROW_BUDGET;
  process.env.PAGE_ROW_BUDGET = '250';
  try {
    const result = await buildSite({ outDir: SITE_OUT });
    if (!result.ok) throw new Error(`Тестовые данные не прошли проверку:\n${formatForTerminal(result.issues)}`);
  } finally {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    if (previousBudget === undefined) delete process.env.SEARCH_RECORD_BUDGET;
    else process.env.SEARCH_RECORD_BUDGET = previousBudget;
    if (previousRows === undefined) delete process.env.PAGE_ROW_BUDGET;
    else process.env.PAGE_ROW_BUDGET = previousRows;
  }
  const { server, url } = await startStaticServer(SITE_OUT);
  project.provide('siteUrl', url);
  project.provide('siteDir', SITE_OUT);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

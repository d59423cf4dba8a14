/**
 * How many organisations this build gives a search record of their own: the model's budget,
 * or `SEARCH_RECORD_BUDGET` from the environment (the browser tests set a small one, so the
 * fixture site is searched both ways: records, and organisations on their region's page).
 */
import { SEARCH_RECORD_BUDGET } from '../model/search-records.ts';

export function searchRecordBudget(): number {
  const text = process.env.SEARCH_RECORD_BUDGET?.trim();
  const value = text ? Number(text) : Number.NaN;
  return Number.isInteger(value) && value >= 0 ? value : SEARCH_RECORD_BUDGET;
}

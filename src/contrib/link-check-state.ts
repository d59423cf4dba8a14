/**
 * A page is reported lost only after repeated observations spread over time. One run sees a
 * 404 or a platform's "not found" and calls it `suspect`; a small state file kept between runs
 * remembers those observations, and a loss is confirmed when they repeat (by default twice,
 * at least six days apart). A page seen alive clears its record. Pure: JSON text in and out.
 */
import type { LinkResult } from './link-check.ts';

export type LossKind = 'not_found' | 'gone';
export type Observation = { at: string; kind: LossKind; detail: string };
export type LinkState = { version: 1; accounts: Record<string, { url: string; observations: Observation[] }> };
export type ConfirmRule = { observations: number; minSpanDays: number };

export const DEFAULT_CONFIRM: ConfirmRule = { observations: 2, minSpanDays: 6 };
/** Observations kept per account: enough to confirm, small enough to keep the file small. */
const KEEP = 5;
const DAY_MS = 86_400_000;

export const emptyState = (): LinkState => ({ version: 1, accounts: {} });

/** Reads the state file's text; anything unreadable starts afresh, with a line saying so. */
export function parseState(text: string | null): { state: LinkState; warning?: string } {
  if (text === null) return { state: emptyState() };
  try {
    const value = JSON.parse(text) as Partial<LinkState>;
    if (value?.version !== 1 || typeof value.accounts !== 'object' || value.accounts === null) throw new Error('shape');
    const accounts: LinkState['accounts'] = {};
    for (const [uid, entry] of Object.entries(value.accounts)) {
      const observations = Array.isArray(entry?.observations)
        ? entry.observations.filter(
            (o): o is Observation =>
              typeof o?.at === 'string' &&
              !Number.isNaN(Date.parse(o.at)) &&
              (o.kind === 'not_found' || o.kind === 'gone') &&
              typeof o.detail === 'string',
          )
        : [];
      if (observations.length && typeof entry.url === 'string') accounts[uid] = { url: entry.url, observations };
    }
    return { state: { version: 1, accounts } };
  } catch {
    return {
      state: emptyState(),
      warning: 'файл с прошлыми наблюдениями не читается — начинаю с чистого листа (пропажи подтвердятся в следующих проверках)',
    };
  }
}

export const serializeState = (state: LinkState) => `${JSON.stringify(state, null, 2)}\n`;

const ordinal = (n: number) => `${n}-е`;

/**
 * Turns this run's `suspect` results into confirmed losses where earlier runs saw the same,
 * and returns the next state. Results other than `suspect` and `unchecked` clear the record.
 */
export function confirmLosses(
  results: readonly LinkResult[],
  previous: LinkState,
  at: string,
  rule: ConfirmRule = DEFAULT_CONFIRM,
): { results: LinkResult[]; state: LinkState } {
  const accounts: LinkState['accounts'] = structuredClone(previous.accounts);
  const out = results.map((result): LinkResult => {
    if (result.status === 'unchecked') return result;
    if (result.status !== 'suspect' || !result.observed) {
      delete accounts[result.uid];
      return result;
    }
    const earlier = accounts[result.uid]?.observations.filter((o) => o.kind === result.observed) ?? [];
    const observations = [...earlier, { at, kind: result.observed, detail: result.detail }].slice(-KEEP);
    accounts[result.uid] = { url: result.url, observations };
    const spanDays = (Date.parse(at) - Date.parse(observations[0]!.at)) / DAY_MS;
    if (observations.length >= rule.observations && spanDays >= rule.minSpanDays) {
      const since = observations[0]!.at.slice(0, 10);
      return {
        ...result,
        status: result.observed,
        detail: `${result.detail}; так же было при ${observations.length} проверках с ${since}`,
      };
    }
    return {
      ...result,
      detail: `${result.detail} — ${ordinal(observations.length)} такое наблюдение; пропажа подтвердится, если повторится не раньше чем через ${rule.minSpanDays} дн. после первого`,
    };
  });
  return { results: out, state: { version: 1, accounts } };
}

/**
 * The mix of account keys in a dataset: how many are names people chose (not numeric ids),
 * their lengths, digits and separators, how many a body reuses across platforms, and how
 * many lie one edit from another name on the same platform. Measured on the real data and
 * on the synthetic set, so the benchmark's check figures can be shown to mean what they say.
 * Pure.
 */
import { chosenName } from '../check/keys.ts';
import { editDistance } from '../check/keys.ts';

export type KeyedAccount = { platform: string; key: string; organization: string };

export type HandleMix = {
  accounts: number;
  /** Share of keys that are chosen names, overall and per platform. */
  chosen: number;
  chosenByPlatform: Record<string, number>;
  /** Median length of chosen names. */
  medianLength: number;
  /** Shares of chosen names with a digit, an underscore, a dot. */
  digits: number;
  underscores: number;
  dots: number;
  /** Share of accounts whose key another platform's page of the same body also uses. */
  reused: number;
  /** Share of chosen names one edit (OSA) from another chosen name on the same platform (sampled). */
  nearCollisions: number;
};

/** Measures the mix; near collisions over at most `sample` names (a deletion-neighbourhood join). */
export function handleMix(accounts: readonly KeyedAccount[], sample = 20_000): HandleMix {
  const chosen = accounts.map((a) => ({ ...a, name: chosenName(a.key) }));
  const names = chosen.filter((a): a is typeof a & { name: string } => a.name !== null);
  const byPlatform: Record<string, { all: number; chosen: number }> = {};
  for (const a of chosen) {
    const p = (byPlatform[a.platform] ??= { all: 0, chosen: 0 });
    p.all++;
    if (a.name) p.chosen++;
  }
  const lengths = names.map((a) => a.name.length).sort((x, y) => x - y);
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  const perOrg = new Map<string, string[]>();
  for (const a of names) perOrg.set(a.organization, [...(perOrg.get(a.organization) ?? []), a.name]);
  const reused = names.filter((a) => perOrg.get(a.organization)!.filter((n) => n === a.name).length > 1).length;

  // One edit apart: two names share a deletion variant (or one is the other's).
  const variants = new Map<string, Set<string>>();
  for (const a of names) {
    const uid = `${a.platform}:${a.name}`;
    for (let i = -1; i < a.name.length; i++) {
      const v = `${a.platform}:${i < 0 ? a.name : a.name.slice(0, i) + a.name.slice(i + 1)}`;
      let set = variants.get(v);
      if (!set) variants.set(v, (set = new Set()));
      set.add(uid);
    }
  }
  const step = Math.max(1, Math.floor(names.length / sample));
  let near = 0;
  let tried = 0;
  for (let index = 0; index < names.length; index += step) {
    const a = names[index]!;
    tried++;
    const uid = `${a.platform}:${a.name}`;
    let found = false;
    for (let i = -1; i < a.name.length && !found; i++) {
      const v = `${a.platform}:${i < 0 ? a.name : a.name.slice(0, i) + a.name.slice(i + 1)}`;
      for (const other of variants.get(v) ?? []) {
        if (other !== uid && editDistance(a.name, other.slice(other.indexOf(':') + 1), 2) === 1) found = true;
      }
    }
    if (found) near++;
  }
  return {
    accounts: accounts.length,
    chosen: share(names.length, accounts.length),
    chosenByPlatform: Object.fromEntries(Object.entries(byPlatform).map(([p, c]) => [p, share(c.chosen, c.all)])),
    medianLength: lengths[Math.floor(lengths.length / 2)] ?? 0,
    digits: share(names.filter((a) => /\d/.test(a.name)).length, names.length),
    underscores: share(names.filter((a) => a.name.includes('_')).length, names.length),
    dots: share(names.filter((a) => a.name.includes('.')).length, names.length),
    reused: share(reused, accounts.length),
    nearCollisions: share(near, tried),
  };
}

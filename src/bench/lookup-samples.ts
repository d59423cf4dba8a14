/**
 * Which lookups the bench measures: registered addresses spread over the whole set (found),
 * and the same chosen names with one letter changed in the middle (missing, with
 * lookalikes), as pasted links; plus one bare handle, which is tried on every platform.
 * Deterministic. Pure.
 */
import { chosenName } from '../check/keys.ts';

type Account = { platform: string; key: string; canonical_url: string };

export function lookupSamples(accounts: readonly Account[], count = 60): Array<{ label: string; input: string }> {
  const step = Math.max(1, Math.floor(accounts.length / count));
  const samples: Array<{ label: string; input: string }> = [];
  let bare: string | undefined;
  for (let i = 0; i < accounts.length; i += step) {
    const account = accounts[i]!;
    samples.push({ label: `найден (${account.canonical_url})`, input: account.canonical_url });
    const name = chosenName(account.key);
    if (!name || name !== account.key || name.length < 4) continue;
    const at = Math.floor(name.length / 2);
    const slip = `${name.slice(0, at)}${name[at] === 'x' ? 'y' : 'x'}${name.slice(at + 1)}`;
    const url = account.canonical_url.replace(account.key, slip);
    samples.push({ label: `нет в реестре, похожие (${url})`, input: url });
    bare ??= account.platform === 'telegram' ? slip : undefined;
  }
  if (bare) samples.push({ label: `имя без адреса, на всех площадках (@${bare})`, input: `@${bare}` });
  return samples;
}

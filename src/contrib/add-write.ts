/**
 * Writes a planned entry into a data file's text: through the `yaml` Document API, so
 * comments and the rest of the file stay as they were, then in canonical format.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { z } from 'zod';
import { formatYaml } from '../format/format-yaml.ts';
import type { AddPlan } from './add-plan.ts';

export type WriteResult = { ok: true; text: string; line: number } | { ok: false; error: string };

function organizationsOf(doc: Document): YAMLSeq | null {
  const root = doc.contents;
  if (!isMap(root)) return null;
  const value = root.get('organizations', true);
  if (value === undefined || (isScalar(value) && value.value === null)) {
    const seq = doc.createNode([]) as YAMLSeq;
    root.set('organizations', seq);
    return seq;
  }
  return isSeq(value) ? value : null;
}

/** The line (1-based) where the item at `organizations[o].accounts[a]` (or `organizations[o]`) starts. */
function lineOf(text: string, path: Array<string | number>): number {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? counter.linePos(node.range[0]).line : 1;
}

/** Inserts the plan's account (and its new organisation) into the file text. */
export function insertEntry(source: string, plan: AddPlan, schema: z.ZodType): WriteResult {
  const doc = parseDocument(source.replace(/\r\n?/g, '\n'), { uniqueKeys: true });
  if (doc.errors.length) return { ok: false, error: `${plan.file} не читается как YAML: сначала исправьте ошибки (npm run validate)` };
  const organizations = organizationsOf(doc);
  if (!organizations)
    return { ok: false, error: `в ${plan.file} нет списка organizations: файл повреждён, сначала исправьте его (npm run validate)` };
  organizations.flow = false;

  let path: Array<string | number>;
  if (plan.organization.kind === 'new') {
    organizations.items.push(doc.createNode(plan.organization.entry));
    path = ['organizations', organizations.items.length - 1];
  } else {
    const { id, index } = plan.organization;
    // The loader's index is the position in the file; ids are unique, so fall back to a search.
    const holds = (item: unknown) => isMap(item) && (item as YAMLMap).get('id') === id;
    const at = holds(organizations.items[index]) ? index : organizations.items.findIndex(holds);
    if (at === -1) return { ok: false, error: `организация «${id}» не найдена в ${plan.file}` };
    const org = organizations.items[at] as YAMLMap;
    let accounts: unknown = org.get('accounts', true);
    if (accounts === undefined || (isScalar(accounts) && accounts.value === null)) {
      accounts = doc.createNode([]) as YAMLSeq;
      org.set('accounts', accounts);
    }
    if (!isSeq(accounts))
      return { ok: false, error: `у организации «${id}» в ${plan.file} поле accounts не список: исправьте файл (npm run validate)` };
    accounts.flow = false;
    accounts.items.push(doc.createNode(plan.account));
    path = ['organizations', at, 'accounts', accounts.items.length - 1];
  }
  const formatted = formatYaml(doc.toString(), schema);
  if (!formatted.ok) return { ok: false, error: `не удалось записать ${plan.file} в каноническом виде` };
  return { ok: true, text: formatted.text, line: lineOf(formatted.text, path) };
}

/**
 * Appends one evidence record to an account the file already holds (found by its
 * organisation's id and its address as written): used by harvest and verify.
 */
export function appendEvidence(
  source: string,
  target: { file: string; organizationId: string; accountUrl: string },
  evidence: Record<string, unknown>,
  schema: z.ZodType,
): WriteResult {
  const doc = parseDocument(source.replace(/\r\n?/g, '\n'), { uniqueKeys: true });
  if (doc.errors.length) return { ok: false, error: `${target.file} не читается как YAML: сначала исправьте ошибки (npm run validate)` };
  const organizations = organizationsOf(doc);
  const at = organizations?.items.findIndex((item) => isMap(item) && item.get('id') === target.organizationId) ?? -1;
  if (!organizations || at === -1) return { ok: false, error: `организация «${target.organizationId}» не найдена в ${target.file}` };
  const accounts = (organizations.items[at] as YAMLMap).get('accounts', true);
  const index = isSeq(accounts) ? accounts.items.findIndex((item) => isMap(item) && item.get('url') === target.accountUrl) : -1;
  if (!isSeq(accounts) || index === -1)
    return { ok: false, error: `аккаунт ${target.accountUrl} не найден у организации «${target.organizationId}» в ${target.file}` };
  const list = (accounts.items[index] as YAMLMap).get('evidence', true);
  if (!isSeq(list))
    return {
      ok: false,
      error: `у аккаунта ${target.accountUrl} в ${target.file} поле evidence не список: исправьте файл (npm run validate)`,
    };
  list.flow = false;
  list.items.push(doc.createNode(evidence));
  const formatted = formatYaml(doc.toString(), schema);
  if (!formatted.ok) return { ok: false, error: `не удалось записать ${target.file} в каноническом виде` };
  const path = ['organizations', at, 'accounts', index, 'evidence', list.items.length - 1];
  return { ok: true, text: formatted.text, line: lineOf(formatted.text, path) };
}
